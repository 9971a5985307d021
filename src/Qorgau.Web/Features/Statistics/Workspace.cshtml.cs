using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Qorgau.Data;
using Qorgau.Domain;
using Qorgau.Domain.Organisations;
using Qorgau.Domain.Profiles;
using Qorgau.Domain.Statistics;
using Qorgau.Web.Infrastructure;
using Qorgau.Web.Infrastructure.Security;

namespace Qorgau.Web.Features.Statistics;

/// <summary>
/// The analyst workspace: the funnel over the analyst's own organisation's cases, with the finer
/// breakdowns (facility, article and part, month), a cross-tabulation of two breakdowns and filters;
/// every number, on the page and in the CSV, through <see cref="FunnelStatistics.PublishAsync"/> and so
/// through disclosure control. An analyst's home after signing in.
/// </summary>
[Authorize(Policy = StaffAuthentication.StatisticsPolicy)]
public sealed class WorkspaceModel(UserManager<StaffUser> users, JurisdictionProfile profile, FunnelStatistics funnel, TimeProvider clock, IStringLocalizer<SharedResource> localizer) : PageModel
{
    public const string Home = "/statistics/workspace";

    /// <summary>The longest period a breakdown by month may cover, in years (a row per month).</summary>
    public const int MaxMonthYears = 10;

    public JurisdictionProfile Profile => profile;

    public FunnelCharts Funnel { get; } = new(localizer, CultureInfo.CurrentUICulture);

