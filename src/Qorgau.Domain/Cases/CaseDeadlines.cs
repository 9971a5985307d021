using Qorgau.Domain.Profiles;

namespace Qorgau.Domain.Cases;

/// <summary>One piece of due work on a case, from a profile deadline: open until met, flagged once overdue.</summary>
public sealed class CaseDeadline
{
    /// <summary>Random, not UUIDv7: intake writes one with every complaint, and a time-ordered id would carry the filing's millisecond.</summary>
    public Guid Id { get; init; } = Guid.NewGuid();

    public Guid CaseId { get; init; }

    /// <summary>The profile's deadline code (registration, withdrawal-follow-up, complainant-answer...).</summary>
    public required string Code { get; init; }

    public DateOnly DueOn { get; init; }

    /// <summary>The record the deadline is about when there can be several (a withdrawal).</summary>
    public Guid? SubjectId { get; init; }

    public DateTime? MetAtUtc { get; set; }

    public DateTime? OverdueMarkedAtUtc { get; set; }

    public bool IsOpen => MetAtUtc is null;
}

/// <summary>
/// Which profile deadlines a case's events open and which they meet. The clock starts at the event
/// the profile names; the due date is counted in the profile's calendar days.
/// </summary>
public static class CaseDeadlines
{
    public const string Registration = "registration";
    public const string WithdrawalFollowUp = "withdrawal-follow-up";
    public const string ComplainantAnswer = "complainant-answer";

    /// <summary>The forensic examination of the alleged victim: injuries fade, so the clock starts at receipt.</summary>
    public const string MedicalExamination = "medical-examination";

    /// <summary>A new complaint must be registered (or triaged away) and answered, and the alleged victim examined.</summary>
    public static IEnumerable<CaseDeadline> OpenedOnReceipt(JurisdictionProfile profile, Guid caseId, DateOnly receivedOn) =>
        new[] { Registration, ComplainantAnswer, MedicalExamination }
            .Select(profile.FindDeadline)
            .OfType<Deadline>()
            .Select(d => new CaseDeadline { CaseId = caseId, Code = d.Code, DueOn = d.DueOn(receivedOn) });

    /// <summary>A withdrawal opens the confidential follow-up interview.</summary>
    public static CaseDeadline? OpenedByWithdrawal(JurisdictionProfile profile, Guid caseId, Guid withdrawalId, DateOnly requestedOn) =>
        profile.FindDeadline(WithdrawalFollowUp) is { } deadline
            ? new CaseDeadline { CaseId = caseId, Code = deadline.Code, DueOn = deadline.DueOn(requestedOn), SubjectId = withdrawalId }
            : null;

    /// <summary>
    /// The deadlines an action meets. Any triage decision answers the complainant (they see the new
    /// status in plain words) and, if it ends or moves the case, leaves nothing to register here.
    /// </summary>
    public static IReadOnlyList<string> MetBy(string action) => action switch
    {
        CaseAction.Accept => [ComplainantAnswer],
        CaseAction.Register => [Registration, ComplainantAnswer],
        CaseAction.Merge or CaseAction.Refer or CaseAction.Reject or CaseAction.Withdraw => [Registration, ComplainantAnswer, MedicalExamination],
        _ => [],
    };

    /// <summary>Meets the open deadlines with these codes (about one subject, when given); every open one when <paramref name="codes"/> is null.</summary>
    public static void Meet(IEnumerable<CaseDeadline> deadlines, IReadOnlyCollection<string>? codes, DateTime metAtUtc, Guid? subjectId = null)
    {
        foreach (var deadline in deadlines.Where(d => d.IsOpen && (codes is null || codes.Contains(d.Code)) && (subjectId is null || d.SubjectId == subjectId)))
        {
            deadline.MetAtUtc = metAtUtc;
        }
    }

    /// <summary>A reply from the organisation answers the complainant.</summary>
    public static IReadOnlyList<string> MetByStaffMessage => [ComplainantAnswer];

    /// <summary>A closed case has nothing left to do: its open deadlines are met by the closing itself.</summary>
    public static bool ClosesAll(CaseStatus newStatus) => !CaseWorkflow.IsActive(newStatus);

    public static DateOnly? NextDue(IEnumerable<CaseDeadline> deadlines) =>
        deadlines.Where(d => d.IsOpen).Select(d => (DateOnly?)d.DueOn).Min();

    public static bool IsOverdue(CaseDeadline deadline, DateOnly today) => deadline.IsOpen && deadline.DueOn < today;
}
