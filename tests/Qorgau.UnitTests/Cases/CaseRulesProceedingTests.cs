using Qorgau.Domain;
using Qorgau.Domain.Cases;
using Qorgau.Domain.Proceedings;
using static Qorgau.UnitTests.Cases.CaseTestData;

namespace Qorgau.UnitTests.Cases;

/// <summary>The criminal proceeding's actions under the Kazakhstan profile: registration, requalification, termination, reopening, indictment, verdict, appeal.</summary>
public sealed class CaseRulesProceedingTests
{
    /// <summary>A case received and registered a few months before the 2023 amendment, so decisions can fall either side of it.</summary>
    private static readonly DateOnly ReceivedBeforeAmendment = new(2022, 12, 1);

    [Fact]
    public void The_profile_holds_the_rules_these_tests_rely_on()
    {
        var profile = TestProfile.Kazakhstan;

        profile.SuspendedSentenceBar.ShouldNotBeNull().From.ShouldBe(AmendmentInForce);
        profile.TerminationReasons.Where(r => r.BarredForTorture).ShouldAllBe(r => r.Bar!.From == AmendmentInForce);
        profile.FindArticle("146")!.IsTorture.ShouldBeTrue();
        profile.FindArticle("362")!.IsTorture.ShouldBeFalse();
        profile.TerminationReasons.Where(r => r.BarredForTorture).Select(r => r.Code)
            .ShouldBe(["amnesty", "limitation", "reconciliation", "active-repentance"], ignoreOrder: true);
    }

    // Registration

    [Theory]
    [InlineData("146")]
    [InlineData("362")]
    [InlineData("361")]
    public void A_case_is_registered_under_an_article_in_force(string article) =>
        Decide(Facts(CaseStatus.Admissible), new CaseCommand { Action = CaseAction.Register, RegisterNumber = "ERDR-1", Article = article })
            .ShouldBeAllowed(CaseStatus.Registered);

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Registration_needs_the_register_number(string? number) =>
        Decide(Facts(CaseStatus.Admissible), new CaseCommand { Action = CaseAction.Register, RegisterNumber = number, Article = "146" })
            .ShouldBeInvalid("registerNumber", CaseProblemCode.Required);

    [Fact]
    public void A_register_number_longer_than_64_characters_is_refused()
    {
        var facts = Facts(CaseStatus.Admissible);

        Decide(facts, new CaseCommand { Action = CaseAction.Register, RegisterNumber = new string('1', 65), Article = "146" })
            .ShouldBeInvalid("registerNumber", CaseProblemCode.TooLong);
        Decide(facts, new CaseCommand { Action = CaseAction.Register, RegisterNumber = " " + new string('1', 64) + " ", Article = "146" })
            .ShouldBeAllowed(CaseStatus.Registered);
    }

    [Theory]
    [InlineData(null, CaseProblemCode.Required)]
    [InlineData(" ", CaseProblemCode.Required)]
    [InlineData("999", CaseProblemCode.UnknownArticle)]
    [InlineData("146.2", CaseProblemCode.UnknownArticle)]
    public void Registration_needs_an_article_of_the_profile(string? article, string code) =>
        Decide(Facts(CaseStatus.Admissible), new CaseCommand { Action = CaseAction.Register, RegisterNumber = "ERDR-1", Article = article })
            .ShouldBeInvalid("article", code);

    [Theory]
    [InlineData("141-1")]
    [InlineData("347-1")]
    [InlineData("308")]
    public void An_article_of_the_1997_code_is_no_longer_in_force(string article) =>
        Decide(Facts(CaseStatus.Admissible), new CaseCommand { Action = CaseAction.Register, RegisterNumber = "ERDR-1", Article = article })
            .ShouldBeInvalid("article", CaseProblemCode.ArticleNotInForce);

