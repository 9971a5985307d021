using System.Globalization;
using Microsoft.Extensions.Localization;
using Qorgau.Domain.Statistics;

namespace Qorgau.Web.Features.Statistics;

/// <summary>What the funnel's rows are.</summary>
public enum FunnelBreakdown
{
    Year,
    Region,
    FacilityType,
    Agency,
    Sex,
    AgeBand,

    /// <summary>The body investigating the criminal proceeding (<c>Proceeding.InvestigatingBody</c>); cases never registered count under unknown.</summary>
    InvestigatingBody,

    /// <summary>The month (in the profile's calendar) the stage was reached: the analyst workspace only.</summary>
    Month,

    /// <summary>The place of detention (the facility's code): the analyst workspace only.</summary>
    Facility,

    /// <summary>The article and part the criminal case was registered under: the analyst workspace only.</summary>
    Article,
}

/// <summary>
/// A request for the public funnel: a period widened to whole calendar years and cut at the last year
/// that has ended (disclosure control works on years, docs/statistics.md), and a breakdown.
/// </summary>
public sealed record FunnelQuery(StatisticsPeriod Period, FunnelBreakdown By)
{
    /// <summary>Only the cases this organisation holds (the analyst workspace); null for every organisation's (the public figures).</summary>
    public Guid? OrganisationId { get; init; }

    /// <summary>A second breakdown: the rows are then every pair of keys (a cross-tabulation), protected as one table.</summary>
    public FunnelBreakdown? Cross { get; init; }

    /// <summary>Only the cases of this region, facility type, accused agency (codes; null: any).</summary>
    public string? Region { get; init; }

    public string? FacilityType { get; init; }

    public string? Agency { get; init; }

    /// <summary>The longest period one request may cover, in years.</summary>
    public const int MaxYears = 100;

    public static readonly IReadOnlyDictionary<string, FunnelBreakdown> Breakdowns = new Dictionary<string, FunnelBreakdown>(StringComparer.OrdinalIgnoreCase)
    {
        ["year"] = FunnelBreakdown.Year,
        ["region"] = FunnelBreakdown.Region,
        ["facilityType"] = FunnelBreakdown.FacilityType,
        ["agency"] = FunnelBreakdown.Agency,
        ["sex"] = FunnelBreakdown.Sex,
        ["ageBand"] = FunnelBreakdown.AgeBand,
        ["investigatingBody"] = FunnelBreakdown.InvestigatingBody,
    };

    /// <summary>The finer breakdowns of the analyst workspace, beside the public ones.</summary>
    public static readonly IReadOnlyDictionary<string, FunnelBreakdown> WorkspaceBreakdowns = new Dictionary<string, FunnelBreakdown>(Breakdowns, StringComparer.OrdinalIgnoreCase)
    {
        ["month"] = FunnelBreakdown.Month,
        ["facility"] = FunnelBreakdown.Facility,
        ["article"] = FunnelBreakdown.Article,
    };

    public static string CodeOf(FunnelBreakdown by) => WorkspaceBreakdowns.First(b => b.Value == by).Key;

    /// <summary>The query, or each bad parameter with a message in the request's language. Absent values: the last ten years that have ended, by year.</summary>
    public static (FunnelQuery? Query, Dictionary<string, string[]> Errors) Parse(string? from, string? to, string? by, DateOnly today, IStringLocalizer<SharedResource> localizer)
    {
        var errors = new Dictionary<string, string[]>();
        var lastYear = today.Year - 1;
        var start = Date("from", from, errors, localizer) ?? new DateOnly(lastYear - 9, 1, 1);
        var end = Date("to", to, errors, localizer) ?? new DateOnly(lastYear, 12, 31);
        var breakdown = FunnelBreakdown.Year;
        if (!string.IsNullOrEmpty(by) && !Breakdowns.TryGetValue(by, out breakdown))
        {
            errors["by"] = [localizer["Statistics.UnknownBreakdown", by]];
        }

        if (errors.Count == 0)
        {
            CheckPeriod(start, end, lastYear, errors, localizer);
        }

        return errors.Count > 0
            ? (null, errors)
            : (new FunnelQuery(new StatisticsPeriod(new DateOnly(start.Year, 1, 1), new DateOnly(Math.Min(end.Year, lastYear), 12, 31)), breakdown), errors);
    }

    private static void CheckPeriod(DateOnly start, DateOnly end, int lastYear, Dictionary<string, string[]> errors, IStringLocalizer<SharedResource> localizer)
    {
        if (end < start)
        {
            errors["to"] = [localizer["Statistics.ToBeforeFrom"]];
        }
        else if (start.Year > lastYear)
        {
            errors["from"] = [localizer["Statistics.NoEndedYear", lastYear]];
        }
        else if (Math.Min(end.Year, lastYear) - start.Year >= MaxYears)
        {
            errors["from"] = [localizer["Statistics.PeriodTooLong", MaxYears]];
        }
    }

    private static DateOnly? Date(string name, string? text, Dictionary<string, string[]> errors, IStringLocalizer<SharedResource> localizer)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return day;
        }

        errors[name] = [localizer["Statistics.NotADate", text]];
        return null;
    }
}
