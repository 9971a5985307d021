using Qorgau.Domain.Proceedings;
using Qorgau.Domain.Profiles;

namespace Qorgau.Domain.Cases;

public enum CaseDecisionKind
{
    Allowed,

    /// <summary>The action is not possible in the case's current state (409).</summary>
    NotAllowedNow,

    /// <summary>A field is missing or wrong (400, per field).</summary>
    Invalid,

    /// <summary>The independence guard refused the target (409 .../independence).</summary>
    NotIndependent,
}

public sealed record CaseDecision(CaseDecisionKind Kind, CaseStatus Status, CaseStatus? Next, string? Reason, IReadOnlyList<Problem> Problems)
{
    /// <summary>The actions allowed in the case's state, as <see cref="CaseRules.AllowedNow"/> gives them.</summary>
    public IReadOnlyList<string> Allowed { get; init; } = CaseWorkflow.AllowedIn(Status);

    /// <summary>The flags an allowed action's event carries (<see cref="CaseFlag"/>); empty when nothing is flagged.</summary>
    public IReadOnlyList<string> Flags { get; init; } = [];

    /// <summary>The date of the act a bar flag was judged by, when the action carries one.</summary>
    public ActDate? FlaggedAct { get; init; }

    /// <summary>The command as it is applied, when the rules recorded it differently (a bare article as its inferred part).</summary>
    public CaseCommand? Resolved { get; init; }

    /// <summary>
    /// A requalification away from a torture article in an organisation that decides: it is recorded as
    /// proposed and takes effect only when a second supervisor confirms it.
    /// </summary>
    public bool AwaitsConfirmation { get; init; }

    public bool IsAllowed => Kind == CaseDecisionKind.Allowed;
}

/// <summary>The stable codes of a case command's <see cref="Problem"/>s and of refusals.</summary>
public static class CaseProblemCode
{
    public const string Required = "required";
    public const string UnknownAction = "unknown-action";
    public const string FutureDate = "future-date";
    public const string TooEarly = "too-early";
    public const string UnknownArticle = "unknown-article";
    public const string ArticleNotInForce = "article-not-in-force";
    public const string SameArticle = "same-article";
    public const string UnknownReason = "unknown-reason";
    public const string TortureTerminationBarred = "torture-termination-barred";
    public const string SuspendedBarred = "suspended-sentence-barred";
    public const string UnknownCase = "unknown-case";
    public const string SameCase = "same-case";
    public const string TargetClosed = "target-closed";
    public const string OtherOrganisation = "other-organisation";
    public const string UnknownOrganisation = "unknown-organisation";
    public const string NoConsent = "no-consent";
    public const string UnknownOfficial = "unknown-official";
    public const string UnknownAgency = "unknown-agency";
    public const string OutOfRange = "out-of-range";
    public const string NotConviction = "not-a-conviction";
    public const string TooLong = "too-long";
    public const string NotInvestigatingBody = "not-investigating-body";

    /// <summary>Confirming a requalification: none waits, or the confirmer is the one who proposed it.</summary>
    public const string NoPendingRequalification = "no-pending-requalification";
    public const string SameSupervisor = "same-supervisor";

    /// <summary>Refusals of the state (409): a withdrawal waits for its follow-up interview, or there is no voluntary withdrawal to close on.</summary>
    public const string FollowUpPending = "follow-up-pending";
    public const string NoVoluntaryWithdrawal = "no-voluntary-withdrawal";

    /// <summary>A referral waits for a member who holds the key to hand it over.</summary>
    public const string ReferralPending = "referral-pending";

    /// <summary>Someone else changed the case at the same moment; nothing was applied.</summary>
    public const string ChangedMeanwhile = "changed-meanwhile";
}

/// <summary>Why a case is out of scope, as codes the complainant sees in plain words.</summary>
public static class OutOfScopeReason
{
    public static readonly IReadOnlyList<string> All =
        ["not-ill-treatment", "not-deprivation-of-liberty", "outside-jurisdiction", "decided-elsewhere", "insufficient-information", "other"];
}