    [Fact]
    public void Whether_an_article_is_in_force_depends_on_the_date_of_the_registration()
    {
        var facts = Facts(CaseStatus.Admissible, receivedOn: new DateOnly(2014, 12, 1));
        CaseCommand Register(string article, DateOnly on) => new() { Action = CaseAction.Register, RegisterNumber = "ERDR-1", Article = article, On = on };

        Decide(facts, Register("141-1", new DateOnly(2014, 12, 31))).ShouldBeAllowed(CaseStatus.Registered);
        Decide(facts, Register("146", new DateOnly(2014, 12, 31))).ShouldBeInvalid("article", CaseProblemCode.ArticleNotInForce);
        Decide(facts, Register("141-1", new DateOnly(2015, 1, 1))).ShouldBeInvalid("article", CaseProblemCode.ArticleNotInForce);
        Decide(facts, Register("146", new DateOnly(2015, 1, 1))).ShouldBeAllowed(CaseStatus.Registered);
    }

    // Requalification

    [Theory]
    [InlineData(CaseStatus.Registered)]
    [InlineData(CaseStatus.InCourt)]
    public void Torture_may_be_requalified_as_exceeding_authority_and_the_status_stays(CaseStatus status) =>
        Decide(Facts(status, article: "146"), new CaseCommand { Action = CaseAction.Requalify, Article = "362", Reason = "No lasting harm." })
            .ShouldBeAllowed(status);

    [Fact]
    public void Exceeding_authority_may_be_requalified_as_torture() =>
        Decide(Facts(CaseStatus.Registered, article: "362"), new CaseCommand { Action = CaseAction.Requalify, Article = "146", Reason = "Forensic report." })
            .ShouldBeAllowed(CaseStatus.Registered);

    [Theory]
    [InlineData("146")]
    [InlineData("362")]
    public void Requalifying_under_the_same_article_is_refused(string article) =>
        Decide(Facts(CaseStatus.Registered, article: article), new CaseCommand { Action = CaseAction.Requalify, Article = article, Reason = "Same." })
            .ShouldBeInvalid("article", CaseProblemCode.SameArticle);

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void A_requalification_needs_its_stated_ground(string? reason) =>
        Decide(Facts(CaseStatus.Registered), new CaseCommand { Action = CaseAction.Requalify, Article = "362", Reason = reason })
            .ShouldBeInvalid("reason", CaseProblemCode.Required);

    [Fact]
    public void A_requalification_ground_is_at_most_2000_characters()
    {
        var facts = Facts(CaseStatus.Registered);

        Decide(facts, new CaseCommand { Action = CaseAction.Requalify, Article = "362", Reason = new string('x', 2001) })
            .ShouldBeInvalid("reason", CaseProblemCode.TooLong);
        Decide(facts, new CaseCommand { Action = CaseAction.Requalify, Article = "362", Reason = new string('x', 2000) })
            .ShouldBeAllowed(CaseStatus.Registered);
    }

    [Theory]
    [InlineData(null, CaseProblemCode.Required)]
    [InlineData("999", CaseProblemCode.UnknownArticle)]
    [InlineData("308", CaseProblemCode.ArticleNotInForce)]
    public void A_requalification_needs_a_known_article_in_force(string? article, string code) =>
        Decide(Facts(CaseStatus.Registered), new CaseCommand { Action = CaseAction.Requalify, Article = article, Reason = "Ground." })
            .ShouldBeInvalid("article", code);

    // Termination

    [Theory]
    [InlineData(null, CaseProblemCode.Required)]
    [InlineData(" ", CaseProblemCode.Required)]
    [InlineData("bribe", CaseProblemCode.UnknownReason)]
    [InlineData("not-ill-treatment", CaseProblemCode.UnknownReason)]
    public void A_termination_needs_a_reason_of_the_profile(string? reason, string code) =>
        Decide(Facts(CaseStatus.Registered), new CaseCommand { Action = CaseAction.Terminate, Reason = reason }).ShouldBeInvalid("reason", code);

