using Qorgau.Domain.Cases;
using Qorgau.Domain.Proceedings;
using Qorgau.Domain.Profiles;
using static Qorgau.UnitTests.Cases.CaseTestData;
using Case = Qorgau.Domain.Cases.Case;

namespace Qorgau.UnitTests.Cases;

/// <summary>A verdict's sentences through the case rules and effects: every main penalty, validated per official, a fine in МРП put in tenge.</summary>
public sealed class SentenceRulesTests
{
    private static readonly DateOnly On = new(2026, 11, 20);
    private static readonly DateTime At = new(2026, 11, 20, 7, 30, 0, DateTimeKind.Utc);
    private static readonly MonthlyIndexValue Index = new(new DateOnly(2026, 1, 1), 4325m, false, "test");

    private static SentenceCommand Convicted(string article = "362") =>
        new(OfficialId, null, null, null, VerdictOutcome.Conviction, article, null, false, null, null);

    private static CaseCommand Verdict(params SentenceCommand[] sentences) =>
        new() { Action = CaseAction.Verdict, On = On, Sentences = sentences };

    private static Sentence Stored(SentenceCommand sentence, MonthlyIndexValue? index) =>
        Effects(index, sentence).Sentences.ShouldHaveSingleItem();

    private static CaseEffects Effects(MonthlyIndexValue? index, params SentenceCommand[] sentences)
    {
        var facts = Facts(CaseStatus.InCourt);
        var command = Verdict(sentences);
        var decision = Decide(facts, command);
        decision.IsAllowed.ShouldBeTrue(string.Join(", ", decision.Problems));
        var record = new Case { Id = CaseId, PublicId = "QG-0001", OrganisationId = OrganisationId, Status = CaseStatus.InCourt, ReceivedOn = ReceivedOn };
        return CaseActionEffects.Apply(record, facts.Proceeding, command, decision, new CaseActionContext(On, At, null) { FineIndex = index });
    }

    [Fact]
    public void The_verdict_event_counts_the_officials_given_each_main_penalty_and_a_suspended_sentence()
    {
        var effects = Effects(
            Index,
            Convicted() with { CustodialMonths = 36, Fine = 100_000m },
            Convicted() with { CustodialMonths = 24, Suspended = true },
            Convicted() with { CommunityServiceHours = 120 },
            Convicted() with { Outcome = VerdictOutcome.Acquittal, Article = null });

        var detail = CaseEventDetail.Read(effects.Events[^1].Detail);

        (detail["penalty-imprisonment"], detail["penalty-fine"], detail["penalty-community-service"], detail["suspended"]).ShouldBe(("2", "1", "1", "1"));
        detail.ShouldNotContainKey("penalty-restriction-of-liberty");
        detail.ShouldNotContainKey("penalty-correctional-labour");
    }

    [Fact]
    public void A_non_custodial_sentence_is_stored_penalty_by_penalty()
    {
        var sentence = Stored(Convicted() with { BanFromOfficeMonths = 24, CorrectionalLabourMonths = 12, CorrectionalLabourMrp = 200m }, Index);

        (sentence.CustodialMonths, sentence.CorrectionalLabourMonths, sentence.CorrectionalLabourMrp, sentence.BanFromOfficeMonths, sentence.Suspended)
            .ShouldBe(((int?)null, (int?)12, (decimal?)200m, (int?)24, false));
        sentence.Terms.MainPenalties.ShouldBe([SentencePenalty.CorrectionalLabour]);
    }

    [Fact]
    public void A_fine_given_only_in_monthly_indices_is_stored_in_tenge_at_the_index_of_the_act()
    {
        var sentence = Stored(Convicted() with { CommunityServiceHours = 240, FineMrp = 100m }, Index);

        (sentence.FineMrp, sentence.Fine, sentence.FineIndexTenge, sentence.CommunityServiceHours).ShouldBe(((decimal?)100m, (decimal?)432_500m, (decimal?)4325m, (int?)240));
    }

    [Fact]
    public void A_fine_given_in_tenge_is_kept_as_the_verdict_states_it()
    {
        var sentence = Stored(Convicted() with { Fine = 400_000m, FineMrp = 100m }, Index);

        (sentence.FineMrp, sentence.Fine, sentence.FineIndexTenge).ShouldBe(((decimal?)100m, (decimal?)400_000m, (decimal?)null));
    }

    [Fact]
    public void Without_an_index_for_the_date_the_fine_stays_in_monthly_indices_only()
    {
        var sentence = Stored(Convicted() with { FineMrp = 100m }, index: null);

        (sentence.FineMrp, sentence.Fine, sentence.FineIndexTenge).ShouldBe(((decimal?)100m, (decimal?)null, (decimal?)null));
    }

    [Fact]
    public void Two_main_penalties_for_one_official_are_invalid_naming_that_sentence()
    {
        var command = Verdict(Convicted() with { CustodialMonths = 36 }, Convicted() with { RestrictionOfLibertyMonths = 12, CommunityServiceHours = 100 });

        Decide(Facts(CaseStatus.InCourt), command).ShouldBeInvalid("sentences[1].restrictionOfLibertyMonths", SentenceProblemCode.OneMainPenalty);
    }

    [Fact]
    public void An_acquittal_with_a_non_custodial_penalty_is_not_a_conviction()
    {
        var acquittal = Convicted() with { Outcome = VerdictOutcome.Acquittal, Article = null, CommunityServiceHours = 120 };

        Decide(Facts(CaseStatus.InCourt), Verdict(acquittal)).ShouldBeInvalid("sentences[0].outcome", CaseProblemCode.NotConviction);
    }

    [Fact]
    public void A_suspended_restriction_of_liberty_is_allowed_and_a_suspended_fine_is_not()
    {
        Decide(Facts(CaseStatus.InCourt, "362"), Verdict(Convicted() with { RestrictionOfLibertyMonths = 24, Suspended = true })).ShouldBeAllowed(CaseStatus.Verdict);
        Decide(Facts(CaseStatus.InCourt, "362"), Verdict(Convicted() with { FineMrp = 200m, Suspended = true })).ShouldBeInvalid("sentences[0].custodialMonths", CaseProblemCode.Required);
    }

    [Fact]
    public void A_suspended_restriction_of_liberty_for_torture_after_the_2023_amendment_is_barred_like_suspended_imprisonment()
    {
        var facts = Facts(CaseStatus.InCourt, "146") with { IncidentOn = AmendmentInForce };

        Decide(facts, Verdict(Convicted("146") with { RestrictionOfLibertyMonths = 24, Suspended = true })).ShouldBeInvalid("sentences[0].suspended", CaseProblemCode.SuspendedBarred);
    }
}
