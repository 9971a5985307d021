using System.ComponentModel.DataAnnotations;

namespace Qorgau.Web.Features.Cases;

/// <summary>The deadline watcher and the case list. Bound from <c>Cases</c>.</summary>
public sealed class CasesOptions
{
    public const string SectionName = "Cases";

    /// <summary>Whether the hosted <see cref="DeadlineWatcher"/> runs (tests run the scan themselves).</summary>
    public bool DeadlineWatcher { get; set; } = true;

    [Range(1, 1_440)]
    public int DeadlineScanMinutes { get; set; } = 15;

    /// <summary>
    /// How many cases beyond the end of the page the case list counts exactly; beyond that it says "more
    /// than" (<see cref="CaseListPage.TotalIsAtLeast"/>). 1,000 is 40 pages of 25 (docs/benchmarks-cases.md).
    /// </summary>
    [Range(1, 10_000_000)]
    public int CountLookAhead { get; set; } = 1_000;
}