    [Theory]
    [InlineData("amnesty")]
    [InlineData("limitation")]
    [InlineData("reconciliation")]
    [InlineData("active-repentance")]
    public void A_torture_case_cannot_be_terminated_for_a_barred_reason_for_an_act_from_the_amendment_on(string reason)
    {
        var facts = Facts(CaseStatus.Registered, article: "146", receivedOn: new DateOnly(2023, 4, 1)) with { IncidentOn = AmendmentInForce };

        Decide(facts, new CaseCommand { Action = CaseAction.Terminate, Reason = reason, On = new DateOnly(2023, 4, 2) })
            .ShouldBeInvalid("reason", CaseProblemCode.TortureTerminationBarred);
        Decide(facts, new CaseCommand { Action = CaseAction.Terminate, Reason = reason, On = new DateOnly(2025, 6, 1) })
            .ShouldBeInvalid("reason", CaseProblemCode.TortureTerminationBarred);
    }

    [Theory]
    [InlineData("amnesty")]
    [InlineData("limitation")]
    [InlineData("reconciliation")]
    [InlineData("active-repentance")]
    public void An_act_of_the_day_before_the_amendment_may_be_terminated_for_those_reasons_years_later(string reason) =>
        Decide(
            Facts(CaseStatus.Registered, article: "146", receivedOn: ReceivedBeforeAmendment) with { IncidentOn = AmendmentInForce.AddDays(-1) },
            new CaseCommand { Action = CaseAction.Terminate, Reason = reason, On = new DateOnly(2025, 6, 1) })
            .ShouldBeAllowed(CaseStatus.Terminated).Flags.ShouldBeEmpty();

    [Theory]
    [InlineData("amnesty")]
    [InlineData("limitation")]
    [InlineData("reconciliation")]
    [InlineData("active-repentance")]
    public void A_case_under_exceeding_authority_may_still_be_terminated_for_those_reasons(string reason) =>
        Decide(Facts(CaseStatus.Registered, article: "362", receivedOn: ReceivedBeforeAmendment), new CaseCommand { Action = CaseAction.Terminate, Reason = reason, On = AmendmentInForce })
            .ShouldBeAllowed(CaseStatus.Terminated);

    [Fact]
    public void The_bar_holds_in_court_too() =>
        Decide(Facts(CaseStatus.InCourt, article: "146"), new CaseCommand { Action = CaseAction.Terminate, Reason = "reconciliation" })
            .ShouldBeInvalid("reason", CaseProblemCode.TortureTerminationBarred);

    [Theory]
    [InlineData("no-crime")]
    [InlineData("no-corpus-delicti")]
    [InlineData("insufficient-evidence")]
    [InlineData("death-of-suspect")]
    [InlineData("other")]
    public void Reasons_that_are_not_barred_still_terminate_a_torture_case(string reason) =>
        Decide(Facts(CaseStatus.Registered, article: "146"), new CaseCommand { Action = CaseAction.Terminate, Reason = reason })
            .ShouldBeAllowed(CaseStatus.Terminated);

    [Fact]
    public void The_bar_follows_the_current_article_not_the_article_at_registration()
    {
        var requalifiedDown = Facts(CaseStatus.Registered, article: "146");
        requalifiedDown.Proceeding!.CurrentArticle = "362";
        var requalifiedUp = Facts(CaseStatus.Registered, article: "362");
        requalifiedUp.Proceeding!.CurrentArticle = "146";

        Decide(requalifiedDown, new CaseCommand { Action = CaseAction.Terminate, Reason = "amnesty" }).ShouldBeAllowed(CaseStatus.Terminated);
        Decide(requalifiedUp, new CaseCommand { Action = CaseAction.Terminate, Reason = "amnesty" })
            .ShouldBeInvalid("reason", CaseProblemCode.TortureTerminationBarred);
    }

    // Reopening and indictment

    [Theory]
    [InlineData(null)]
    [InlineData(" ")]
    public void A_reopening_needs_its_stated_ground(string? reason) =>
        Decide(Facts(CaseStatus.Terminated), new CaseCommand { Action = CaseAction.Reopen, Reason = reason }).ShouldBeInvalid("reason", CaseProblemCode.Required);

    [Fact]
    public void A_reopening_ground_is_at_most_2000_characters() =>
        Decide(Facts(CaseStatus.Terminated), new CaseCommand { Action = CaseAction.Reopen, Reason = new string('x', 2001) })
            .ShouldBeInvalid("reason", CaseProblemCode.TooLong);

