using Qorgau.Domain.Proceedings;

namespace Qorgau.UnitTests.Proceedings;

public sealed class TortureRestrictionsTests
{
    private static readonly DateOnly AmendmentInForce = TestProfile.Kazakhstan.TortureRestrictionsFrom;

    [Theory]
    [InlineData("amnesty")]
    [InlineData("limitation")]
    [InlineData("reconciliation")]
    [InlineData("active-repentance")]
    public void A_torture_case_cannot_end_by_a_barred_reason_from_the_amendment_on(string reason)
    {
        var onTheDay = TortureRestrictions.CheckTermination(TestProfile.Kazakhstan, "146", reason, AmendmentInForce);
        var later = TortureRestrictions.CheckTermination(TestProfile.Kazakhstan, "146", reason, AmendmentInForce.AddYears(1));

        onTheDay.IsAllowed.ShouldBeFalse();
        onTheDay.Reason.ShouldNotBeNull().ShouldContain(reason);
        later.IsAllowed.ShouldBeFalse();
    }

    [Fact]
    public void Before_the_amendment_the_same_termination_was_lawful() =>
        TortureRestrictions.CheckTermination(TestProfile.Kazakhstan, "146", "amnesty", AmendmentInForce.AddDays(-1)).IsAllowed.ShouldBeTrue();

    [Fact]
    public void The_bar_applies_to_every_torture_article_not_only_the_current_one() =>
        TortureRestrictions.CheckTermination(TestProfile.Kazakhstan, "141-1", "reconciliation", AmendmentInForce).IsAllowed.ShouldBeFalse();

    [Fact]
    public void A_case_under_exceeding_authority_may_still_end_by_amnesty() =>
        TortureRestrictions.CheckTermination(TestProfile.Kazakhstan, "362", "amnesty", AmendmentInForce.AddYears(1)).IsAllowed.ShouldBeTrue();

    [Theory]
    [InlineData("no-crime")]
    [InlineData("insufficient-evidence")]
    public void Reasons_that_are_not_barred_remain_open_for_torture(string reason) =>
        TortureRestrictions.CheckTermination(TestProfile.Kazakhstan, "146", reason, AmendmentInForce.AddYears(1)).IsAllowed.ShouldBeTrue();

    [Fact]
    public void An_unknown_reason_is_refused_with_its_code() =>
        TortureRestrictions.CheckTermination(TestProfile.Kazakhstan, "146", "bribe", AmendmentInForce).Reason.ShouldNotBeNull().ShouldContain("'bribe'");

    [Fact]
    public void A_suspended_sentence_for_torture_is_refused_from_the_amendment_on()
    {
        TortureRestrictions.CheckSuspendedSentence(TestProfile.Kazakhstan, "146", AmendmentInForce).IsAllowed.ShouldBeFalse();
        TortureRestrictions.CheckSuspendedSentence(TestProfile.Kazakhstan, "146", AmendmentInForce.AddDays(-1)).IsAllowed.ShouldBeTrue();
        TortureRestrictions.CheckSuspendedSentence(TestProfile.Kazakhstan, "362", AmendmentInForce).IsAllowed.ShouldBeTrue();
    }
}
