using Qorgau.Domain;
using Qorgau.Domain.Cases;
using static Qorgau.UnitTests.Cases.CaseTestData;

namespace Qorgau.UnitTests.Cases;

/// <summary>The state rules of <see cref="CaseRules.Decide"/>, its dates, and the triage actions (merge, referral, rejection, withdrawal).</summary>
public sealed class CaseRulesTests
{
    [Theory]
    [MemberData(nameof(CaseWorkflowTests.AllowedMoves), MemberType = typeof(CaseWorkflowTests))]
    public void Every_allowed_action_with_valid_fields_is_allowed_and_leads_to_its_next_status(CaseStatus status, string action, CaseStatus next)
    {
        var (facts, command) = Ready(status, action);

        var decision = Decide(facts, command);

        decision.ShouldBeAllowed(next);
        decision.Status.ShouldBe(status);
        decision.Reason.ShouldBeNull();
        decision.IsAllowed.ShouldBeTrue();
    }

    [Theory]
    [MemberData(nameof(CaseWorkflowTests.RefusedMoves), MemberType = typeof(CaseWorkflowTests))]
    public void An_action_the_status_does_not_allow_is_not_allowed_now_and_names_what_is(CaseStatus status, string action)
    {
        var decision = Decide(Facts(status), Valid(action));

        decision.ShouldBeRefusedNow(status, reason: null);
        decision.IsAllowed.ShouldBeFalse();
        decision.Allowed.ShouldBe(CaseWorkflowTests.ExpectedAllowedIn(status).Where(a => a != CaseAction.Withdraw), ignoreOrder: true, "closing on a withdrawal needs a voluntary one");
    }

    [Fact]
    public void Registering_a_case_not_yet_accepted_lists_the_triage_actions()
    {
        var decision = Decide(Facts(CaseStatus.Received), Valid(CaseAction.Register));

        decision.Kind.ShouldBe(CaseDecisionKind.NotAllowedNow);
        decision.Status.ShouldBe(CaseStatus.Received);
        decision.Allowed.ShouldBe(["accept", "merge", "refer", "reject"], ignoreOrder: true);
    }

    [Fact]
    public void While_a_withdrawal_waits_for_its_interview_the_ending_actions_are_not_offered()
    {
        var pending = new Withdrawal { CaseId = Guid.NewGuid(), RequestedAtUtc = new DateTime(2026, 11, 1, 0, 0, 0, DateTimeKind.Utc) };
        var voluntary = new Withdrawal { CaseId = pending.CaseId, RequestedAtUtc = pending.RequestedAtUtc, Outcome = WithdrawalOutcome.Voluntary };

        CaseRules.AllowedNow(CaseStatus.Received, [pending], referralPending: false).ShouldBe(["accept", "merge", "refer"], ignoreOrder: true);
        CaseRules.AllowedNow(CaseStatus.Received, [voluntary], referralPending: false).ShouldBe(["accept", "merge", "refer", "reject", "withdraw"], ignoreOrder: true);
        CaseRules.AllowedNow(CaseStatus.Received, [], referralPending: true).ShouldBeEmpty();
    }

    [Fact]
    public void A_referral_waiting_for_its_key_handover_refuses_every_action()
    {
        var decision = Decide(Facts(CaseStatus.Referred) with { ReferralPending = true }, Valid(CaseAction.Accept));

        decision.Kind.ShouldBe(CaseDecisionKind.NotAllowedNow);
        decision.Reason.ShouldBe(CaseProblemCode.ReferralPending);
        decision.Allowed.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("close")]
    [InlineData("ACCEPT")]
    [InlineData("action.accept")]
    [InlineData("")]
    public void An_unknown_action_is_invalid_whatever_the_status(string action)
    {
        foreach (var status in Enum.GetValues<CaseStatus>())
        {
            var decision = Decide(Facts(status), new CaseCommand { Action = action });

            decision.ShouldBeInvalid("action", CaseProblemCode.UnknownAction);
            decision.Status.ShouldBe(status);
            decision.Reason.ShouldBeNull();
        }
    }

    // Ending actions and the withdrawal follow-up interview

