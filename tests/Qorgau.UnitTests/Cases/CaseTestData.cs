using Qorgau.Domain;
using Qorgau.Domain.Cases;
using Qorgau.Domain.Proceedings;

namespace Qorgau.UnitTests.Cases;

/// <summary>
/// Case facts and commands that pass every rule, so that a test changes one thing at a time. The
/// proceeding's dates follow the received date: registered +1 day, indicted +9, terminated +19,
/// verdict +31, appealed +35, final +40.
/// </summary>
internal static class CaseTestData
{
    public static readonly DateOnly Today = new(2026, 11, 23);

    public static readonly DateOnly ReceivedOn = new(2026, 10, 1);

    /// <summary>The Kazakhstan profile's torture restrictions start on this day (profile.csv).</summary>
    public static readonly DateOnly AmendmentInForce = new(2023, 3, 29);

    public static readonly Guid CaseId = new("00000000-0000-0000-0000-0000000000c1");
    public static readonly Guid OtherCaseId = new("00000000-0000-0000-0000-0000000000c2");
    public static readonly Guid OrganisationId = new("00000000-0000-0000-0000-0000000000a1");
    public static readonly Guid OtherOrganisationId = new("00000000-0000-0000-0000-0000000000a2");
    public static readonly Guid OfficialId = new("00000000-0000-0000-0000-0000000000e1");

    public static DateOnly RegisteredOn(DateOnly receivedOn) => receivedOn.AddDays(1);

    public static DateOnly IndictedOn(DateOnly receivedOn) => receivedOn.AddDays(9);

    public static DateOnly TerminatedOn(DateOnly receivedOn) => receivedOn.AddDays(19);

    public static DateOnly VerdictOn(DateOnly receivedOn) => receivedOn.AddDays(31);

    public static DateOnly AppealedOn(DateOnly receivedOn) => receivedOn.AddDays(35);

    public static CaseDecision Decide(CaseFacts facts, CaseCommand command) =>
        CaseRules.Decide(TestProfile.Kazakhstan, facts, command, Today);

    /// <summary>A case in <paramref name="status"/> accused of police ill-treatment, with consent to share, an open merge target and a keyed referral target of no affiliation.</summary>
    public static CaseFacts Facts(CaseStatus status, string article = "146", DateOnly? receivedOn = null, IReadOnlyList<Withdrawal>? withdrawals = null)
    {
        var received = receivedOn ?? ReceivedOn;
        return new CaseFacts(CaseId, OrganisationId, status, received, "police", ConsentToShare: true, ProceedingFor(status, article, received), withdrawals ?? [], [OfficialId])
        {
            MergeTarget = new MergeTarget(OtherCaseId, OrganisationId, CaseStatus.Registered),
            ReferralTarget = new ReferralTarget(OtherOrganisationId, null, HasKeys: true),
        };
    }

    public static Proceeding? ProceedingFor(CaseStatus status, string article, DateOnly receivedOn)
    {
        if (status is CaseStatus.Received or CaseStatus.Referred or CaseStatus.Admissible or CaseStatus.Merged or CaseStatus.OutOfScope or CaseStatus.Withdrawn)
        {
            return null;
        }

        var proceeding = new Proceeding
        {
            CaseId = CaseId,
            RegisterNumber = "ERDR-261000000001",
            RegisteredOn = RegisteredOn(receivedOn),
            ArticleAtRegistration = article,
            CurrentArticle = article,
        };
        if (status == CaseStatus.Terminated)
        {
            proceeding.TerminationReason = "no-crime";
            proceeding.TerminatedOn = TerminatedOn(receivedOn);
        }

        if (status is CaseStatus.InCourt or CaseStatus.Verdict or CaseStatus.Appeal or CaseStatus.Final)
        {
            proceeding.IndictedOn = IndictedOn(receivedOn);
        }

        if (status is CaseStatus.Verdict or CaseStatus.Appeal or CaseStatus.Final)
        {
            proceeding.VerdictOn = VerdictOn(receivedOn);
        }

        if (status is CaseStatus.Appeal)
        {
            proceeding.AppealedOn = AppealedOn(receivedOn);
            proceeding.AppealedBy = AppealBy.Defence;
        }

        if (status is CaseStatus.Final)
        {
            proceeding.FinalOn = receivedOn.AddDays(40);
        }

        return proceeding;
    }

