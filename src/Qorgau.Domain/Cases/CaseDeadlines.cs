using Qorgau.Domain.Profiles;

namespace Qorgau.Domain.Cases;

/// <summary>
/// One piece of due work on a case, from a profile deadline: open until met by the act it names, or
/// closed as not applicable when another act makes it moot (the case closed, moved, or its organisation
/// is not bound by it); flagged once overdue. Statistics count met and not applicable apart.
/// </summary>
public sealed class CaseDeadline
{
    /// <summary>Random, not UUIDv7: intake writes one with every complaint, and a time-ordered id would carry the filing's millisecond.</summary>
    public Guid Id { get; init; } = Guid.NewGuid();

    public Guid CaseId { get; init; }

    /// <summary>The profile's deadline code (registration, withdrawal-follow-up, complainant-answer...).</summary>
    public required string Code { get; init; }

    public DateOnly DueOn { get; set; }

    /// <summary>The record the deadline is about when there can be several (a withdrawal).</summary>
    public Guid? SubjectId { get; init; }

    /// <summary>When the act the deadline names was done.</summary>
    public DateTime? MetAtUtc { get; set; }

    /// <summary>When the deadline stopped applying without being met (the case closed or moved, or it does not bind the organisation).</summary>
    public DateTime? NotApplicableAtUtc { get; set; }

    public DateTime? OverdueMarkedAtUtc { get; set; }

    public bool IsOpen => MetAtUtc is null && NotApplicableAtUtc is null;
}

public static class CaseDeadlines
{
    public const string Registration = "registration";
    public const string WithdrawalFollowUp = "withdrawal-follow-up";
    public const string ComplainantAnswer = "complainant-answer";

    /// <summary>An organisation that does not investigate passes the allegation to the prosecutor.</summary>
    public const string ReferralToProsecutor = "referral-to-prosecutor";

    /// <summary>A person still held is visited (a follow-up visit applied as a protective measure).</summary>
    public const string VisitWhileHeld = "visit-while-held";

    /// <summary>The forensic examination of the alleged victim: injuries fade, so the clock starts at receipt.</summary>
    public const string MedicalExamination = "medical-examination";

    /// <summary>The deadlines a receipt may open; each opens only for the organisations its profile row names.</summary>
    public static readonly IReadOnlyList<string> OnReceipt = [Registration, ComplainantAnswer, MedicalExamination, ReferralToProsecutor];

    /// <summary>
    /// A new complaint opens the receipt deadlines that bind its organisation (and a visit when the person
    /// is still held). Without a holder (the historical import, which does not name it yet) it opens those
    /// of an investigating body, as before deadlines knew the organisation.
    /// </summary>
    public static IEnumerable<CaseDeadline> OpenedOnReceipt(JurisdictionProfile profile, Guid caseId, DateOnly receivedOn, DeadlineHolder? holder = null, bool victimStillHeld = false) =>
        (holder is null ? [Registration, ComplainantAnswer, MedicalExamination] : OnReceipt.Append(victimStillHeld ? VisitWhileHeld : null).OfType<string>())
            .Select(profile.FindDeadline)
            .OfType<Deadline>()
            .Where(d => holder is null || d.Binds(holder))
            .Select(d => new CaseDeadline { CaseId = caseId, Code = d.Code, DueOn = d.DueOn(receivedOn) });

    /// <summary>
    /// A referral hands the case to another organisation: of the open deadlines, those that do not bind
    /// it are no longer applicable (returned in <c>Moot</c>), and the receipt deadlines that bind it and
    /// the case never had open, counted from the referral.
    /// </summary>
    public static (IReadOnlyList<CaseDeadline> Moot, IReadOnlyList<CaseDeadline> Opened) HandedOver(JurisdictionProfile profile, IReadOnlyCollection<CaseDeadline> deadlines, Guid caseId, DeadlineHolder receiver, DateOnly referredOn)
    {
        var moot = deadlines.Where(d => d.IsOpen && profile.FindDeadline(d.Code) is { } rule && !rule.Binds(receiver)).ToList();
        var had = deadlines.Select(d => d.Code).ToHashSet(StringComparer.Ordinal);
        var opened = OpenedOnReceipt(profile, caseId, referredOn, receiver).Where(d => !had.Contains(d.Code)).ToList();
        return (moot, opened);
    }