    [Theory]
    [InlineData(CaseStatus.Received, CaseAction.Reject)]
    [InlineData(CaseStatus.Referred, CaseAction.Reject)]
    [InlineData(CaseStatus.Admissible, CaseAction.Reject)]
    [InlineData(CaseStatus.Received, CaseAction.Withdraw)]
    [InlineData(CaseStatus.Admissible, CaseAction.Withdraw)]
    [InlineData(CaseStatus.Registered, CaseAction.Terminate)]
    [InlineData(CaseStatus.InCourt, CaseAction.Terminate)]
    public void An_ending_action_waits_while_a_withdrawal_has_no_follow_up_outcome(CaseStatus status, string action)
    {
        var facts = Facts(status, withdrawals: [Withdrawal(outcome: null)]);

        Decide(facts, Valid(action)).ShouldBeRefusedNow(status, CaseProblemCode.FollowUpPending);
    }

    [Fact]
    public void A_pending_follow_up_blocks_ending_even_after_an_earlier_voluntary_withdrawal()
    {
        var facts = Facts(CaseStatus.Received, withdrawals: [Withdrawal(WithdrawalOutcome.Voluntary, dayOfOctober: 2), Withdrawal(outcome: null, dayOfOctober: 9)]);

        Decide(facts, Valid(CaseAction.Withdraw)).ShouldBeRefusedNow(CaseStatus.Received, CaseProblemCode.FollowUpPending);
        Decide(facts, Valid(CaseAction.Reject)).ShouldBeRefusedNow(CaseStatus.Received, CaseProblemCode.FollowUpPending);
    }

    [Theory]
    [InlineData(CaseStatus.Received, CaseAction.Accept, CaseStatus.Admissible)]
    [InlineData(CaseStatus.Received, CaseAction.Merge, CaseStatus.Merged)]
    [InlineData(CaseStatus.Received, CaseAction.Refer, CaseStatus.Referred)]
    [InlineData(CaseStatus.Admissible, CaseAction.Register, CaseStatus.Registered)]
    [InlineData(CaseStatus.Registered, CaseAction.Indict, CaseStatus.InCourt)]
    [InlineData(CaseStatus.InCourt, CaseAction.Verdict, CaseStatus.Verdict)]
    public void A_pending_follow_up_does_not_stop_work_that_keeps_the_case_going(CaseStatus status, string action, CaseStatus next) =>
        Decide(Facts(status, withdrawals: [Withdrawal(outcome: null)]), Valid(action)).ShouldBeAllowed(next);

    [Theory]
    [InlineData(WithdrawalOutcome.PressureSuspected)]
    [InlineData(WithdrawalOutcome.ContinueOwnMotion)]
    public void Once_the_follow_up_is_recorded_other_ending_actions_are_open_again(WithdrawalOutcome outcome)
    {
        Decide(Facts(CaseStatus.Received, withdrawals: [Withdrawal(outcome)]), Valid(CaseAction.Reject)).ShouldBeAllowed(CaseStatus.OutOfScope);
        Decide(Facts(CaseStatus.Registered, withdrawals: [Withdrawal(outcome)]), Valid(CaseAction.Terminate)).ShouldBeAllowed(CaseStatus.Terminated);
    }

    [Fact]
    public void The_status_check_comes_before_the_follow_up_check() =>
        Decide(Facts(CaseStatus.Registered, withdrawals: [Withdrawal(outcome: null)]), Valid(CaseAction.Reject))
            .ShouldBeRefusedNow(CaseStatus.Registered, reason: null);

    [Fact]
    public void Withdrawing_needs_a_withdrawal_in_the_first_place() =>
        Decide(Facts(CaseStatus.Received), Valid(CaseAction.Withdraw)).ShouldBeRefusedNow(CaseStatus.Received, CaseProblemCode.NoVoluntaryWithdrawal);

    [Theory]
    [InlineData(WithdrawalOutcome.PressureSuspected)]
    [InlineData(WithdrawalOutcome.ContinueOwnMotion)]
    public void Withdrawing_needs_the_follow_up_to_have_found_the_withdrawal_voluntary(WithdrawalOutcome outcome) =>
        Decide(Facts(CaseStatus.Admissible, withdrawals: [Withdrawal(outcome)]), Valid(CaseAction.Withdraw))
            .ShouldBeRefusedNow(CaseStatus.Admissible, CaseProblemCode.NoVoluntaryWithdrawal);

