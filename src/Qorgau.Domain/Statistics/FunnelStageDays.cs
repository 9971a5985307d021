using Qorgau.Domain.Cases;
using Qorgau.Domain.Profiles;

namespace Qorgau.Domain.Statistics;

/// <summary>What the table of first-reached days keeps of a case: the instant it first reached each stage, and when it was first merged.</summary>
public sealed record CaseFirstReached(IReadOnlyDictionary<string, DateTime> Stages, DateTime? MergedAtUtc);

/// <summary>
/// The table of first-reached days (one row per case and stage) is derived from <see cref="CaseStages"/>, never
/// defined beside it: <see cref="Of"/> is <see cref="CaseStages.Of"/> over the whole timeline. It answers for any
/// "as of" instant because <see cref="CaseStages.Of"/> reads the events in order and keeps a stage's first instant
/// (a termination overturned, a conviction quashed on appeal leave the stage reached), and whether an event
/// reaches a stage depends only on the events before it: as of <c>T</c> a case has reached a stage exactly when
/// its first instant is at or before <c>T</c>, on that instant, and is merged when its first merge is.
/// </summary>
public static class FunnelStageDays
{
    public static CaseFirstReached Of(JurisdictionProfile profile, IEnumerable<CaseEvent> events)
    {
        var record = CaseStages.Of(profile, events, DateTime.MaxValue);
        return new CaseFirstReached(new Dictionary<string, DateTime>(record.Stages), record.MergedAtUtc);
    }

    /// <summary>The stages a case had reached as of <paramref name="asOfUtc"/>, from its row of the table, as <see cref="CaseStages.Of"/> gives them.</summary>
    public static IReadOnlyDictionary<string, DateTime> AsOf(CaseFirstReached row, DateTime asOfUtc) =>
        row.Stages.Where(s => s.Value <= asOfUtc).ToDictionary(s => s.Key, s => s.Value);

    /// <summary>
    /// Whether a case counts in the figures as of <paramref name="asOfUtc"/>: the one rule of which cases count
    /// (a case merged into another by then is a duplicate and counts in no stage; the case it joined counts).
    /// </summary>
    public static bool Counts(DateTime? mergedAtUtc, DateTime asOfUtc) => mergedAtUtc is null || mergedAtUtc > asOfUtc;

    /// <summary>
    /// The same with the links between two organisations' cases: one allegation that reached both counts once,
    /// the later case of a confirmed link counting in no stage from the confirmation (<see cref="CaseLink.LeavesOut"/>).
    /// <c>FunnelStatistics.Counted</c> applies both in the database.
    /// </summary>
    public static bool Counts(Guid caseId, DateTime? mergedAtUtc, IEnumerable<CaseLink> links, DateTime asOfUtc) =>
        Counts(mergedAtUtc, asOfUtc) && !links.Any(l => l.LeavesOut(caseId, asOfUtc));
}
