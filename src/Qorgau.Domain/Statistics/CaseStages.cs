using Qorgau.Domain.Care;
using Qorgau.Domain.Cases;
using Qorgau.Domain.Intake;
using Qorgau.Domain.Proceedings;
using Qorgau.Domain.Profiles;

namespace Qorgau.Domain.Statistics;

/// <summary>A change of qualification as the statistics read it: away from torture when the profile says the first article is torture and the second is not, or the event says so.</summary>
public sealed record Requalification(DateTime AtUtc, string? From, string? To, bool AwayFromTorture);

/// <summary>
/// What a case's events say about it as of one instant: when it first reached each stage of the
/// funnel, and the facts the tables break the stages down by (channel, article, termination reason,
/// penalties, withdrawal follow-up, compensation). Built by <see cref="CaseStages.Of"/> only.
/// </summary>
public sealed class CaseStageRecord
{
    internal Dictionary<string, DateTime> FirstReached { get; } = [];

    public DateTime AsOfUtc { get; init; }

    public IntakeChannel? Channel { get; internal set; }

    /// <summary>The case came in through the historical import (its events say <c>"source":"import"</c>).</summary>
    public bool Imported { get; internal set; }

    /// <summary>Merged into another case as of the date: a duplicate, counted in no stage (the case it joined counts).</summary>
    public bool Merged { get; internal set; }

    /// <summary>When the case was first merged into another (null while it is not, as of the date).</summary>
    public DateTime? MergedAtUtc { get; internal set; }

    /// <summary>The article the criminal case was opened under (the part, once the data step inferred it).</summary>
    public string? ArticleOpened { get; internal set; }

    public List<Requalification> Requalifications { get; } = [];

    /// <summary>The reason of the first termination and the bar flags it carried.</summary>
    public string? TerminationReason { get; internal set; }

    public IReadOnlyList<string> TerminationFlags { get; internal set; } = [];

    /// <summary>Officials, by the latest verdict as of the date (a verdict on appeal supersedes the first).</summary>
    public int OfficialsConvicted { get; internal set; }

    public int OfficialsAcquitted { get; internal set; }

    public int OfficialsCustodial { get; internal set; }

    public int OfficialsSuspended { get; internal set; }

    public int OfficialsOtherPenalty { get; internal set; }

    /// <summary>Months of imprisonment not suspended, summed over the officials; known only when the sentences were given.</summary>
    public int? CustodialMonths { get; internal set; }

    /// <summary>The outcome of the latest follow-up interview after a withdrawal; null while none was recorded.</summary>
    public WithdrawalOutcome? WithdrawalOutcome { get; internal set; }

    /// <summary>Closed as withdrawn (after a follow-up that found the withdrawal voluntary).</summary>
    public bool ClosedAsWithdrawn { get; internal set; }

    public decimal CompensationPaid { get; internal set; }

    public decimal CompensationAwarded { get; internal set; }

    public DateTime? ReachedAt(string stage) => FirstReached.TryGetValue(stage, out var at) ? at : null;

    public IReadOnlyDictionary<string, DateTime> Stages => FirstReached;

    internal void Reach(string stage, DateTime atUtc) => FirstReached.TryAdd(stage, atUtc);
}

/// <summary>
/// The definitions of the funnel: each stage a pure function of a case's events as of an instant.
/// Events recorded after <c>asOfUtc</c> are ignored, so the figures of a past date can be rebuilt at
/// any time. Live and imported cases count the same way (the import's <c>received</c> detail is JSON,
/// the live one a bare channel code: both are read). The written definitions are docs/statistics.md.
/// </summary>
public static class CaseStages
{
    public static CaseStageRecord Of(JurisdictionProfile profile, IEnumerable<CaseEvent> events, DateTime asOfUtc, IEnumerable<Sentence>? sentences = null)
    {
        var record = new CaseStageRecord { AsOfUtc = asOfUtc };
        var known = sentences?.ToList();
        foreach (var e in events.Where(e => e.OccurredAtUtc <= asOfUtc).OrderBy(e => e.OccurredAtUtc).ThenBy(e => e.Id))
        {
            Read(profile, record, e, known);
        }

        return record;
    }

    /// <summary>Whether an event of this kind can change what <see cref="Of"/> gives about a stage, a merge or the article opened (an access, a message cannot).</summary>
    public static bool Reads(string kind) =>
        kind is CaseEventKind.Received or CaseEventKind.ArticlePartInferred or CaseEventKind.WithdrawalRequested or CaseEventKind.WithdrawalOutcomeRecorded
            or CareEventKind.CompensationFiled or CareEventKind.CompensationDecided or CareEventKind.CompensationPaid
        || CaseEventKind.IsAction(kind, out _);

    private static void Read(JurisdictionProfile profile, CaseStageRecord record, CaseEvent e, List<Sentence>? sentences)
    {
        var detail = EventDetail.Of(e);
        if (detail.IsImported)
        {
            record.Imported = true;
        }

        switch (e.Kind)
        {
            case CaseEventKind.Received:
                record.Channel ??= detail.Channel;
                record.Reach(FunnelStage.Received, e.OccurredAtUtc);
                return;
            case CaseEventKind.ArticlePartInferred:
                record.ArticleOpened = record.ArticleOpened is not null && record.Requalifications.Count == 0
                    ? detail.Article ?? record.ArticleOpened
                    : record.ArticleOpened;
                return;
            case CaseEventKind.WithdrawalRequested:
                record.Reach(FunnelStage.Withdrawn, e.OccurredAtUtc);
                return;
            case CaseEventKind.WithdrawalOutcomeRecorded:
                record.WithdrawalOutcome = detail.WithdrawalOutcome ?? record.WithdrawalOutcome;
                return;
            case CareEventKind.CompensationFiled:
                record.Reach(FunnelStage.CompensationClaimed, e.OccurredAtUtc);
                return;
            case CareEventKind.CompensationDecided:
                Decided(record, e, detail);
                return;
            case CareEventKind.CompensationPaid:
                Paid(record, e, detail);
                return;
        }

        if (CaseEventKind.IsAction(e.Kind, out var action))
        {
            Action(profile, record, e, action, detail, sentences);
        }
    }

