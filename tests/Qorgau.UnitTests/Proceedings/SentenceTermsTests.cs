using Qorgau.Domain.Cases;
using Qorgau.Domain.Proceedings;

namespace Qorgau.UnitTests.Proceedings;

/// <summary>What the Criminal Code allows together in one official's sentence (CC RK 2014 arts. 40, 63).</summary>
public sealed class SentenceTermsTests
{
    [Fact]
    public void Each_main_penalty_alone_is_allowed_and_named_mildest_first()
    {
        new SentenceTerms { CommunityServiceHours = 240 }.Problems().ShouldBeEmpty();
        new SentenceTerms { CorrectionalLabourMonths = 12, CorrectionalLabourMrp = 200m }.Problems().ShouldBeEmpty();
        new SentenceTerms { RestrictionOfLibertyMonths = 24 }.Problems().ShouldBeEmpty();
        new SentenceTerms { FineMrp = 500m }.MainPenalties.ShouldBe([SentencePenalty.Fine]);
        new SentenceTerms { ImprisonmentMonths = 36, FineTenge = 100_000m }.MainPenalties.ShouldBe([SentencePenalty.Fine, SentencePenalty.Imprisonment]);
    }

    [Theory]
    [InlineData(24, 6, null, null, SentenceFields.ImprisonmentMonths)]
    [InlineData(null, null, 12, 240, SentenceFields.CommunityServiceHours)]
    [InlineData(null, 12, 6, null, SentenceFields.RestrictionOfLibertyMonths)]
    [InlineData(36, null, null, 240, SentenceFields.ImprisonmentMonths)]
    public void Two_main_penalties_of_liberty_or_labour_are_refused_at_the_graver_one(int? imprisonment, int? restriction, int? labour, int? hours, string field)
    {
        var terms = new SentenceTerms { ImprisonmentMonths = imprisonment, RestrictionOfLibertyMonths = restriction, CorrectionalLabourMonths = labour, CommunityServiceHours = hours };

        terms.Problems().ShouldBe([(field, SentenceProblemCode.OneMainPenalty)]);
    }

    [Fact]
    public void A_fine_may_stand_beside_another_main_penalty()
    {
        new SentenceTerms { ImprisonmentMonths = 48, FineTenge = 250_000m, BanFromOfficeMonths = 36 }.Problems().ShouldBeEmpty();
        new SentenceTerms { CommunityServiceHours = 200, FineMrp = 100m }.Problems().ShouldBeEmpty();
    }

    [Fact]
    public void Correctional_labour_in_months_and_in_an_amount_is_one_penalty()
    {
        new SentenceTerms { CorrectionalLabourMonths = 12, CorrectionalLabourMrp = 300m }.MainPenalties.ShouldBe([SentencePenalty.CorrectionalLabour]);
    }

    [Fact]
    public void A_suspended_sentence_needs_imprisonment_or_restriction_of_liberty()
    {
        new SentenceTerms { ImprisonmentMonths = 36, Suspended = true }.Problems().ShouldBeEmpty();
        new SentenceTerms { RestrictionOfLibertyMonths = 24, Suspended = true }.Problems().ShouldBeEmpty();

        new SentenceTerms { CommunityServiceHours = 240, Suspended = true }.Problems().ShouldBe([(SentenceFields.ImprisonmentMonths, CaseProblemCode.Required)]);
        new SentenceTerms { CorrectionalLabourMonths = 12, Suspended = true }.Problems().ShouldBe([(SentenceFields.ImprisonmentMonths, CaseProblemCode.Required)]);
        new SentenceTerms { FineMrp = 100m, Suspended = true }.Problems().ShouldBe([(SentenceFields.ImprisonmentMonths, CaseProblemCode.Required)]);
    }

    [Fact]
    public void Terms_and_amounts_out_of_range_are_named_each()
    {
        var terms = new SentenceTerms
        {
            RestrictionOfLibertyMonths = CaseLimits.Months + 1,
            CorrectionalLabourMonths = -1,
            CommunityServiceHours = SentenceTerms.MaxHours + 1,
            CorrectionalLabourMrp = -1m,
            FineMrp = CaseLimits.Amount + 1,
        };

        terms.Problems().Where(p => p.Code == CaseProblemCode.OutOfRange).Select(p => p.Field).ShouldBe(
            [SentenceFields.RestrictionOfLibertyMonths, SentenceFields.CorrectionalLabourMonths, SentenceFields.CommunityServiceHours, SentenceFields.CorrectionalLabourMrp, SentenceFields.FineMrp],
            ignoreOrder: true);
    }

    [Fact]
    public void Zero_terms_impose_nothing_and_an_empty_sentence_is_allowed()
    {
        new SentenceTerms { ImprisonmentMonths = 0, CommunityServiceHours = 0, FineMrp = 0m }.ImposesAnything.ShouldBeFalse();
        new SentenceTerms().Problems().ShouldBeEmpty();
        new SentenceTerms { BanFromOfficeMonths = 24 }.ImposesAnything.ShouldBeTrue();
        new SentenceTerms { CommunityServiceHours = 1 }.ImposesAnything.ShouldBeTrue();
    }
}
