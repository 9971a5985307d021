using Qorgau.Domain.Cases;

namespace Qorgau.Domain.Retention;

/// <summary>What a retention run does to a case: remove the whole case, or only retire its receipt.</summary>
public enum RetentionAction
{
    DeleteCase,
    RetireReceipt,
}

/// <summary>Why something due is nevertheless kept.</summary>
public enum RetentionBlock
{
    /// <summary>A legal hold that is not lifted.</summary>
    LegalHold,

    /// <summary>The criminal proceeding is neither terminated nor final: its evidence may still be needed in court.</summary>
    ProceedingOpen,

    /// <summary>The case was merged into one that is still kept: the merged timeline belongs to it.</summary>
    MergedIntoKeptCase,
}

/// <summary>The facts about one case that retention needs, read in clear (no key).</summary>
public sealed record RetentionFacts(
    Guid CaseId,
    string PublicId,
    Guid OrganisationId,
    CaseStatus Status,
    DateOnly ClosedOn,
    bool HasReceipt,
    DateOnly? ReceiptLastUsedOn,
    bool ProceedingOpen,
    bool Held,
    bool MergedIntoKeptCase);

/// <summary>One case that is due: what would be done, from which day, and what holds it back (null when nothing does).</summary>
public sealed record RetentionItem(RetentionFacts Case, RetentionAction Action, DateOnly DueOn, RetentionBlock? BlockedBy)
{
    public bool Goes => BlockedBy is null;
}

/// <summary>The periods in force for one organisation; null where the profile has no such period (nothing of that kind is ever due).</summary>
public sealed record RetentionPeriods(int? ClosedCaseDays, int? UnusedReceiptDays);

/// <summary>
/// The retention rules: a closed case is removed a number of days after it closed; the receipt of a
/// closed case is retired a number of days after the case closed or the receipt was last used, whichever
/// is later. A legal hold, an unfinished proceeding or a merge into a case still kept holds a case back.
/// </summary>
public static class RetentionRules
{
    /// <summary>About a hundred years: a longer period is a typing mistake, not a policy.</summary>
    public const int MaximumDays = 36_500;

    public const string BelowMinimum = "below-minimum";
    public const string AboveMaximum = "above-maximum";

    /// <summary>The statuses in which nothing more happens to a case unless it is reopened (a terminated case can be).</summary>
    public static readonly IReadOnlyList<CaseStatus> ClosedStatuses =
        [CaseStatus.Terminated, CaseStatus.Final, CaseStatus.Withdrawn, CaseStatus.OutOfScope, CaseStatus.Merged];

    public static bool IsClosed(CaseStatus status) => ClosedStatuses.Contains(status);

    /// <summary>A proceeding is finished once terminated or final; a case without one has nothing pending in court.</summary>
    public static bool IsProceedingOpen(bool hasProceeding, DateOnly? terminatedOn, DateOnly? finalOn) =>
        hasProceeding && terminatedOn is null && finalOn is null;

    /// <summary>The organisation's own periods where it set them, the profile's defaults otherwise.</summary>
    public static RetentionPeriods PeriodsFor(RetentionDefaults defaults, RetentionRule? rule) =>
        new(
            defaults.ClosedCase is null ? null : rule?.ClosedCaseDays ?? defaults.ClosedCase.DefaultDays,
            defaults.UnusedReceipt is null ? null : rule?.UnusedReceiptDays ?? defaults.UnusedReceipt.DefaultDays);

    /// <summary>What is due for a case on <paramref name="today"/>, or null when nothing is.</summary>
    public static RetentionItem? Assess(RetentionFacts facts, RetentionPeriods periods, DateOnly today)
    {
        if (!IsClosed(facts.Status))
        {
            return null;
        }

        if (periods.ClosedCaseDays is { } caseDays && facts.ClosedOn.AddDays(caseDays) is var caseDue && caseDue <= today)
        {
            return new RetentionItem(facts, RetentionAction.DeleteCase, caseDue, BlockOf(facts));
        }

        if (facts.HasReceipt && periods.UnusedReceiptDays is { } receiptDays)
        {
            var from = facts.ReceiptLastUsedOn is { } used && used > facts.ClosedOn ? used : facts.ClosedOn;
            var receiptDue = from.AddDays(receiptDays);
            if (receiptDue <= today)
            {
                return new RetentionItem(facts, RetentionAction.RetireReceipt, receiptDue, facts.Held ? RetentionBlock.LegalHold : null);
            }
        }

        return null;
    }

    /// <summary>A period an organisation may set: not below the profile's floor, not absurdly long; null when acceptable.</summary>
    public static string? Check(int days, RetentionPeriod period) =>
        days < period.MinimumDays ? BelowMinimum
        : days > MaximumDays ? AboveMaximum
        : null;

    private static RetentionBlock? BlockOf(RetentionFacts facts) =>
        facts.Held ? RetentionBlock.LegalHold
        : facts.ProceedingOpen ? RetentionBlock.ProceedingOpen
        : facts.MergedIntoKeptCase ? RetentionBlock.MergedIntoKeptCase
        : null;
}