    [Fact]
    public void The_court_of_an_indictment_is_optional_and_at_most_200_characters()
    {
        var facts = Facts(CaseStatus.Registered);

        Decide(facts, new CaseCommand { Action = CaseAction.Indict }).ShouldBeAllowed(CaseStatus.InCourt);
        Decide(facts, new CaseCommand { Action = CaseAction.Indict, Court = new string('c', 200) }).ShouldBeAllowed(CaseStatus.InCourt);
        Decide(facts, new CaseCommand { Action = CaseAction.Indict, Court = new string('c', 201) }).ShouldBeInvalid("court", CaseProblemCode.TooLong);
    }

    // Verdict

    [Fact]
    public void A_verdict_needs_at_least_one_sentence() =>
        Decide(Facts(CaseStatus.InCourt), new CaseCommand { Action = CaseAction.Verdict }).ShouldBeInvalid("sentences", CaseProblemCode.Required);

    [Fact]
    public void A_sentence_on_an_official_not_on_the_case_is_refused()
    {
        var stranger = new SentenceCommand(Guid.NewGuid(), null, null, null, VerdictOutcome.Conviction, "146", 36, false, null, null);

        Decide(Facts(CaseStatus.InCourt), new CaseCommand { Action = CaseAction.Verdict, Sentences = [stranger] })
            .ShouldBeInvalid("sentences[0].official", CaseProblemCode.UnknownOfficial);
    }

    [Theory]
    [InlineData(null, CaseProblemCode.Required)]
    [InlineData("army", CaseProblemCode.UnknownAgency)]
    public void A_new_official_needs_an_agency_of_the_profile(string? agency, string code)
    {
        var sentence = new SentenceCommand(null, agency, "Inspector", "Captain", VerdictOutcome.Conviction, "146", 36, false, null, null);

        Decide(Facts(CaseStatus.InCourt), new CaseCommand { Action = CaseAction.Verdict, Sentences = [sentence] })
            .ShouldBeInvalid("sentences[0].agency", code);
    }

    [Fact]
    public void A_new_officials_position_and_rank_are_bounded()
    {
        var facts = Facts(CaseStatus.InCourt);
        SentenceCommand Official(string position, string rank) => new(null, "penitentiary", position, rank, VerdictOutcome.Conviction, "146", 36, false, null, null);

        Decide(facts, new CaseCommand { Action = CaseAction.Verdict, Sentences = [Official(new string('p', 200), new string('r', 100))] })
            .ShouldBeAllowed(CaseStatus.Verdict);
        Decide(facts, new CaseCommand { Action = CaseAction.Verdict, Sentences = [Official(new string('p', 201), "Captain")] })
            .ShouldBeInvalid("sentences[0].position", CaseProblemCode.TooLong);
        Decide(facts, new CaseCommand { Action = CaseAction.Verdict, Sentences = [Official("Inspector", new string('r', 101))] })
            .ShouldBeInvalid("sentences[0].rank", CaseProblemCode.TooLong);
    }

    [Fact]
    public void A_sentence_needs_its_outcome()
    {
        var sentence = new SentenceCommand(OfficialId, null, null, null, null, "146", 36, false, null, null);

        Decide(Facts(CaseStatus.InCourt), new CaseCommand { Action = CaseAction.Verdict, Sentences = [sentence] })
            .ShouldBeInvalid("sentences[0].outcome", CaseProblemCode.Required);
    }

    [Fact]
    public void A_plain_acquittal_is_a_verdict() =>
        Decide(Facts(CaseStatus.InCourt), new CaseCommand { Action = CaseAction.Verdict, Sentences = [Acquittal()] }).ShouldBeAllowed(CaseStatus.Verdict);

    [Fact]
    public void An_acquittal_with_custodial_months_is_refused() =>
        Decide(Facts(CaseStatus.InCourt), new CaseCommand { Action = CaseAction.Verdict, Sentences = [Acquittal(custodialMonths: 24)] })
            .ShouldBeInvalid("sentences[0].outcome", CaseProblemCode.NotConviction);

