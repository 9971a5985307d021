namespace Qorgau.Web.Features.Statistics.Charts;

public enum ChartKind
{
    /// <summary>Vertical bars, one per category: counts by year.</summary>
    Bars,

    /// <summary>A line through the points in order: a trend over periods.</summary>
    Trend,

    /// <summary>One bar per row with its label above it: long labels (survey answers) on a narrow phone.</summary>
    HorizontalBars,
}

/// <summary>
/// What a chart shows, in the reader's language: the renderer draws it, the page puts the same points in a
/// table beside it, so nothing is only in the picture.
/// </summary>
/// <param name="Id">Unique on the page: the SVG's title and description are referenced by it.</param>
/// <param name="Description">What the chart shows in words, for readers who do not see it.</param>
/// <param name="CategoryHeading">The table's first column ("Period", "Answer").</param>
/// <param name="ValueHeading">The table's value column, with its unit ("Statements", "%").</param>
public sealed record Chart(string Id, ChartKind Kind, string Title, string Description, string CategoryHeading, string ValueHeading, IReadOnlyList<ChartPoint> Points)
{
    /// <summary>Heading of the margin column when any point has a margin ("± (95%)").</summary>
    public string? MarginHeading { get; init; }

    /// <summary>Heading of the notes column when any point has a note.</summary>
    public string? NoteHeading { get; init; }

    /// <summary>Where the figures come from and what they count, shown under the chart.</summary>
    public string? Source { get; init; }

    public bool HasMargins => Points.Any(p => p.Margin is not null);

    public bool HasNotes => Points.Any(p => p.Note is not null);
}

/// <param name="Label">Short enough for a 320 px phone ("2013*"); the table gives the rest.</param>
/// <param name="Marked">Drawn apart (lighter, with its label as given): a figure not comparable with the others, such as part of a year.</param>
/// <param name="Margin">Plus or minus this much (a survey's margin of error), drawn as a whisker.</param>
public sealed record ChartPoint(string Label, decimal Value, bool Marked = false, decimal? Margin = null, string? Note = null);
