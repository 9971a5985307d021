using Qorgau.Domain;
using Qorgau.Domain.Cases;
using Qorgau.Domain.Organisations;
using static Qorgau.UnitTests.Cases.CaseTestData;
using Case = Qorgau.Domain.Cases.Case;

namespace Qorgau.UnitTests.Cases;

/// <summary>
/// Record and flag, refuse only where the organisation decides: a barred termination or suspended
/// sentence is refused to a special prosecutor and recorded with a flag by every other kind; a
/// requalification away from a torture article is always flagged; the flags reach the event.
/// </summary>
public sealed class CaseFlagsTests
{
    private static readonly DateOnly ActAfterAmendment = new(2024, 2, 10);

    private static CaseFacts TortureCase(CaseStatus status, OrganisationKind kind, DateOnly? incidentOn) =>
        Facts(status, article: "146", receivedOn: new DateOnly(2024, 3, 1)) with { IncidentOn = incidentOn, OrganisationDecides = CaseFlag.Decides(kind) };

    private static CaseCommand Amnesty => new() { Action = CaseAction.Terminate, Reason = "amnesty", On = new DateOnly(2024, 6, 1) };

    [Fact]
    public void Only_a_special_prosecutor_decides() =>
        Enum.GetValues<OrganisationKind>().Where(CaseFlag.Decides).ShouldBe([OrganisationKind.SpecialProsecutor]);

    [Fact]
    public void A_special_prosecutor_is_refused_a_barred_termination() =>
        Decide(TortureCase(CaseStatus.Registered, OrganisationKind.SpecialProsecutor, ActAfterAmendment), Amnesty)
            .ShouldBeInvalid("reason", CaseProblemCode.TortureTerminationBarred);

    [Theory]
    [InlineData(OrganisationKind.NationalPreventiveMechanism)]
    [InlineData(OrganisationKind.Ngo)]
    [InlineData(OrganisationKind.LegalAid)]
    [InlineData(OrganisationKind.Ombudsman)]
    [InlineData(OrganisationKind.CrisisCentre)]
    [InlineData(OrganisationKind.Other)]
    public void An_organisation_that_records_records_a_barred_termination_flagged(OrganisationKind kind)
    {
        var decision = Decide(TortureCase(CaseStatus.Registered, kind, ActAfterAmendment), Amnesty).ShouldBeAllowed(CaseStatus.Terminated);

        decision.Flags.ShouldBe(["amnesty-barred-for-torture"]);
        decision.FlaggedAct.ShouldBe(new Qorgau.Domain.Proceedings.ActDate(ActAfterAmendment, false));
    }

    [Theory]
    [InlineData("limitation")]
    [InlineData("reconciliation")]
    [InlineData("active-repentance")]
    public void Each_barred_reason_has_its_own_flag(string reason) =>
        Decide(TortureCase(CaseStatus.Registered, OrganisationKind.Ngo, ActAfterAmendment), Amnesty with { Reason = reason })
            .ShouldBeAllowed(CaseStatus.Terminated).Flags.ShouldBe([$"{reason}-barred-for-torture"]);

    [Fact]
    public void An_act_of_2022_terminated_by_amnesty_in_2024_is_not_flagged() =>
        Decide(TortureCase(CaseStatus.Registered, OrganisationKind.NationalPreventiveMechanism, new DateOnly(2022, 9, 1)), Amnesty)
            .ShouldBeAllowed(CaseStatus.Terminated).Flags.ShouldBeEmpty();

    [Fact]
    public void Without_an_incident_date_the_received_date_is_the_act_and_the_flag_says_so()
    {
        var decision = Decide(TortureCase(CaseStatus.Registered, OrganisationKind.NationalPreventiveMechanism, incidentOn: null), Amnesty);

        decision.Flags.ShouldBe(["amnesty-barred-for-torture"]);
        decision.FlaggedAct.ShouldNotBeNull().FromReceipt.ShouldBeTrue();
        decision.FlaggedAct.On.ShouldBe(new DateOnly(2024, 3, 1));
    }