    [Fact]
    public void Only_the_last_withdrawal_counts_by_the_time_it_was_requested_not_by_list_order()
    {
        var earlierVoluntary = Withdrawal(WithdrawalOutcome.Voluntary, dayOfOctober: 3);
        var laterPressure = Withdrawal(WithdrawalOutcome.PressureSuspected, dayOfOctober: 8);
        var laterVoluntary = Withdrawal(WithdrawalOutcome.Voluntary, dayOfOctober: 12);

        Decide(Facts(CaseStatus.Received, withdrawals: [laterPressure, earlierVoluntary]), Valid(CaseAction.Withdraw))
            .ShouldBeRefusedNow(CaseStatus.Received, CaseProblemCode.NoVoluntaryWithdrawal);
        Decide(Facts(CaseStatus.Received, withdrawals: [laterVoluntary, laterPressure]), Valid(CaseAction.Withdraw))
            .ShouldBeAllowed(CaseStatus.Withdrawn);
        CaseRules.EndsOnVoluntaryWithdrawal(Facts(CaseStatus.Received, withdrawals: [laterPressure, earlierVoluntary]).Withdrawals).ShouldBeFalse();
        CaseRules.EndsOnVoluntaryWithdrawal(Facts(CaseStatus.Received, withdrawals: [laterVoluntary, laterPressure]).Withdrawals).ShouldBeTrue();
        CaseRules.EndsOnVoluntaryWithdrawal(Facts(CaseStatus.Received).Withdrawals).ShouldBeFalse();
    }

    // Dates

    [Fact]
    public void A_decision_dated_in_the_future_is_refused() =>
        Decide(Facts(CaseStatus.Received), new CaseCommand { Action = CaseAction.Accept, On = Today.AddDays(1) })
            .ShouldBeInvalid("on", CaseProblemCode.FutureDate);

    [Fact]
    public void A_decision_dated_today_is_allowed() =>
        Decide(Facts(CaseStatus.Received), new CaseCommand { Action = CaseAction.Accept, On = Today }).ShouldBeAllowed(CaseStatus.Admissible);

    [Fact]
    public void Without_a_date_the_decision_is_dated_today()
    {
        var receivedToday = Facts(CaseStatus.Received, receivedOn: Today);

        Decide(receivedToday, new CaseCommand { Action = CaseAction.Accept }).ShouldBeAllowed(CaseStatus.Admissible);
        Decide(receivedToday, new CaseCommand { Action = CaseAction.Accept, On = Today.AddDays(-1) }).ShouldBeInvalid("on", CaseProblemCode.TooEarly);
    }

    [Theory]
    [InlineData(CaseStatus.Received, CaseAction.Accept)]
    [InlineData(CaseStatus.Received, CaseAction.Reject)]
    [InlineData(CaseStatus.Received, CaseAction.Merge)]
    [InlineData(CaseStatus.Received, CaseAction.Refer)]
    [InlineData(CaseStatus.Admissible, CaseAction.Register)]
    public void A_triage_decision_or_a_registration_cannot_predate_the_complaint(CaseStatus status, string action)
    {
        var facts = Facts(status);

        Decide(facts, Valid(action) with { On = ReceivedOn.AddDays(-1) }).ShouldBeInvalid("on", CaseProblemCode.TooEarly);
        Decide(facts, Valid(action) with { On = ReceivedOn }).Kind.ShouldBe(CaseDecisionKind.Allowed);
    }

    [Theory]
    [InlineData(CaseStatus.Registered, CaseAction.Requalify)]
    [InlineData(CaseStatus.Registered, CaseAction.Terminate)]
    [InlineData(CaseStatus.Registered, CaseAction.Indict)]
    [InlineData(CaseStatus.InCourt, CaseAction.Requalify)]
    public void Requalifying_terminating_or_indicting_cannot_predate_the_registration(CaseStatus status, string action)
    {
        var facts = Facts(status);
        var registered = RegisteredOn(ReceivedOn);

        // The day before registration is still on or after the complaint: only the registration makes it too early.
        Decide(facts, Valid(action) with { On = registered.AddDays(-1) }).ShouldBeInvalid("on", CaseProblemCode.TooEarly);
        Decide(facts, Valid(action) with { On = registered }).Kind.ShouldBe(CaseDecisionKind.Allowed);
    }

