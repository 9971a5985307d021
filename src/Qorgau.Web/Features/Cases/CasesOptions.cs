using System.ComponentModel.DataAnnotations;

namespace Qorgau.Web.Features.Cases;

/// <summary>The deadline watcher. Bound from <c>Cases</c>.</summary>
public sealed class CasesOptions
{
    public const string SectionName = "Cases";

    /// <summary>Whether the hosted <see cref="DeadlineWatcher"/> runs (tests run the scan themselves).</summary>
    public bool DeadlineWatcher { get; set; } = true;

    [Range(1, 1_440)]
    public int DeadlineScanMinutes { get; set; } = 15;
}
