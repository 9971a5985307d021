using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Qorgau.Domain.Profiles;
using Qorgau.Domain.Statistics;
using Qorgau.Web.Infrastructure;

namespace Qorgau.Web.Features.Statistics;

/// <summary>
/// The tables the treaty body asks for (<see cref="TreatySections"/>) for a reporting period of whole
/// calendar years, by sex, age band, place of detention, accused authority and investigating body: each
/// table is the public funnel (<see cref="FunnelStatistics.PublishAsync"/>), so every number passed
/// disclosure control exactly as the API's. HTML or, with <c>format=csv</c>, CSV; no sign-in, no script.
/// </summary>
[PublicStatistics]
public sealed class TreatyModel(JurisdictionProfile profile, FunnelStatistics funnel, TimeProvider clock, IStringLocalizer<SharedResource> localizer) : PageModel
{
    public const string Csv = "csv";

    public static readonly IReadOnlyList<FunnelBreakdown> Breakdowns =
        [FunnelBreakdown.Sex, FunnelBreakdown.AgeBand, FunnelBreakdown.FacilityType, FunnelBreakdown.Agency, FunnelBreakdown.InvestigatingBody];

    public FunnelCharts Funnel { get; } = new(localizer, CultureInfo.CurrentUICulture);

    /// <summary>What the reader typed, shown again beside any error.</summary>
    [BindProperty(SupportsGet = true)]
    public string? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? To { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Format { get; set; }

    public Dictionary<string, string[]> Errors { get; private set; } = [];

    public IReadOnlyList<FunnelTable> Tables { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var today = JurisdictionTime.DateOf(JurisdictionTime.ZoneOf(profile), clock.GetUtcNow().UtcDateTime);
        var (query, errors) = FunnelQuery.Parse(From, To, null, today, localizer);
        Errors = errors;
        if (!string.IsNullOrEmpty(Format) && Format != Csv)
        {
            Errors["format"] = [localizer["Statistics.Treaty.UnknownFormat", Format]];
        }

        if (Errors.Count > 0)
        {
            return Format == Csv ? BadRequest(new ValidationProblemDetails(Errors) { Title = localizer["Api.InvalidQuery"], Status = StatusCodes.Status400BadRequest, Type = ProblemTypes.Invalid }) : Page();
        }

        var tables = new List<FunnelTable>();
        foreach (var by in Breakdowns)
        {
            tables.Add(await funnel.PublishAsync(query! with { By = by }, cancellationToken));
        }

        Tables = tables;
        return Format == Csv
            ? File(FunnelCsv.Write("treaty-tables", Tables.Select(t => (FunnelQuery.CodeOf(t.By), t)), [.. TreatySections.Stages]), "text/csv; charset=utf-8", $"treaty-tables-{query!.Period.From.Year}-{query.Period.To.Year}.csv")
            : Page();
    }

    public string? Error(string field) => Errors.GetValueOrDefault(field)?.FirstOrDefault();

    public string BreakdownName(FunnelBreakdown by) => localizer[$"Statistics.Breakdown.{FunnelQuery.CodeOf(by)}"];

    public string Section(string code) => localizer[$"Statistics.Treaty.Section.{code}"];

    public string CsvLink => $"/statistics/treaty?from={Uri.EscapeDataString(From ?? string.Empty)}&to={Uri.EscapeDataString(To ?? string.Empty)}&format={Csv}";
}
