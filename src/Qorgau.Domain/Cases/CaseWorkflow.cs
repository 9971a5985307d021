namespace Qorgau.Domain.Cases;

/// <summary>The stable action codes of the case workflow (API, pages, timeline and import use them alike).</summary>
public static class CaseAction
{
    public const string Accept = "accept";
    public const string Merge = "merge";
    public const string Refer = "refer";
    public const string Reject = "reject";
    public const string Withdraw = "withdraw";
    public const string Register = "register";
    public const string Requalify = "requalify";
    public const string Terminate = "terminate";
    public const string Reopen = "reopen";
    public const string Indict = "indict";
    public const string Verdict = "verdict";
    public const string Appeal = "appeal";
    public const string Finalise = "finalise";

    public static readonly IReadOnlyList<string> All =
        [Accept, Merge, Refer, Reject, Withdraw, Register, Requalify, Terminate, Reopen, Indict, Verdict, Appeal, Finalise];

    /// <summary>The actions that end the allegation for good: refused while a withdrawal's follow-up interview is pending.</summary>
    public static readonly IReadOnlyList<string> Ending = [Reject, Withdraw, Terminate];
}

/// <summary>
/// The case lifecycle of DESIGN.md as a table: which action is allowed in which status and where it
/// leads. Triage (accept, merge, refer, reject) comes first; registration opens the criminal
/// proceeding; termination or indictment decides it; verdict, appeal and finalisation end it in court.
/// </summary>
public static class CaseWorkflow
{
    private static readonly string[] Triage = [CaseAction.Accept, CaseAction.Merge, CaseAction.Refer, CaseAction.Reject, CaseAction.Withdraw];

    private static readonly Dictionary<CaseStatus, string[]> AllowedByStatus = new()
    {
        [CaseStatus.Received] = Triage,
        [CaseStatus.Referred] = Triage,
        [CaseStatus.Admissible] = [CaseAction.Register, CaseAction.Merge, CaseAction.Refer, CaseAction.Reject, CaseAction.Withdraw],
        [CaseStatus.Registered] = [CaseAction.Requalify, CaseAction.Terminate, CaseAction.Indict],
        [CaseStatus.Terminated] = [CaseAction.Reopen],
        [CaseStatus.InCourt] = [CaseAction.Requalify, CaseAction.Terminate, CaseAction.Verdict],
        [CaseStatus.Verdict] = [CaseAction.Appeal, CaseAction.Finalise],
        [CaseStatus.Appeal] = [CaseAction.Verdict, CaseAction.Finalise],
        [CaseStatus.Merged] = [],
        [CaseStatus.OutOfScope] = [],
        [CaseStatus.Withdrawn] = [],
        [CaseStatus.Final] = [],
    };

    public static IReadOnlyList<string> AllowedIn(CaseStatus status) => AllowedByStatus[status];

    public static bool IsAllowed(CaseStatus status, string action) => AllowedByStatus[status].Contains(action);

    /// <summary>Where an allowed action leads. Requalification keeps the status.</summary>
    public static CaseStatus Next(CaseStatus status, string action) => action switch
    {
        CaseAction.Accept => CaseStatus.Admissible,
        CaseAction.Merge => CaseStatus.Merged,
        CaseAction.Refer => CaseStatus.Referred,
        CaseAction.Reject => CaseStatus.OutOfScope,
        CaseAction.Withdraw => CaseStatus.Withdrawn,
        CaseAction.Register => CaseStatus.Registered,
        CaseAction.Requalify => status,
        CaseAction.Terminate => CaseStatus.Terminated,
        CaseAction.Reopen => CaseStatus.Registered,
        CaseAction.Indict => CaseStatus.InCourt,
        CaseAction.Verdict => CaseStatus.Verdict,
        CaseAction.Appeal => CaseStatus.Appeal,
        CaseAction.Finalise => CaseStatus.Final,
        _ => throw new ArgumentOutOfRangeException(nameof(action), action, "Not a case action."),
    };

    /// <summary>The statuses in which a case is still someone's work, for queues and deadlines (a terminated case waits for nothing unless reopened).</summary>
    public static readonly IReadOnlyList<CaseStatus> ActiveStatuses =
        [CaseStatus.Received, CaseStatus.Referred, CaseStatus.Admissible, CaseStatus.Registered, CaseStatus.InCourt, CaseStatus.Verdict, CaseStatus.Appeal];

    public static bool IsActive(CaseStatus status) => ActiveStatuses.Contains(status);
}
