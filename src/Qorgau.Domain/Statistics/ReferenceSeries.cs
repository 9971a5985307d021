using System.Globalization;
using System.Text.RegularExpressions;

namespace Qorgau.Domain.Statistics;

/// <summary>
/// A figure published by someone else (an official body, an NGO), shown beside Qorgau's own figures and
/// always with its publisher and source: the profile's <c>reference-series.csv</c>.
/// </summary>
public sealed record ReferenceSeries(string Code, LocalizedName Name, string Unit, string Publisher, string Source, IReadOnlyList<ReferencePoint> Points)
{
    /// <summary>
    /// The notes of the points, as published: a note every point shares as it is, otherwise each prefixed
    /// with its point's period ("2013-01/2013-05: first five months only"); null when no point has one.
    /// </summary>
    public string? Note
    {
        get
        {
            var notes = Points.Where(p => p.Note is not null).ToList();
            if (notes.Count == 0)
            {
                return null;
            }

            return notes.Count == Points.Count && notes.Select(p => p.Note).Distinct(StringComparer.Ordinal).Count() == 1
                ? notes[0].Note
                : string.Join("; ", notes.Select(p => $"{p.Period.Text}: {p.Note}"));
        }
    }

    /// <summary>Whether the series can be drawn as a trend: two points or more.</summary>
    public bool IsTrend => Points.Count >= 2;
}

/// <param name="Note">The source's own remark on this figure, verbatim; null when it has none.</param>
public sealed record ReferencePoint(ReferencePeriod Period, decimal Value, string? Note);

public enum ReferencePeriodKind
{
    /// <summary>A calendar year: <c>2012</c>.</summary>
    Year,

    /// <summary>One month: <c>2018-04</c>.</summary>
    Month,

    /// <summary>A range of months, both included: <c>2013-01/2013-05</c>.</summary>
    MonthRange,

    /// <summary>The source's own words where it gives no exact period: <c>five years to 2020</c>.</summary>
    Described,
}

/// <summary>
/// The period a reference figure covers, kept as the source gives it. A figure for part of a year is
/// never annualised: nothing here extrapolates, and <see cref="IsPartOfAYear"/> lets a page say so.
/// </summary>
public sealed partial record ReferencePeriod(string Text, ReferencePeriodKind Kind, DateOnly? First, DateOnly? Last)
{
    /// <summary>The months covered, both ends included; null for a described period.</summary>
    public int? Months => First is { } first && Last is { } last ? ((last.Year - first.Year) * 12) + last.Month - first.Month + 1 : null;

    /// <summary>A range of months inside one calendar year that does not cover all of it (2013-01/2013-05).</summary>
    public bool IsPartOfAYear => Kind == ReferencePeriodKind.MonthRange && First!.Value.Year == Last!.Value.Year && Months < 12;

    public static ReferencePeriod Parse(string text)
    {
        if (YearPattern().IsMatch(text))
        {
            var year = int.Parse(text, CultureInfo.InvariantCulture);
            return new(text, ReferencePeriodKind.Year, new DateOnly(year, 1, 1), new DateOnly(year, 12, 1));
        }

        if (MonthRangePattern().Match(text) is { Success: true } range
            && Month(range.Groups["from"].Value) is { } from && Month(range.Groups["to"].Value) is { } to && from <= to)
        {
            return new(text, ReferencePeriodKind.MonthRange, from, to);
        }

        return Month(text) is { } month
            ? new(text, ReferencePeriodKind.Month, month, month)
            : new(text, ReferencePeriodKind.Described, null, null);
    }

    /// <summary>Whether <paramref name="text"/> looks like a month range but is not one (months out of order or past 12).</summary>
    public static bool IsMalformedRange(string text) =>
        text.Contains('/', StringComparison.Ordinal) && MonthRangeShape().IsMatch(text) && Parse(text).Kind != ReferencePeriodKind.MonthRange;

    private static DateOnly? Month(string text) =>
        DateOnly.TryParseExact(text + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;

    [GeneratedRegex(@"^\d{4}$")]
    private static partial Regex YearPattern();

    [GeneratedRegex(@"^(?<from>\d{4}-\d{2})/(?<to>\d{4}-\d{2})$")]
    private static partial Regex MonthRangePattern();

    [GeneratedRegex(@"^\d{4}-\d{2}/\d{4}-\d{2}$")]
    private static partial Regex MonthRangeShape();
}
