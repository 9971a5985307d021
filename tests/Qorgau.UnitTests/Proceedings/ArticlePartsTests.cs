using Qorgau.Domain.Cases;
using Qorgau.Domain.Organisations;
using Qorgau.Domain.Proceedings;
using static Qorgau.UnitTests.Cases.CaseTestData;
using Case = Qorgau.Domain.Cases.Case;

namespace Qorgau.UnitTests.Proceedings;

/// <summary>
/// Qualification by article and part: a bare 146 stands for the part the case's kind of ill-treatment
/// indicates and is flagged as inferred; a move from 146-2 to 146-1 is a requalification away from
/// torture; the profile says who may investigate which article; a requalification away from torture
/// waits for a second supervisor where the organisation decides.
/// </summary>
public sealed class ArticlePartsTests
{
    private static readonly DateOnly AfterJurisdictionMoved = new(2024, 3, 1);

    private static CaseCommand Register(string article, string? body = null) =>
        new() { Action = CaseAction.Register, RegisterNumber = "ERDR-1", Article = article, InvestigatingBody = body };

    private static CaseCommand Requalify(string article, string? body = null) =>
        new() { Action = CaseAction.Requalify, Article = article, Reason = "Ground.", InvestigatingBody = body };

    [Fact]
    public void The_profile_divides_146_into_cruel_treatment_and_torture()
    {
        var profile = TestProfile.Kazakhstan;

        profile.PartsOf("146").Select(a => a.Code).ShouldBe(["146-1", "146-2"]);
        profile.FindArticle("146-2")!.IsTorture.ShouldBeTrue();
        profile.FindArticle("146-1")!.IsTorture.ShouldBeFalse();
        profile.FindArticle("146-1")!.IsCruelTreatment.ShouldBeTrue();
        profile.FindArticle("362")!.IsCruelTreatment.ShouldBeFalse();
        profile.FindArticle("414")!.IsTorture.ShouldBeFalse();
        profile.FindArticle("347-1")!.IsTorture.ShouldBeTrue();
    }

    [Theory]
    [InlineData("torture", "146-2")]
    [InlineData("cruel", "146-1")]
    [InlineData("degrading", "146-1")]
    [InlineData(null, "146-2")]
    public void A_bare_146_is_the_part_the_kind_of_ill_treatment_indicates(string? kind, string part) =>
        ArticleParts.Infer(TestProfile.Kazakhstan, "146", kind).ShouldBe(part);

    [Theory]
    [InlineData("146-1")]
    [InlineData("362")]
    [InlineData("347-1")]
    public void An_article_without_parts_is_not_inferred(string article) =>
        ArticleParts.Infer(TestProfile.Kazakhstan, article, "torture").ShouldBeNull();

    [Fact]
    public void Registering_under_a_bare_146_records_the_part_and_flags_it_as_inferred()
    {
        var facts = Facts(CaseStatus.Admissible) with { IllTreatmentCode = "degrading" };

        var decision = Decide(facts, Register("146")).ShouldBeAllowed(CaseStatus.Registered);

        decision.Flags.ShouldBe([CaseFlag.ArticlePartInferred]);
        decision.FlaggedAct.ShouldBeNull("inference is no bar judged by the date of the act");
        var effects = CaseActionEffects.Apply(NewCase(), null, Register("146"), decision, new CaseActionContext(ReceivedOn, DateTime.UtcNow, null));
        effects.OpenedProceeding!.CurrentArticle.ShouldBe("146-1");
        var detail = CaseEventDetail.Read(effects.Events[^1].Detail);
        (detail["article"], detail["recorded-as"], detail["flags"]).ShouldBe(("146-1", "146", CaseFlag.ArticlePartInferred));
    }

    [Fact]
    public void Registering_under_a_part_infers_nothing() =>
        Decide(Facts(CaseStatus.Admissible) with { IllTreatmentCode = "cruel" }, Register("146-2")).ShouldBeAllowed(CaseStatus.Registered).Flags.ShouldBeEmpty();

    [Fact]
    public void Torture_requalified_as_cruel_treatment_is_a_requalification_away_from_torture() =>
        Decide(Facts(CaseStatus.Registered, article: "146-2") with { OrganisationDecides = false }, Requalify("146-1"))
            .ShouldBeAllowed(CaseStatus.Registered).Flags.ShouldBe([CaseFlag.RequalifiedAwayFromTorture]);

    [Fact]
    public void Cruel_treatment_requalified_as_torture_is_not_flagged() =>
        Decide(Facts(CaseStatus.Registered, article: "146-1") with { OrganisationDecides = false }, Requalify("146-2"))
            .ShouldBeAllowed(CaseStatus.Registered).Flags.ShouldBeEmpty();

    [Theory]
    [InlineData("146-1")]
    [InlineData("362")]
    [InlineData("414")]
    public void Where_the_organisation_decides_a_requalification_away_from_torture_waits_for_confirmation(string article)
    {
        var facts = Facts(CaseStatus.Registered, article: "146-2") with { OrganisationDecides = true };

        Decide(facts, Requalify(article)).ShouldBeAllowed(CaseStatus.Registered).AwaitsConfirmation.ShouldBeTrue();
        Decide(facts with { RequalificationConfirmed = true }, Requalify(article)).AwaitsConfirmation.ShouldBeFalse();
    }

    [Theory]
    [InlineData(OrganisationKind.NationalPreventiveMechanism)]
    [InlineData(OrganisationKind.Ngo)]
    [InlineData(OrganisationKind.LegalAid)]
    public void Other_organisations_record_a_requalification_away_from_torture_at_once_flagged(OrganisationKind kind)
    {
        var decision = Decide(Facts(CaseStatus.Registered, article: "146-2") with { OrganisationDecides = CaseFlag.Decides(kind) }, Requalify("146-1"));

        decision.AwaitsConfirmation.ShouldBeFalse();
        decision.Flags.ShouldBe([CaseFlag.RequalifiedAwayFromTorture]);
    }

