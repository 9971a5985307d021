using System.Globalization;
using Microsoft.Extensions.Localization;
using Qorgau.Web.Features.Statistics.Charts;

namespace Qorgau.Web.Features.Statistics;

/// <summary>
/// The system's own figures, as the public funnel publishes them (<see cref="FunnelStatistics.PublishAsync"/>),
/// drawn for the dashboard: only published counts are drawn; a suppressed one is named as such in words.
/// </summary>
public sealed class FunnelCharts(IStringLocalizer<SharedResource> localizer, CultureInfo culture)
{
    /// <summary>The stages the dashboard draws, in funnel order; the API and the open data carry them all.</summary>
    public static readonly IReadOnlyList<string> DrawnStages =
        ["received", "registered", "requalified", "terminated", "indicted", "convicted", "custodial", "suspended", "acquitted", "withdrawn", "compensated"];

    /// <summary>The stages of the regional table.</summary>
    public static readonly IReadOnlyList<string> RegionalStages = ["received", "registered", "indicted", "convicted"];

    public string Stage(string code) => localizer[$"Statistics.Stage.{code}"];

    public string Value(long? count) => count is { } n ? SvgChart.Number(n, culture) : localizer["Statistics.Suppressed"];

    /// <summary>A table cell: a count, or a dash where it is not shown (the section's introduction says so).</summary>
    public string Cell(long? count) => count is { } n ? SvgChart.Number(n, culture) : "—";

    public Chart Stages(FunnelTable byYear)
    {
        var published = DrawnStages.Where(s => byYear.Total.Values.GetValueOrDefault(s) is not null).ToList();
        var points = published.Select(s => new ChartPoint(Stage(s), byYear.Total.Values[s]!.Value)).ToList();
        return new Chart("funnel", ChartKind.HorizontalBars, localizer["Statistics.Funnel.Title", Years(byYear)], Describe(DrawnStages.Select(s => (Stage(s), byYear.Total.Values.GetValueOrDefault(s)))),
            localizer["Statistics.Funnel.Stage"], localizer["Statistics.Unit.cases"], points)
        {
            Source = localizer["Statistics.Funnel.Source", byYear.Threshold],
        };
    }

    public Chart ReceivedByYear(FunnelTable byYear)
    {
        var rows = byYear.Rows.Select(r => (r.Key, Count: r.Values.GetValueOrDefault("received"))).ToList();
        var points = rows.Where(r => r.Count is not null).Select(r => new ChartPoint(r.Key, r.Count!.Value)).ToList();
        return new Chart("funnel-by-year", ChartKind.Bars, localizer["Statistics.Funnel.ByYear", Years(byYear)], Describe(rows.Select(r => (r.Key, r.Count))),
            localizer["Statistics.Period"], localizer["Statistics.Unit.cases"], points)
        {
            Source = localizer["Statistics.Funnel.Source", byYear.Threshold],
        };
    }

    public string Years(FunnelTable table) => table.Period.From.Year == table.Period.To.Year
        ? table.Period.From.Year.ToString(CultureInfo.InvariantCulture)
        : $"{table.Period.From.Year}–{table.Period.To.Year}";

    private string Describe(IEnumerable<(string Label, long? Count)> counts) =>
        string.Join("; ", counts.Select(c => $"{c.Label}: {Value(c.Count)}"));
}