    [Fact]
    public void An_acquittal_with_a_suspended_sentence_a_fine_or_a_ban_is_refused()
    {
        var facts = Facts(CaseStatus.InCourt);

        Decide(facts, new CaseCommand { Action = CaseAction.Verdict, Sentences = [Acquittal(suspended: true)] })
            .ShouldBeInvalid("sentences[0].outcome", CaseProblemCode.NotConviction);
        Decide(facts, new CaseCommand { Action = CaseAction.Verdict, Sentences = [Acquittal(fine: 100_000m)] })
            .ShouldBeInvalid("sentences[0].outcome", CaseProblemCode.NotConviction);
        Decide(facts, new CaseCommand { Action = CaseAction.Verdict, Sentences = [Acquittal(banMonths: 12)] })
            .ShouldBeInvalid("sentences[0].outcome", CaseProblemCode.NotConviction);
    }

    [Theory]
    [InlineData(null, CaseProblemCode.Required)]
    [InlineData("999", CaseProblemCode.UnknownArticle)]
    public void A_conviction_needs_an_article_of_the_profile(string? article, string code) =>
        Decide(Facts(CaseStatus.InCourt), new CaseCommand { Action = CaseAction.Verdict, Sentences = [Conviction(article!)] })
            .ShouldBeInvalid("sentences[0].article", code);

    [Fact]
    public void A_suspended_sentence_for_torture_is_refused_for_an_act_from_the_amendment_on()
    {
        var facts = Facts(CaseStatus.InCourt, receivedOn: new DateOnly(2023, 4, 1)) with { IncidentOn = AmendmentInForce };
        var suspended = new CaseCommand { Action = CaseAction.Verdict, Sentences = [Conviction("146", custodialMonths: 36, suspended: true)] };

        Decide(facts, suspended with { On = new DateOnly(2023, 9, 1) }).ShouldBeInvalid("sentences[0].suspended", CaseProblemCode.SuspendedBarred);
        Decide(facts, suspended with { On = new DateOnly(2026, 1, 15) }).ShouldBeInvalid("sentences[0].suspended", CaseProblemCode.SuspendedBarred);
    }

    [Fact]
    public void A_suspended_sentence_for_torture_is_allowed_for_an_act_of_the_day_before_the_amendment() =>
        Decide(
            Facts(CaseStatus.InCourt, receivedOn: ReceivedBeforeAmendment) with { IncidentOn = AmendmentInForce.AddDays(-1) },
            new CaseCommand { Action = CaseAction.Verdict, On = new DateOnly(2024, 5, 1), Sentences = [Conviction("146", custodialMonths: 36, suspended: true)] })
            .ShouldBeAllowed(CaseStatus.Verdict);

    [Fact]
    public void A_suspended_sentence_for_exceeding_authority_is_allowed_after_the_amendment() =>
        Decide(
            Facts(CaseStatus.InCourt, receivedOn: ReceivedBeforeAmendment),
            new CaseCommand { Action = CaseAction.Verdict, On = AmendmentInForce, Sentences = [Conviction("362", custodialMonths: 36, suspended: true)] })
            .ShouldBeAllowed(CaseStatus.Verdict);

    [Fact]
    public void The_suspended_bar_looks_at_the_article_of_the_conviction_not_of_the_case()
    {
        var facts = Facts(CaseStatus.InCourt, article: "362");

        Decide(facts, new CaseCommand { Action = CaseAction.Verdict, Sentences = [Conviction("146", suspended: true)] })
            .ShouldBeInvalid("sentences[0].suspended", CaseProblemCode.SuspendedBarred);
    }

    [Theory]
    [InlineData(null)]
    [InlineData(0)]
    public void A_suspended_sentence_needs_its_custodial_months(int? months) =>
        Decide(Facts(CaseStatus.InCourt), new CaseCommand { Action = CaseAction.Verdict, Sentences = [Conviction("362", custodialMonths: months, suspended: true)] })
            .ShouldBeInvalid("sentences[0].custodialMonths", CaseProblemCode.Required);