    [Fact]
    public void A_requalification_towards_torture_never_waits() =>
        Decide(Facts(CaseStatus.Registered, article: "362"), Requalify("146-2")).AwaitsConfirmation.ShouldBeFalse();

    [Fact]
    public void A_proposed_requalification_changes_nothing_but_the_proposal()
    {
        var facts = Facts(CaseStatus.Registered, article: "146-2");
        var decision = Decide(facts, Requalify("362", "police"));
        var actor = Guid.NewGuid();

        var effects = CaseActionEffects.Apply(NewCase(CaseStatus.Registered), facts.Proceeding, Requalify("362", "police"), decision, new CaseActionContext(Today, DateTime.UtcNow, actor));

        var proceeding = facts.Proceeding!;
        (proceeding.CurrentArticle, proceeding.PendingArticle, proceeding.PendingByUserId, proceeding.PendingInvestigatingBody).ShouldBe(("146-2", "362", (Guid?)actor, "police"));
        effects.Qualifications.ShouldBeEmpty();
        effects.Events.ShouldHaveSingleItem().Kind.ShouldBe(CaseEventKind.RequalificationProposed);
        CaseEventDetail.ReadFlags(CaseEventDetail.Read(effects.Events[0].Detail)).ShouldBe([CaseFlag.RequalifiedAwayFromTorture]);
    }

    [Fact]
    public void A_confirmed_requalification_takes_effect_names_the_proposer_and_clears_the_proposal()
    {
        var facts = Facts(CaseStatus.Registered, article: "146-2");
        var proposer = Guid.NewGuid();
        CaseActionEffects.Apply(NewCase(CaseStatus.Registered), facts.Proceeding, Requalify("362"), Decide(facts, Requalify("362")), new CaseActionContext(Today, DateTime.UtcNow, proposer));
        var confirmed = facts with { RequalificationConfirmed = true };

        var effects = CaseActionEffects.Apply(NewCase(CaseStatus.Registered), confirmed.Proceeding, Requalify("362"), Decide(confirmed, Requalify("362")),
            new CaseActionContext(Today, DateTime.UtcNow, Guid.NewGuid()) { ProposedBy = proposer });

        (facts.Proceeding!.CurrentArticle, facts.Proceeding.PendingArticle).ShouldBe(("362", null));
        var detail = CaseEventDetail.Read(effects.Events[^1].Detail);
        (effects.Events[^1].Kind, detail["proposed-by"], detail["flags"]).ShouldBe((CaseEventKind.Of(CaseAction.Requalify), proposer.ToString(), CaseFlag.RequalifiedAwayFromTorture));
    }

    [Theory]
    [InlineData("146-2", "prosecutor", true)]
    [InlineData("146-2", "police", false)]
    [InlineData("146-2", "anti-corruption", false)]
    [InlineData("146", "police", false)]
    [InlineData("146-1", "police", true)]
    [InlineData("362", "national-security", true)]
    [InlineData("414", "police", true)]
    public void The_profile_says_who_may_investigate_torture_since_2023(string article, string body, bool competent) =>
        InvestigatingBodies.IsCompetent(TestProfile.Kazakhstan, article, body, AfterJurisdictionMoved).ShouldBe(competent);

    [Fact]
    public void Before_2023_any_investigating_body_was_competent_for_torture()
    {
        InvestigatingBodies.IsCompetent(TestProfile.Kazakhstan, "146-2", "police", AmendmentInForce.AddDays(-1)).ShouldBeTrue();
        InvestigatingBodies.IsCompetent(TestProfile.Kazakhstan, "146-2", "police", AmendmentInForce).ShouldBeFalse();
    }

    [Fact]
    public void Another_investigating_body_is_recorded_and_flagged()
    {
        var facts = Facts(CaseStatus.Admissible, receivedOn: AfterJurisdictionMoved);

        Decide(facts, Register("146-2", "police")).ShouldBeAllowed(CaseStatus.Registered).Flags.ShouldBe([CaseFlag.InvestigatingBodyNotCompetent]);
        Decide(facts, Register("146-2", "prosecutor")).ShouldBeAllowed(CaseStatus.Registered).Flags.ShouldBeEmpty();
        Decide(facts, Register("146-1", "police")).ShouldBeAllowed(CaseStatus.Registered).Flags.ShouldBeEmpty();
    }

    [Fact]
    public void A_requalification_to_torture_flags_the_body_that_kept_the_case()
    {
        var facts = Facts(CaseStatus.Registered, article: "146-1", receivedOn: AfterJurisdictionMoved);
        facts.Proceeding!.InvestigatingBody = "police";

        Decide(facts, Requalify("146-2")).Flags.ShouldBe([CaseFlag.InvestigatingBodyNotCompetent]);
        Decide(facts, Requalify("146-2", "prosecutor")).Flags.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("nowhere", CaseProblemCode.UnknownAgency)]
    [InlineData("health", CaseProblemCode.NotInvestigatingBody)]
    public void An_investigating_body_must_be_an_agency_that_investigates(string body, string code) =>
        Decide(Facts(CaseStatus.Admissible), Register("146-2", body)).ShouldBeInvalid("investigatingBody", code);

    private static Case NewCase(CaseStatus status = CaseStatus.Admissible) =>
        new() { Id = CaseId, PublicId = "QG-TEST", OrganisationId = OrganisationId, ReceivedOn = ReceivedOn, Status = status };
}
