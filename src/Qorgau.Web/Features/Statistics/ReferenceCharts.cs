using System.Globalization;
using Microsoft.Extensions.Localization;
using Qorgau.Domain.Statistics;
using Qorgau.Web.Features.Statistics.Charts;

namespace Qorgau.Web.Features.Statistics;

/// <summary>
/// The reference series and the poll as charts in the reader's language: a series with several figures is a
/// bar chart of its own; single figures of one publisher, unit and period are drawn together; the rest is a table.
/// </summary>
public sealed class ReferenceCharts(IStringLocalizer<SharedResource> localizer, CultureInfo culture)
{
    private string Language => culture.TwoLetterISOLanguageName;

    public Chart SeriesChart(ReferenceSeries series)
    {
        var points = series.Points.Select(p => new ChartPoint(ShortPeriod(p.Period), p.Value, p.Period.IsPartOfAYear, Note: PointNote(p))).ToList();
        var name = series.Name.For(Language);
        var described = string.Join("; ", series.Points.Select(p => $"{Period(p.Period)}: {SvgChart.Number(p.Value, culture)}"));
        return new Chart($"ref-{series.Code}", ChartKind.Bars, name, localizer["Statistics.Series.Description", name, Unit(series.Unit), described],
            localizer["Statistics.Period"], Unit(series.Unit), points)
        {
            NoteHeading = localizer["Statistics.Note"],
            Source = Source(series),
        };
    }

    /// <summary>Single figures grouped by publisher, unit and period; a group of one stays for the table.</summary>
    public static IEnumerable<IGrouping<(string Publisher, string Unit, string Period), ReferenceSeries>> SingleFigureGroups(IEnumerable<ReferenceSeries> series) =>
        series.Where(s => !s.IsTrend).GroupBy(s => (s.Publisher, s.Unit, s.Points[0].Period.Text));

    public Chart GroupChart(IGrouping<(string Publisher, string Unit, string Period), ReferenceSeries> group)
    {
        var first = group.First();
        var title = localizer["Statistics.Group.Title", first.Publisher, Period(first.Points[0].Period)];
        var points = group.Select(s => new ChartPoint(s.Name.For(Language), s.Points[0].Value, Note: s.Note)).ToList();
        var described = string.Join("; ", points.Select(p => $"{p.Label}: {SvgChart.Number(p.Value, culture)}"));
        return new Chart($"ref-{first.Code}", ChartKind.HorizontalBars, title, localizer["Statistics.Series.Description", title, Unit(first.Unit), described],
            localizer["Statistics.Figure"], Unit(first.Unit), points)
        {
            NoteHeading = localizer["Statistics.Note"],
            Source = Source(first),
        };
    }

    public Chart QuestionChart(Survey survey, SurveyQuestion question, int index)
    {
        var text = question.Text.For(Language);
        var points = question.Answers.Select(a => new ChartPoint(a.Text.For(Language), a.Percent, Margin: MarginOfError.At95(a.Percent, survey.SampleSize))).ToList();
        var described = string.Join("; ", points.Select(p => $"{p.Label}: {SvgChart.Number(p.Value, culture)}% (± {SvgChart.Number(p.Margin!.Value, culture)})"));
        return new Chart($"survey-{index}-{question.Code}", ChartKind.HorizontalBars, text, localizer["Statistics.Survey.QuestionDescription", text, described],
            localizer["Statistics.Survey.Answer"], localizer["Statistics.Survey.Percent"], points)
        {
            MarginHeading = localizer["Statistics.Survey.Margin"],
            Source = TotalRemark(question),
        };
    }

    public string Unit(string unit)
    {
        var text = localizer[$"Statistics.Unit.{unit}"];
        return text.ResourceNotFound ? unit : text.Value;
    }

    public string Period(ReferencePeriod period) => period.Kind switch
    {
        ReferencePeriodKind.MonthRange or ReferencePeriodKind.Month =>
            period.First == period.Last ? Month(period.First!.Value) : $"{Month(period.First!.Value)} – {Month(period.Last!.Value)}",
        _ => period.Text,
    };

    private string? TotalRemark(SurveyQuestion question) =>
        question.IsRounded ? localizer["Statistics.Survey.Rounded", SvgChart.Number(question.PublishedTotal, culture)].Value
        : question.IsPartial ? localizer["Statistics.Survey.Partial"].Value
        : null;

    private static string ShortPeriod(ReferencePeriod period) => period.IsPartOfAYear ? $"{period.First!.Value.Year}*" : period.Text;

    private string? PointNote(ReferencePoint point)
    {
        var partial = point.Period.IsPartOfAYear ? localizer["Statistics.PartOfAYear", Period(point.Period)].Value : null;
        return (partial, point.Note) switch
        {
            (null, null) => null,
            (null, { } note) => note,
            ({ } p, null) => p,
            ({ } p, { } note) => $"{p} ({note})",
        };
    }

    private string Source(ReferenceSeries series) => localizer["Statistics.Series.Source", series.Publisher, series.Source];

    private string Month(DateOnly month) => month.ToString("MMMM yyyy", culture);
}
