using Qorgau.Domain.Care;
using Qorgau.Domain.Cases;
using Qorgau.Domain.Proceedings;

namespace Qorgau.Domain.Import;

/// <summary>
/// What one row of the historical import becomes: the case and every record the application would
/// have written for the same story (its events dated at the row's dates, the proceeding, the
/// qualification history, the accused officials and their sentences). Nothing sensitive: no case key.
/// </summary>
public sealed class ImportedCase
{
    public required int Line { get; init; }

    public required Case Case { get; init; }

    public Proceeding? Proceeding { get; set; }

    public List<Qualification> Qualifications { get; } = [];

    public List<AccusedOfficial> Officials { get; } = [];

    public List<Sentence> Sentences { get; } = [];

    public List<CompensationClaim> CompensationClaims { get; } = [];

    /// <summary>The profile's deadlines the story met, as the workflow meets them (those it left open are not kept: see <see cref="HistoricalCaseStory"/>).</summary>
    public List<CaseDeadline> Deadlines { get; } = [];

    public List<CaseEvent> Events { get; } = [];

    /// <summary>
    /// What the row's decisions broke, one line per flagged event, as the import reports it: the flags
    /// and the date of the act they were judged by, and whether that date is the row's incident_on or,
    /// without one, its received_on.
    /// </summary>
    public IEnumerable<string> FlagNotes() =>
        Events.Select(EventDetail.Of)
            .Where(d => d.Flags.Count > 0)
            .Select(d => $"recorded with flag {string.Join(", ", d.Flags)}" + (d.Act is { } act
                ? $" (date of the act {CaseEvents.Day(act.On)}: {(act.FromReceipt ? "received_on, as incident_on is empty" : "incident_on")})"
                : string.Empty));
}

/// <summary>The event kinds and detail fields the historical import writes beside the workflow's own.</summary>
public static class ImportEventKind
{
    /// <summary>The detail field that marks an event as written by the import, not by a person at the time.</summary>
    public const string Source = CaseEventDetail.Source;

    public const string SourceImport = CaseEventDetail.ImportSource;
}