    [Fact]
    public void Reopening_cannot_predate_the_termination()
    {
        var facts = Facts(CaseStatus.Terminated);
        var terminated = TerminatedOn(ReceivedOn);

        Decide(facts, Valid(CaseAction.Reopen) with { On = terminated.AddDays(-1) }).ShouldBeInvalid("on", CaseProblemCode.TooEarly);
        Decide(facts, Valid(CaseAction.Reopen) with { On = terminated }).ShouldBeAllowed(CaseStatus.Registered);
    }

    [Fact]
    public void A_verdict_cannot_predate_the_indictment()
    {
        var facts = Facts(CaseStatus.InCourt);
        var indicted = IndictedOn(ReceivedOn);

        Decide(facts, Valid(CaseAction.Verdict) with { On = indicted.AddDays(-1) }).ShouldBeInvalid("on", CaseProblemCode.TooEarly);
        Decide(facts, Valid(CaseAction.Verdict) with { On = indicted }).ShouldBeAllowed(CaseStatus.Verdict);
    }

    [Fact]
    public void A_verdict_on_appeal_cannot_predate_the_appeal()
    {
        var facts = Facts(CaseStatus.Appeal);
        var appealed = AppealedOn(ReceivedOn);

        Decide(facts, Valid(CaseAction.Verdict) with { On = appealed.AddDays(-1) }).ShouldBeInvalid("on", CaseProblemCode.TooEarly);
        Decide(facts, Valid(CaseAction.Verdict) with { On = appealed }).ShouldBeAllowed(CaseStatus.Verdict);
    }

    [Theory]
    [InlineData(CaseAction.Appeal, CaseStatus.Appeal)]
    [InlineData(CaseAction.Finalise, CaseStatus.Final)]
    public void An_appeal_or_finalisation_cannot_predate_the_verdict(string action, CaseStatus next)
    {
        var facts = Facts(CaseStatus.Verdict);
        var verdict = VerdictOn(ReceivedOn);

        Decide(facts, Valid(action) with { On = verdict.AddDays(-1) }).ShouldBeInvalid("on", CaseProblemCode.TooEarly);
        Decide(facts, Valid(action) with { On = verdict }).ShouldBeAllowed(next);
    }

    /// <summary>Suspected bug: in the Appeal status, finalisation follows the appeal, but the earliest date checked is the first verdict's.</summary>
    [Fact]
    public void Finalising_an_appealed_case_cannot_predate_the_appeal()
    {
        var facts = Facts(CaseStatus.Appeal);
        var betweenVerdictAndAppeal = AppealedOn(ReceivedOn).AddDays(-1);
        betweenVerdictAndAppeal.ShouldBeGreaterThan(VerdictOn(ReceivedOn));

        Decide(facts, Valid(CaseAction.Finalise) with { On = betweenVerdictAndAppeal }).ShouldBeInvalid("on", CaseProblemCode.TooEarly);
    }

    /// <summary>Suspected bug: a termination in court follows the indictment, but the earliest date checked is the registration's.</summary>
    [Fact]
    public void Terminating_a_case_in_court_cannot_predate_the_indictment()
    {
        var facts = Facts(CaseStatus.InCourt);
        var beforeIndictment = IndictedOn(ReceivedOn).AddDays(-1);
        beforeIndictment.ShouldBeGreaterThan(RegisteredOn(ReceivedOn));

        Decide(facts, Valid(CaseAction.Terminate) with { On = beforeIndictment }).ShouldBeInvalid("on", CaseProblemCode.TooEarly);
    }

    [Fact]
    public void A_proceeding_date_before_the_complaint_never_moves_the_earliest_date_before_the_complaint()
    {
        // An imported case registered (wrongly) before the complaint's date: the complaint's date still bounds.
        var facts = Facts(CaseStatus.Registered) with { ReceivedOn = ReceivedOn.AddDays(5) };

        Decide(facts, Valid(CaseAction.Terminate) with { On = ReceivedOn.AddDays(4) }).ShouldBeInvalid("on", CaseProblemCode.TooEarly);
        Decide(facts, Valid(CaseAction.Terminate) with { On = ReceivedOn.AddDays(5) }).ShouldBeAllowed(CaseStatus.Terminated);
    }

    [Fact]
    public void Every_bad_field_is_named_at_once()
    {
        var decision = Decide(Facts(CaseStatus.Admissible), new CaseCommand { Action = CaseAction.Register, On = Today.AddDays(2), Article = "999" });

        decision.Kind.ShouldBe(CaseDecisionKind.Invalid);
        decision.Status.ShouldBe(CaseStatus.Admissible);
        decision.Next.ShouldBeNull();
        decision.Problems.ShouldBe(
        [
            new Problem("on", CaseProblemCode.FutureDate),
            new Problem("registerNumber", CaseProblemCode.Required),
            new Problem("article", CaseProblemCode.UnknownArticle),
        ], ignoreOrder: true);
    }

