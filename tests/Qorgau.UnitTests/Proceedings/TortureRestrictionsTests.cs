using Qorgau.Domain.Proceedings;
using Qorgau.Domain.Profiles;

namespace Qorgau.UnitTests.Proceedings;

public sealed class TortureRestrictionsTests
{
    private static readonly DateOnly AmendmentInForce = new(2023, 3, 29);

    private static ActDate Incident(DateOnly on) => new(on, FromReceipt: false);

    [Theory]
    [InlineData("amnesty")]
    [InlineData("limitation")]
    [InlineData("reconciliation")]
    [InlineData("active-repentance")]
    public void A_torture_case_cannot_end_by_a_barred_reason_for_an_act_from_the_amendment_on(string reason)
    {
        var onTheDay = TortureRestrictions.CheckTermination(TestProfile.Kazakhstan, "146", reason, Incident(AmendmentInForce));
        var later = TortureRestrictions.CheckTermination(TestProfile.Kazakhstan, "146", reason, Incident(AmendmentInForce.AddYears(1)));

        onTheDay.IsAllowed.ShouldBeFalse();
        onTheDay.Reason.ShouldNotBeNull().ShouldContain(reason);
        onTheDay.Reason.ShouldContain("2023-03-29, the incident date");
        later.IsAllowed.ShouldBeFalse();
    }

    [Theory]
    [InlineData("amnesty")]
    [InlineData("limitation")]
    [InlineData("reconciliation")]
    [InlineData("active-repentance")]
    public void An_act_committed_the_day_before_the_amendment_may_end_by_that_reason(string reason) =>
        TortureRestrictions.CheckTermination(TestProfile.Kazakhstan, "146", reason, Incident(AmendmentInForce.AddDays(-1))).IsAllowed.ShouldBeTrue();

    [Fact]
    public void Without_an_incident_date_the_received_date_stands_for_the_act_and_the_reason_says_so()
    {
        var check = TortureRestrictions.CheckTermination(TestProfile.Kazakhstan, "146", "amnesty", ActDate.Of(null, new DateOnly(2024, 2, 1)));

        check.IsAllowed.ShouldBeFalse();
        check.Reason.ShouldNotBeNull().ShouldContain("2024-02-01, the received date, as the case has no incident date");
        ActDate.Of(new DateOnly(2022, 5, 1), new DateOnly(2024, 2, 1)).ShouldBe(new ActDate(new DateOnly(2022, 5, 1), false));
    }

    [Fact]
    public void Each_bar_follows_its_own_date_in_the_profile()
    {
        var amnestyEarlier = WithBar("amnesty", new DateOnly(2015, 1, 1));
        var act = Incident(new DateOnly(2020, 6, 1));

        TortureRestrictions.CheckTermination(amnestyEarlier, "146", "amnesty", act).IsAllowed.ShouldBeFalse();
        TortureRestrictions.CheckTermination(amnestyEarlier, "146", "amnesty", Incident(new DateOnly(2014, 12, 31))).IsAllowed.ShouldBeTrue();
        TortureRestrictions.CheckTermination(amnestyEarlier, "146", "limitation", act).IsAllowed.ShouldBeTrue();
        TortureRestrictions.CheckTermination(amnestyEarlier, "146", "reconciliation", act).IsAllowed.ShouldBeTrue();
        TortureRestrictions.CheckSuspendedSentence(amnestyEarlier, "146", act).IsAllowed.ShouldBeTrue();
    }

    [Fact]
    public void The_suspended_sentence_bar_has_its_own_date()
    {
        var later = TestProfile.Kazakhstan with { SuspendedSentenceBar = new TortureBar(new DateOnly(2024, 1, 1), "test") };

        TortureRestrictions.CheckSuspendedSentence(later, "146", Incident(new DateOnly(2023, 12, 31))).IsAllowed.ShouldBeTrue();
        TortureRestrictions.CheckSuspendedSentence(later, "146", Incident(new DateOnly(2024, 1, 1))).IsAllowed.ShouldBeFalse();
        TortureRestrictions.CheckTermination(later, "146", "amnesty", Incident(new DateOnly(2023, 12, 31))).IsAllowed.ShouldBeFalse();
    }

    [Fact]
    public void The_bar_applies_to_every_torture_article_not_only_the_current_one() =>
        TortureRestrictions.CheckTermination(TestProfile.Kazakhstan, "141-1", "reconciliation", Incident(AmendmentInForce)).IsAllowed.ShouldBeFalse();

    [Fact]
    public void A_case_under_exceeding_authority_may_still_end_by_amnesty() =>
        TortureRestrictions.CheckTermination(TestProfile.Kazakhstan, "362", "amnesty", Incident(AmendmentInForce.AddYears(1))).IsAllowed.ShouldBeTrue();

    [Theory]
    [InlineData("no-crime")]
    [InlineData("insufficient-evidence")]
    public void Reasons_that_are_not_barred_remain_open_for_torture(string reason) =>
        TortureRestrictions.CheckTermination(TestProfile.Kazakhstan, "146", reason, Incident(AmendmentInForce.AddYears(1))).IsAllowed.ShouldBeTrue();

    [Fact]
    public void An_unknown_reason_is_refused_with_its_code() =>
        TortureRestrictions.CheckTermination(TestProfile.Kazakhstan, "146", "bribe", Incident(AmendmentInForce)).Reason.ShouldNotBeNull().ShouldContain("'bribe'");

    [Fact]
    public void A_suspended_sentence_for_torture_is_refused_for_an_act_from_the_amendment_on()
    {
        TortureRestrictions.CheckSuspendedSentence(TestProfile.Kazakhstan, "146", Incident(AmendmentInForce)).IsAllowed.ShouldBeFalse();
        TortureRestrictions.CheckSuspendedSentence(TestProfile.Kazakhstan, "146", Incident(AmendmentInForce.AddDays(-1))).IsAllowed.ShouldBeTrue();
        TortureRestrictions.CheckSuspendedSentence(TestProfile.Kazakhstan, "362", Incident(AmendmentInForce)).IsAllowed.ShouldBeTrue();
    }

    private static JurisdictionProfile WithBar(string reason, DateOnly from) => TestProfile.Kazakhstan with
    {
        TerminationReasons = [.. TestProfile.Kazakhstan.TerminationReasons.Select(r => r.Code == reason ? r with { Bar = new TortureBar(from, "test") } : r)],
    };
}