    [BindProperty(SupportsGet = true)]
    public string? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? To { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? By { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Cross { get; set; }

    /// <summary>The stage the cross-tabulation shows.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Stage { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Region { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? FacilityType { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Agency { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Format { get; set; }

    public Dictionary<string, string[]> Errors { get; private set; } = [];

    public FunnelTable? Table { get; private set; }

    /// <summary>Whether an account with these roles lands here after signing in: an analyst who reads no case.</summary>
    public static bool IsHome(Func<string, bool> hasRole) => hasRole(StaffRole.Analyst) && !StaffRole.WorksOnCases(hasRole) && !hasRole(StaffRole.Administrator);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var user = await users.GetUserAsync(User);
        var query = Parse();
        if (Errors.Count > 0 || query is null)
        {
            return Format == TreatyModel.Csv ? BadRequest(new ValidationProblemDetails(Errors) { Title = localizer["Api.InvalidQuery"], Status = StatusCodes.Status400BadRequest, Type = ProblemTypes.Invalid }) : Page();
        }

        // A member of no organisation holds no case: Guid.Empty matches none.
        Table = await funnel.PublishAsync(query with { OrganisationId = user?.OrganisationId ?? Guid.Empty }, cancellationToken);
        return Format == TreatyModel.Csv
            ? File(FunnelCsv.Write("workspace", [(BreakdownCode, Table)], FunnelStage.All), "text/csv; charset=utf-8", $"workspace-{BreakdownCode}-{query.Period.From.Year}-{query.Period.To.Year}.csv")
            : Page();
    }

    public string BreakdownCode => Table?.By is { } by && CrossBreakdown is { } cross ? $"{FunnelQuery.CodeOf(by)}×{FunnelQuery.CodeOf(cross)}" : FunnelQuery.CodeOf(Table?.By ?? FunnelBreakdown.Year);

    public FunnelBreakdown? CrossBreakdown { get; private set; }

    public string ShownStage => string.IsNullOrEmpty(Stage) ? FunnelStage.Received : Stage;

    public string? Error(string field) => Errors.GetValueOrDefault(field)?.FirstOrDefault();

    public string BreakdownName(FunnelBreakdown by) => localizer[$"Statistics.Breakdown.{FunnelQuery.CodeOf(by)}"];

    public static IEnumerable<FunnelBreakdown> AllBreakdowns => FunnelQuery.WorkspaceBreakdowns.Values;

    public string CsvLink => Home + QueryString.Create(Request.Query.Where(q => q.Key != "format").Append(new("format", TreatyModel.Csv)));

    /// <summary>The cross-tabulation as a matrix for <see cref="ShownStage"/>: the keys of each breakdown in order, with their labels, and the published cells.</summary>
    public (IReadOnlyList<(string Key, LocalizedName Label)> Rows, IReadOnlyList<(string Key, LocalizedName Label)> Columns, Func<string, string, long?> Cell) Matrix()
    {
        var rows = Table!.Rows;
        var pieces = rows.Select(r => (Keys: r.Key.Split(FunnelStatistics.Separator), r.Label)).ToList();
        var first = pieces.Select(p => (p.Keys[0], Part(p.Label, 0))).DistinctBy(p => p.Item1).ToList();
        var second = pieces.Select(p => (p.Keys[1], Part(p.Label, 1))).DistinctBy(p => p.Item1).ToList();
        var cells = rows.ToDictionary(r => r.Key, r => r.Values.GetValueOrDefault(ShownStage));
        return (first, second, (a, b) => cells.GetValueOrDefault($"{a}{FunnelStatistics.Separator}{b}"));
    }

    private static LocalizedName Part(LocalizedName label, int index) =>
        new(label.Kk.Split(" × ")[index], label.Ru.Split(" × ")[index], label.En.Split(" × ")[index]);

    private FunnelQuery? Parse()
    {
        var today = JurisdictionTime.DateOf(JurisdictionTime.ZoneOf(profile), clock.GetUtcNow().UtcDateTime);
        var (query, errors) = FunnelQuery.Parse(From, To, null, today, localizer);
        Errors = errors;
        var by = Breakdown("by", By) ?? FunnelBreakdown.Year;
        CrossBreakdown = Breakdown("cross", Cross);
        if (CrossBreakdown == by)
        {
            Errors["cross"] = [localizer["Statistics.Workspace.SameBreakdown"]];
        }

        if (!string.IsNullOrEmpty(Stage) && !FunnelStage.IsKnown(Stage))
        {
            Errors["stage"] = [localizer["Statistics.Workspace.UnknownStage", Stage]];
        }

        if (!string.IsNullOrEmpty(Format) && Format != TreatyModel.Csv)
        {
            Errors["format"] = [localizer["Statistics.Treaty.UnknownFormat", Format]];
        }

        Filter("region", Region, profile.Regions.Select(r => r.Code));
        Filter("facilityType", FacilityType, profile.FacilityTypes.Select(t => t.Code));
        Filter("agency", Agency, profile.Agencies.Select(a => a.Code));
        if (query is not null && (by == FunnelBreakdown.Month || CrossBreakdown == FunnelBreakdown.Month) && query.Period.To.Year - query.Period.From.Year >= MaxMonthYears)
        {
            Errors["from"] = [localizer["Statistics.Workspace.MonthsTooLong", MaxMonthYears]];
        }

        return query is null ? null : query with
        {
            By = by,
            Cross = CrossBreakdown,
            Region = NullIfEmpty(Region),
            FacilityType = NullIfEmpty(FacilityType),
            Agency = NullIfEmpty(Agency),
        };
    }

    private FunnelBreakdown? Breakdown(string field, string? code)
    {
        if (string.IsNullOrEmpty(code))
        {
            return null;
        }

        if (FunnelQuery.WorkspaceBreakdowns.TryGetValue(code, out var by))
        {
            return by;
        }

        Errors[field] = [localizer["Statistics.Workspace.UnknownBreakdown", code]];
        return null;
    }

    private void Filter(string field, string? code, IEnumerable<string> known)
    {
        if (!string.IsNullOrEmpty(code) && !known.Contains(code, StringComparer.Ordinal))
        {
            Errors[field] = [localizer["Statistics.Workspace.UnknownCode", code]];
        }
    }

    private static string? NullIfEmpty(string? text) => string.IsNullOrEmpty(text) ? null : text;
}