    // Merge

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void A_merge_must_name_the_case_it_duplicates(string? into) =>
        Decide(Facts(CaseStatus.Received), new CaseCommand { Action = CaseAction.Merge, Into = into }).ShouldBeInvalid("into", CaseProblemCode.Required);

    [Fact]
    public void A_merge_into_a_case_that_does_not_exist_is_refused() =>
        Decide(Facts(CaseStatus.Received) with { MergeTarget = null }, Valid(CaseAction.Merge)).ShouldBeInvalid("into", CaseProblemCode.UnknownCase);

    [Fact]
    public void A_case_cannot_be_merged_into_itself() =>
        Decide(Facts(CaseStatus.Received) with { MergeTarget = new MergeTarget(CaseId, OrganisationId, CaseStatus.Received) }, Valid(CaseAction.Merge))
            .ShouldBeInvalid("into", CaseProblemCode.SameCase);

    [Fact]
    public void A_case_cannot_be_merged_into_another_organisations_case() =>
        Decide(Facts(CaseStatus.Admissible) with { MergeTarget = new MergeTarget(OtherCaseId, OtherOrganisationId, CaseStatus.Registered) }, Valid(CaseAction.Merge))
            .ShouldBeInvalid("into", CaseProblemCode.OtherOrganisation);

    [Theory]
    [InlineData(CaseStatus.Merged)]
    [InlineData(CaseStatus.OutOfScope)]
    [InlineData(CaseStatus.Withdrawn)]
    [InlineData(CaseStatus.Terminated)]
    [InlineData(CaseStatus.Final)]
    public void A_case_cannot_be_merged_into_a_closed_case(CaseStatus targetStatus) =>
        Decide(Facts(CaseStatus.Received) with { MergeTarget = new MergeTarget(OtherCaseId, OrganisationId, targetStatus) }, Valid(CaseAction.Merge))
            .ShouldBeInvalid("into", CaseProblemCode.TargetClosed);

    [Theory]
    [InlineData(CaseStatus.Received)]
    [InlineData(CaseStatus.Admissible)]
    [InlineData(CaseStatus.InCourt)]
    [InlineData(CaseStatus.Appeal)]
    public void A_case_may_be_merged_into_an_open_case_of_its_organisation(CaseStatus targetStatus) =>
        Decide(Facts(CaseStatus.Received) with { MergeTarget = new MergeTarget(OtherCaseId, OrganisationId, targetStatus) }, Valid(CaseAction.Merge))
            .ShouldBeAllowed(CaseStatus.Merged);

    // Referral

    [Fact]
    public void A_referral_needs_the_complainants_consent_to_share()
    {
        var facts = Facts(CaseStatus.Received) with { ConsentToShare = false };

        Decide(facts, Valid(CaseAction.Refer)).ShouldBeInvalid("organisation", CaseProblemCode.NoConsent);
        Decide(facts, new CaseCommand { Action = CaseAction.Refer }).ShouldBeInvalid("organisation", CaseProblemCode.NoConsent);
    }

    [Theory]
    [InlineData(null)]
    [InlineData(" ")]
    public void A_referral_must_name_the_organisation(string? organisation) =>
        Decide(Facts(CaseStatus.Received), new CaseCommand { Action = CaseAction.Refer, Organisation = organisation })
            .ShouldBeInvalid("organisation", CaseProblemCode.Required);

    [Fact]
    public void A_referral_to_an_organisation_that_does_not_exist_is_refused() =>
        Decide(Facts(CaseStatus.Received) with { ReferralTarget = null }, Valid(CaseAction.Refer))
            .ShouldBeInvalid("organisation", CaseProblemCode.UnknownOrganisation);

    [Fact]
    public void A_referral_to_an_organisation_without_keys_is_refused_as_unknown() =>
        Decide(Facts(CaseStatus.Received) with { ReferralTarget = new ReferralTarget(OtherOrganisationId, null, HasKeys: false) }, Valid(CaseAction.Refer))
            .ShouldBeInvalid("organisation", CaseProblemCode.UnknownOrganisation);