    [Theory]
    [InlineData(-1)]
    [InlineData(601)]
    public void Custodial_months_out_of_range_are_refused(int months) =>
        Decide(Facts(CaseStatus.InCourt), new CaseCommand { Action = CaseAction.Verdict, Sentences = [Conviction("146", custodialMonths: months)] })
            .ShouldBeInvalid("sentences[0].custodialMonths", CaseProblemCode.OutOfRange);

    [Fact]
    public void Fifty_years_is_the_longest_term_and_a_conviction_may_carry_no_term()
    {
        var facts = Facts(CaseStatus.InCourt);

        Decide(facts, new CaseCommand { Action = CaseAction.Verdict, Sentences = [Conviction("146", custodialMonths: 600)] }).ShouldBeAllowed(CaseStatus.Verdict);
        Decide(facts, new CaseCommand { Action = CaseAction.Verdict, Sentences = [Conviction("362", custodialMonths: null)] }).ShouldBeAllowed(CaseStatus.Verdict);
    }

    [Fact]
    public void A_ban_from_office_or_a_fine_out_of_range_is_refused()
    {
        var facts = Facts(CaseStatus.InCourt);
        var ban = new SentenceCommand(OfficialId, null, null, null, VerdictOutcome.Conviction, "362", null, false, null, 601);
        var fine = new SentenceCommand(OfficialId, null, null, null, VerdictOutcome.Conviction, "362", null, false, -1m, null);
        var huge = new SentenceCommand(OfficialId, null, null, null, VerdictOutcome.Conviction, "362", null, false, 1_000_000_000_001m, null);
        var fair = new SentenceCommand(OfficialId, null, null, null, VerdictOutcome.Conviction, "362", null, false, 500_000m, 36);

        Decide(facts, new CaseCommand { Action = CaseAction.Verdict, Sentences = [ban] }).ShouldBeInvalid("sentences[0].banFromOfficeMonths", CaseProblemCode.OutOfRange);
        Decide(facts, new CaseCommand { Action = CaseAction.Verdict, Sentences = [fine] }).ShouldBeInvalid("sentences[0].fine", CaseProblemCode.OutOfRange);
        Decide(facts, new CaseCommand { Action = CaseAction.Verdict, Sentences = [huge] }).ShouldBeInvalid("sentences[0].fine", CaseProblemCode.OutOfRange);
        Decide(facts, new CaseCommand { Action = CaseAction.Verdict, Sentences = [fair] }).ShouldBeAllowed(CaseStatus.Verdict);
    }

    [Fact]
    public void Each_sentence_is_checked_under_its_own_index()
    {
        var decision = Decide(
            Facts(CaseStatus.InCourt),
            new CaseCommand { Action = CaseAction.Verdict, Sentences = [Conviction(), Acquittal(custodialMonths: 6), Conviction("146", suspended: true)] });

        decision.Kind.ShouldBe(CaseDecisionKind.Invalid);
        decision.Problems.ShouldBe(
        [
            new Problem("sentences[1].outcome", CaseProblemCode.NotConviction),
            new Problem("sentences[2].suspended", CaseProblemCode.SuspendedBarred),
        ]);
    }

    // Appeal and finalisation

    [Fact]
    public void An_appeal_needs_to_say_who_appealed() =>
        Decide(Facts(CaseStatus.Verdict), new CaseCommand { Action = CaseAction.Appeal }).ShouldBeInvalid("appealBy", CaseProblemCode.Required);

    [Theory]
    [InlineData(AppealBy.Prosecution)]
    [InlineData(AppealBy.Defence)]
    [InlineData(AppealBy.Victim)]
    public void Any_party_may_appeal(AppealBy by) =>
        Decide(Facts(CaseStatus.Verdict), new CaseCommand { Action = CaseAction.Appeal, AppealBy = by }).ShouldBeAllowed(CaseStatus.Appeal);

    [Theory]
    [InlineData(CaseStatus.Verdict)]
    [InlineData(CaseStatus.Appeal)]
    public void A_verdict_or_an_appeal_is_finalised_without_further_fields(CaseStatus status) =>
        Decide(Facts(status), new CaseCommand { Action = CaseAction.Finalise }).ShouldBeAllowed(CaseStatus.Final);
}