    /// <summary>A withdrawal opens the confidential follow-up interview.</summary>
    public static CaseDeadline? OpenedByWithdrawal(JurisdictionProfile profile, Guid caseId, Guid withdrawalId, DateOnly requestedOn) =>
        profile.FindDeadline(WithdrawalFollowUp) is { } deadline
            ? new CaseDeadline { CaseId = caseId, Code = deadline.Code, DueOn = deadline.DueOn(requestedOn), SubjectId = withdrawalId }
            : null;

    /// <summary>
    /// The deadlines an action meets: only those naming it. Any triage decision answers the complainant
    /// (they see the new status in plain words); registering meets registration; a referral meets the
    /// referral to the prosecutor. Nothing meets the forensic examination but an examination recorded.
    /// </summary>
    public static IReadOnlyList<string> MetBy(string action) => action switch
    {
        CaseAction.Accept or CaseAction.Merge or CaseAction.Reject or CaseAction.Withdraw => [ComplainantAnswer],
        CaseAction.Register => [Registration, ComplainantAnswer],
        CaseAction.Refer => [ReferralToProsecutor, ComplainantAnswer],
        _ => [],
    };

    /// <summary>
    /// The deadlines an action makes moot without meeting them: once the state registered the case there
    /// is nothing left to refer. A closing action makes every other open deadline moot (<see cref="ClosesAll"/>).
    /// </summary>
    public static IReadOnlyList<string> MootedBy(string action) => action switch
    {
        CaseAction.Register => [ReferralToProsecutor],
        _ => [],
    };

    /// <summary>Meets the open deadlines with these codes (about one subject, when given); every open one when <paramref name="codes"/> is null.</summary>
    public static void Meet(IEnumerable<CaseDeadline> deadlines, IReadOnlyCollection<string>? codes, DateTime metAtUtc, Guid? subjectId = null)
    {
        foreach (var deadline in Matching(deadlines, codes, subjectId))
        {
            deadline.MetAtUtc = metAtUtc;
        }
    }

    /// <summary>Closes as not applicable the open deadlines with these codes; every open one when <paramref name="codes"/> is null.</summary>
    public static void CloseAsNotApplicable(IEnumerable<CaseDeadline> deadlines, IReadOnlyCollection<string>? codes, DateTime atUtc)
    {
        foreach (var deadline in Matching(deadlines, codes, null))
        {
            deadline.NotApplicableAtUtc = atUtc;
        }
    }

    private static List<CaseDeadline> Matching(IEnumerable<CaseDeadline> deadlines, IReadOnlyCollection<string>? codes, Guid? subjectId) =>
        [.. deadlines.Where(d => d.IsOpen && (codes is null || codes.Contains(d.Code)) && (subjectId is null || d.SubjectId == subjectId))];

    /// <summary>A reply from the organisation answers the complainant.</summary>
    public static IReadOnlyList<string> MetByStaffMessage => [ComplainantAnswer];

    /// <summary>A closed case has nothing left to do: its open deadlines not met by the closing act are no longer applicable.</summary>
    public static bool ClosesAll(CaseStatus newStatus) => !CaseWorkflow.IsActive(newStatus);

    public static DateOnly? NextDue(IEnumerable<CaseDeadline> deadlines) =>
        deadlines.Where(d => d.IsOpen).Select(d => (DateOnly?)d.DueOn).Min();

    public static bool IsOverdue(CaseDeadline deadline, DateOnly today) => deadline.IsOpen && deadline.DueOn < today;
}