    [Fact]
    public void A_suspended_sentence_for_a_barred_act_is_refused_to_a_special_prosecutor_and_flagged_elsewhere()
    {
        var verdict = new CaseCommand { Action = CaseAction.Verdict, On = new DateOnly(2024, 6, 1), Sentences = [Conviction("146", custodialMonths: 36, suspended: true), Conviction("146", custodialMonths: 24, suspended: true)] };

        Decide(TortureCase(CaseStatus.InCourt, OrganisationKind.SpecialProsecutor, ActAfterAmendment), verdict).Problems
            .ShouldBe([new Problem("sentences[0].suspended", CaseProblemCode.SuspendedBarred), new Problem("sentences[1].suspended", CaseProblemCode.SuspendedBarred)]);
        Decide(TortureCase(CaseStatus.InCourt, OrganisationKind.LegalAid, ActAfterAmendment), verdict)
            .ShouldBeAllowed(CaseStatus.Verdict).Flags.ShouldBe([CaseFlag.SuspendedSentenceBarred]);
    }

    [Theory]
    [InlineData(OrganisationKind.SpecialProsecutor)]
    [InlineData(OrganisationKind.NationalPreventiveMechanism)]
    public void A_requalification_away_from_a_torture_article_is_always_flagged(OrganisationKind kind)
    {
        var requalify = new CaseCommand { Action = CaseAction.Requalify, Article = "362", Reason = "No lasting harm found." };

        var decision = Decide(TortureCase(CaseStatus.Registered, kind, ActAfterAmendment), requalify).ShouldBeAllowed(CaseStatus.Registered);

        decision.Flags.ShouldBe([CaseFlag.RequalifiedAwayFromTorture]);
        decision.FlaggedAct.ShouldBeNull();
    }

    [Fact]
    public void A_requalification_towards_a_torture_article_is_not_flagged() =>
        Decide(Facts(CaseStatus.Registered, article: "362"), new CaseCommand { Action = CaseAction.Requalify, Article = "146-2", Reason = "Torture found." })
            .ShouldBeAllowed(CaseStatus.Registered).Flags.ShouldBeEmpty();

    [Fact]
    public void A_barred_termination_right_after_a_requalification_away_from_torture_is_flagged_for_everyone()
    {
        var facts = TortureCase(CaseStatus.Registered, OrganisationKind.SpecialProsecutor, ActAfterAmendment);
        facts.Proceeding!.CurrentArticle = "362";

        Decide(facts, Amnesty).ShouldBeAllowed(CaseStatus.Terminated).Flags.ShouldBe([CaseFlag.BarredReasonAfterRequalification]);
    }

    [Fact]
    public void The_flags_and_the_date_of_the_act_go_on_the_action_event()
    {
        var facts = TortureCase(CaseStatus.Registered, OrganisationKind.Ngo, incidentOn: null);
        var decision = Decide(facts, Amnesty);
        var record = new Case { Id = CaseId, PublicId = "QG-0001", OrganisationId = OrganisationId, Status = CaseStatus.Registered, ReceivedOn = facts.ReceivedOn };

        var effects = CaseActionEffects.Apply(record, facts.Proceeding, Amnesty, decision, new CaseActionContext(Amnesty.On!.Value, new DateTime(2024, 6, 1, 5, 0, 0, DateTimeKind.Utc), null));

        var detail = CaseEventDetail.Read(effects.Events[^1].Detail);
        CaseEventDetail.ReadFlags(detail).ShouldBe(["amnesty-barred-for-torture"]);
        detail["act-on"].ShouldBe("2024-03-01");
        detail["act-on-from"].ShouldBe("received");
    }

    [Fact]
    public void An_unflagged_action_event_has_no_flags() =>
        CaseEventDetail.ReadFlags(CaseEventDetail.Read("""{"to":"terminated"}""")).ShouldBeEmpty();
}