    private static void Action(JurisdictionProfile profile, CaseStageRecord record, CaseEvent e, string action, EventDetail detail, List<Sentence>? sentences)
    {
        switch (action)
        {
            case CaseAction.Merge:
                record.Merged = true;
                record.MergedAtUtc ??= e.OccurredAtUtc;
                break;
            case CaseAction.Withdraw:
                record.ClosedAsWithdrawn = true;
                break;
            case CaseAction.Register:
                record.ArticleOpened ??= detail.Article;
                record.Reach(FunnelStage.Registered, e.OccurredAtUtc);
                break;
            case CaseAction.Requalify:
                Requalify(profile, record, e, detail);
                break;
            case CaseAction.Terminate:
                Terminate(record, e, detail);
                break;
            case CaseAction.Indict:
                record.Reach(FunnelStage.Indicted, e.OccurredAtUtc);
                break;
            case CaseAction.Verdict:
                Verdict(record, e, detail, sentences);
                break;
        }
    }

    private static void Requalify(JurisdictionProfile profile, CaseStageRecord record, CaseEvent e, EventDetail detail)
    {
        var from = detail.From;
        var to = detail.Article;
        var away = detail.Flags.Contains(CaseFlag.RequalifiedAwayFromTorture)
            || (TortureRestrictions.IsTorture(profile, from) && !TortureRestrictions.IsTorture(profile, to));
        record.Requalifications.Add(new Requalification(e.OccurredAtUtc, from, to, away));
        if (away)
        {
            record.Reach(FunnelStage.Requalified, e.OccurredAtUtc);
        }
    }

    private static void Terminate(CaseStageRecord record, CaseEvent e, EventDetail detail)
    {
        var bars = detail.Flags.Where(CaseFlag.IsBar).ToList();
        if (bars.Count > 0)
        {
            record.Reach(FunnelStage.TerminatedFlagged, e.OccurredAtUtc);
        }

        if (record.ReachedAt(FunnelStage.Terminated) is null)
        {
            record.Reach(FunnelStage.Terminated, e.OccurredAtUtc);
            record.TerminationReason = detail.Reason;
            record.TerminationFlags = bars;
        }
    }

    private static void Verdict(CaseStageRecord record, CaseEvent e, EventDetail detail, List<Sentence>? sentences)
    {
        var convicted = detail.Convictions;
        var imprisoned = detail.Penalised(SentencePenalty.Imprisonment);
        var suspended = detail.Suspended;

        // Suspended sentences are of imprisonment (or, rarely, restriction of liberty): the custodial ones are the rest.
        record.OfficialsConvicted = convicted;
        record.OfficialsAcquitted = detail.Acquittals;
        record.OfficialsSuspended = suspended;
        record.OfficialsCustodial = Math.Max(0, imprisoned - suspended);
        record.OfficialsOtherPenalty = Math.Max(0, convicted - imprisoned - Math.Max(0, suspended - imprisoned));
        record.CustodialMonths = sentences is null ? null : CustodialMonths(sentences, detail);
        Reach(record, FunnelStage.Convicted, convicted, e);
        Reach(record, FunnelStage.Acquitted, record.OfficialsAcquitted, e);
        Reach(record, FunnelStage.Custodial, record.OfficialsCustodial, e);
        Reach(record, FunnelStage.Suspended, suspended, e);
        Reach(record, FunnelStage.OtherPenalty, record.OfficialsOtherPenalty, e);
        Reach(record, FunnelStage.PleaAgreement, detail.PleaAgreement ? 1 : 0, e);
    }

    /// <summary>The months of the sentences this verdict wrote: same day, same instance (first or on appeal).</summary>
    private static int CustodialMonths(List<Sentence> sentences, EventDetail detail)
    {
        var on = detail.On;
        return sentences
            .Where(s => s.On == on && s.OnAppeal == detail.OnAppeal && s.Outcome == VerdictOutcome.Conviction && !s.Suspended)
            .Sum(s => s.CustodialMonths ?? 0);
    }

    private static void Decided(CaseStageRecord record, CaseEvent e, EventDetail detail)
    {
        if (detail.ClaimDecision is ClaimDecision.Granted or ClaimDecision.PartlyGranted)
        {
            record.CompensationAwarded += detail.Amount;
            record.Reach(FunnelStage.CompensationAwarded, e.OccurredAtUtc);
        }
    }

    /// <summary>A payment; the import knows only payments, so it also stands for the claim and the award.</summary>
    private static void Paid(CaseStageRecord record, CaseEvent e, EventDetail detail)
    {
        var amount = detail.Amount;
        record.CompensationPaid += amount;
        if (detail.IsImported)
        {
            record.CompensationAwarded += amount;
            record.Reach(FunnelStage.CompensationClaimed, e.OccurredAtUtc);
            record.Reach(FunnelStage.CompensationAwarded, e.OccurredAtUtc);
        }

        record.Reach(FunnelStage.Compensated, e.OccurredAtUtc);
    }

    private static void Reach(CaseStageRecord record, string stage, int count, CaseEvent e)
    {
        if (count > 0)
        {
            record.Reach(stage, e.OccurredAtUtc);
        }
    }
}