    public static Withdrawal Withdrawal(WithdrawalOutcome? outcome, int dayOfOctober = 5) => new()
    {
        CaseId = CaseId,
        RequestedBy = MessageAuthor.Complainant,
        RequestedAtUtc = new DateTime(2026, 10, dayOfOctober, 9, 0, 0, DateTimeKind.Utc),
        Outcome = outcome,
    };

    public static SentenceCommand Conviction(string article = "146", int? custodialMonths = 36, bool suspended = false) =>
        new(OfficialId, null, null, null, VerdictOutcome.Conviction, article, custodialMonths, suspended, null, null);

    public static SentenceCommand Acquittal(int? custodialMonths = null, bool suspended = false, decimal? fine = null, int? banMonths = null) =>
        new(OfficialId, null, null, null, VerdictOutcome.Acquittal, null, custodialMonths, suspended, fine, banMonths);

    /// <summary>A command for <paramref name="action"/> with every field it needs filled in correctly.</summary>
    public static CaseCommand Valid(string action) => action switch
    {
        CaseAction.Merge => new CaseCommand { Action = action, Into = "QG-0002" },
        CaseAction.Refer => new CaseCommand { Action = action, Organisation = "coalition" },
        CaseAction.Reject => new CaseCommand { Action = action, Reason = "not-ill-treatment" },
        CaseAction.Register => new CaseCommand { Action = action, RegisterNumber = "ERDR-261000000001", Article = "146" },
        CaseAction.Requalify => new CaseCommand { Action = action, Article = "362", Reason = "No lasting harm was found." },
        CaseAction.Terminate => new CaseCommand { Action = action, Reason = "no-crime" },
        CaseAction.Reopen => new CaseCommand { Action = action, Reason = "New forensic evidence." },
        CaseAction.Indict => new CaseCommand { Action = action, Court = "Almaty city court" },
        CaseAction.Verdict => new CaseCommand { Action = action, Sentences = [Conviction()] },
        CaseAction.Appeal => new CaseCommand { Action = action, AppealBy = AppealBy.Victim },
        _ => new CaseCommand { Action = action },
    };

    /// <summary>Facts and command that pass every rule for an action the status allows (a withdrawal needs a voluntary one first).</summary>
    public static (CaseFacts Facts, CaseCommand Command) Ready(CaseStatus status, string action) =>
        (action == CaseAction.Withdraw ? Facts(status, withdrawals: [Withdrawal(WithdrawalOutcome.Voluntary)]) : Facts(status), Valid(action));

    public static void ShouldBeInvalid(this CaseDecision decision, string field, string code)
    {
        decision.Kind.ShouldBe(CaseDecisionKind.Invalid);
        decision.Next.ShouldBeNull();
        decision.Problems.ShouldHaveSingleItem().ShouldBe(new Problem(field, code));
    }

    public static CaseDecision ShouldBeAllowed(this CaseDecision decision, CaseStatus next)
    {
        decision.Problems.ShouldBeEmpty();
        decision.Kind.ShouldBe(CaseDecisionKind.Allowed);
        decision.Next.ShouldBe(next);
        return decision;
    }

    public static void ShouldBeRefusedNow(this CaseDecision decision, CaseStatus status, string? reason)
    {
        decision.Kind.ShouldBe(CaseDecisionKind.NotAllowedNow);
        decision.Status.ShouldBe(status);
        decision.Next.ShouldBeNull();
        decision.Reason.ShouldBe(reason);
        decision.Problems.ShouldBeEmpty();
    }
}