    [Fact]
    public void A_case_cannot_be_referred_to_its_own_organisation() =>
        Decide(Facts(CaseStatus.Received) with { ReferralTarget = new ReferralTarget(OrganisationId, null, HasKeys: true) }, Valid(CaseAction.Refer))
            .ShouldBeInvalid("organisation", CaseProblemCode.SameCase);

    [Fact]
    public void A_referral_to_an_organisation_affiliated_with_the_accused_agency_is_not_independent()
    {
        var facts = Facts(CaseStatus.Admissible) with { ReferralTarget = new ReferralTarget(OtherOrganisationId, "police", HasKeys: true) };

        var decision = Decide(facts, Valid(CaseAction.Refer));

        decision.Kind.ShouldBe(CaseDecisionKind.NotIndependent);
        decision.Status.ShouldBe(CaseStatus.Admissible);
        decision.Next.ShouldBeNull();
        decision.Reason.ShouldBe("police");
        decision.Problems.ShouldBeEmpty();
        decision.IsAllowed.ShouldBeFalse();
    }

    [Fact]
    public void An_approved_override_lets_the_affiliated_referral_through()
    {
        var facts = Facts(CaseStatus.Admissible) with
        {
            ReferralTarget = new ReferralTarget(OtherOrganisationId, "police", HasKeys: true),
            IndependenceOverridden = true,
        };

        Decide(facts, Valid(CaseAction.Refer)).ShouldBeAllowed(CaseStatus.Referred);
    }

    [Fact]
    public void An_organisation_affiliated_with_another_agency_or_a_case_without_accused_agency_passes_the_guard()
    {
        var otherAgency = Facts(CaseStatus.Received) with { ReferralTarget = new ReferralTarget(OtherOrganisationId, "health", HasKeys: true) };
        var noAccused = Facts(CaseStatus.Received) with
        {
            AccusedAgencyCode = null,
            ReferralTarget = new ReferralTarget(OtherOrganisationId, "police", HasKeys: true),
        };

        Decide(otherAgency, Valid(CaseAction.Refer)).ShouldBeAllowed(CaseStatus.Referred);
        Decide(noAccused, Valid(CaseAction.Refer)).ShouldBeAllowed(CaseStatus.Referred);
    }

    [Fact]
    public void A_referral_to_an_organisation_affiliated_with_an_agency_below_the_accused_one_is_refused()
    {
        var prisons = Facts(CaseStatus.Received) with { ReferralTarget = new ReferralTarget(OtherOrganisationId, "penitentiary", HasKeys: true) };

        Decide(prisons, Valid(CaseAction.Refer)).Kind.ShouldBe(CaseDecisionKind.NotIndependent);
    }

    [Fact]
    public void Field_problems_are_reported_before_the_independence_guard()
    {
        var facts = Facts(CaseStatus.Received) with { ReferralTarget = new ReferralTarget(OtherOrganisationId, "police", HasKeys: true) };

        Decide(facts, Valid(CaseAction.Refer) with { On = Today.AddDays(1) }).ShouldBeInvalid("on", CaseProblemCode.FutureDate);
    }

    // Rejection

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void A_rejection_needs_a_reason(string? reason) =>
        Decide(Facts(CaseStatus.Received), new CaseCommand { Action = CaseAction.Reject, Reason = reason }).ShouldBeInvalid("reason", CaseProblemCode.Required);

    [Theory]
    [InlineData("boring")]
    [InlineData("amnesty")]
    public void A_rejection_reason_must_be_an_out_of_scope_code(string reason) =>
        Decide(Facts(CaseStatus.Received), new CaseCommand { Action = CaseAction.Reject, Reason = reason }).ShouldBeInvalid("reason", CaseProblemCode.UnknownReason);

    [Theory]
    [InlineData("not-ill-treatment")]
    [InlineData("not-deprivation-of-liberty")]
    [InlineData("outside-jurisdiction")]
    [InlineData("decided-elsewhere")]
    [InlineData("insufficient-information")]
    [InlineData("other")]
    public void Each_out_of_scope_reason_rejects_the_case(string reason)
    {
        OutOfScopeReason.All.ShouldContain(reason);
        Decide(Facts(CaseStatus.Admissible), new CaseCommand { Action = CaseAction.Reject, Reason = reason }).ShouldBeAllowed(CaseStatus.OutOfScope);
    }
}
