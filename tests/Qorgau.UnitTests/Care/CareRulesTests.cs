using Qorgau.Domain;
using Qorgau.Domain.Care;
using Qorgau.Domain.Cases;

namespace Qorgau.UnitTests.Care;

public sealed class CareRulesTests
{
    private static readonly DateOnly Today = new(2026, 6, 15);

    private static CompensationClaim Claim(decimal claimed = 1000m) => new() { CaseId = Guid.NewGuid(), AmountClaimed = claimed, FiledOn = new(2026, 1, 10) };

    private static IEnumerable<string> Codes(IEnumerable<Problem> problems) => problems.Select(p => $"{p.Field}:{p.Code}");

    [Fact]
    public void A_date_after_today_is_refused_and_today_is_accepted()
    {
        var problems = new List<Problem>();

        CareRules.Date(problems, "on", "2026-06-16", Today, required: true);
        CareRules.Date(problems, "today", "2026-06-15", Today, required: true);

        Codes(problems).ShouldBe(["on:future-date"]);
    }

    [Fact]
    public void A_missing_required_date_and_a_malformed_one_are_named_by_field()
    {
        var problems = new List<Problem>();

        CareRules.Date(problems, "examinedOn", " ", Today, required: true);
        CareRules.Date(problems, "requestedOn", "15.06.2026", Today, required: false);
        CareRules.Date(problems, "optional", null, Today, required: false);

        Codes(problems).ShouldBe(["examinedOn:required", "requestedOn:not-a-date"]);
    }

    [Fact]
    public void An_examination_cannot_be_requested_after_it_took_place()
    {
        var problems = new List<Problem>();

        CareRules.CheckExaminationDates(problems, new DateOnly(2026, 6, 2), new DateOnly(2026, 6, 1));
        CareRules.CheckExaminationDates(problems, new DateOnly(2026, 6, 1), new DateOnly(2026, 6, 1));

        Codes(problems).ShouldBe(["requestedOn:before-earlier"]);
    }

    [Theory]
    [InlineData("150000", 150000)]
    [InlineData("150 000,50", 150000.50)]
    [InlineData("0", 0)]
    public void Amounts_are_read_with_a_dot_or_a_comma(string text, decimal expected)
    {
        var problems = new List<Problem>();

        CareRules.Amount(problems, "amount", text, required: true).ShouldBe(expected);
        problems.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("-1", "negative")]
    [InlineData("abc", "not-an-amount")]
    [InlineData("1.005", "not-an-amount")]
    [InlineData("", "required")]
    public void A_negative_unreadable_or_missing_amount_is_a_problem(string text, string code)
    {
        var problems = new List<Problem>();

        CareRules.Amount(problems, "amount", text, required: true);

        Codes(problems).ShouldBe([$"amount:{code}"]);
    }

    [Theory]
    [InlineData(SupportStatus.Requested, SupportStatus.Accepted, true)]
    [InlineData(SupportStatus.Requested, SupportStatus.Provided, false)]
    [InlineData(SupportStatus.Accepted, SupportStatus.Provided, true)]
    [InlineData(SupportStatus.Provided, SupportStatus.Closed, true)]
    [InlineData(SupportStatus.Declined, SupportStatus.Accepted, false)]
    [InlineData(SupportStatus.Closed, SupportStatus.Requested, false)]
    public void A_referral_moves_only_forward(SupportStatus from, SupportStatus to, bool allowed) =>
        CareRules.MayMove(from, to).ShouldBe(allowed);

    [Theory]
    [InlineData(MeasureStatus.Requested, MeasureStatus.Applied, true)]
    [InlineData(MeasureStatus.Requested, MeasureStatus.Refused, true)]
    [InlineData(MeasureStatus.Requested, MeasureStatus.Ended, false)]
    [InlineData(MeasureStatus.Applied, MeasureStatus.Ended, true)]
    [InlineData(MeasureStatus.Refused, MeasureStatus.Applied, false)]
    public void A_protective_measure_is_applied_or_refused_before_it_ends(MeasureStatus from, MeasureStatus to, bool allowed) =>
        CareRules.MayMove(from, to).ShouldBe(allowed);

    [Theory]
    [InlineData(InquiryState.NotStarted, InquiryState.UnderWay, true)]
    [InlineData(InquiryState.UnderWay, InquiryState.ClosedReferred, true)]
    [InlineData(InquiryState.ClosedNoFault, InquiryState.UnderWay, true)]
    [InlineData(InquiryState.ClosedNoFault, InquiryState.ClosedReferred, false)]
    [InlineData(InquiryState.UnderWay, InquiryState.NotStarted, false)]
    public void An_inquiry_closes_one_way_and_can_only_be_reopened(InquiryState from, InquiryState to, bool allowed) =>
        CareRules.MayMove(from, to).ShouldBe(allowed);

    [Fact]
    public void A_status_change_cannot_be_dated_before_the_current_status()
    {
        var referral = new SupportReferral { CaseId = Guid.NewGuid(), Kind = SupportKind.LegalAid, RequestedOn = new(2026, 5, 1) };
        CareRules.Apply(referral, SupportStatus.Accepted, new(2026, 5, 10));

        Codes(CareRules.CheckChange(referral, SupportStatus.Provided, new(2026, 5, 9), Today)).ShouldBe(["on:before-earlier"]);
        Codes(CareRules.CheckChange(referral, SupportStatus.Provided, new(2026, 6, 16), Today)).ShouldBe(["on:future-date"]);
        CareRules.CheckChange(referral, SupportStatus.Provided, new(2026, 5, 10), Today).ShouldBeEmpty();
        Codes(CareRules.CheckChange(referral, SupportStatus.Requested, new(2026, 5, 11), Today)).ShouldBe(["status:not-allowed"]);
    }

    [Fact]
    public void Each_status_keeps_its_own_date()
    {
        var measure = new ProtectiveMeasure { CaseId = Guid.NewGuid(), Kind = MeasureKind.Transfer, RequestedOn = new(2026, 5, 1) };

        CareRules.Apply(measure, MeasureStatus.Applied, new(2026, 5, 3));
        CareRules.Apply(measure, MeasureStatus.Ended, new(2026, 6, 1));

        (measure.RequestedOn, measure.AppliedOn, measure.EndedOn, measure.Status).ShouldBe((new DateOnly(2026, 5, 1), (DateOnly?)new DateOnly(2026, 5, 3), (DateOnly?)new DateOnly(2026, 6, 1), MeasureStatus.Ended));
        CareRules.CheckChange(measure, MeasureStatus.Applied, Today, Today).ShouldNotBeEmpty();
    }

    [Fact]
    public void An_award_is_at_most_the_claim_and_not_before_the_filing()
    {
        var claim = Claim(1000m);

        Codes(CareRules.CheckDecision(claim, ClaimDecision.Granted, new(2026, 2, 1), 1000.01m, Today)).ShouldBe(["awarded:above-claim"]);
        Codes(CareRules.CheckDecision(claim, ClaimDecision.PartlyGranted, new(2026, 1, 9), 500m, Today)).ShouldBe(["decidedOn:before-earlier"]);
        Codes(CareRules.CheckDecision(claim, ClaimDecision.Granted, new(2026, 2, 1), null, Today)).ShouldBe(["awarded:required"]);
        Codes(CareRules.CheckDecision(claim, ClaimDecision.Refused, new(2026, 2, 1), 10m, Today)).ShouldBe(["awarded:not-allowed"]);
        CareRules.CheckDecision(claim, ClaimDecision.PartlyGranted, new(2026, 2, 1), 500m, Today).ShouldBeEmpty();
    }

    [Fact]
    public void A_claim_is_decided_once()
    {
        var claim = Claim();
        CareRules.Decide(claim, ClaimDecision.Granted, new(2026, 2, 1), 1000m);

        Codes(CareRules.CheckDecision(claim, ClaimDecision.Refused, new(2026, 2, 2), null, Today)).ShouldBe(["decision:not-allowed"]);
    }

    [Fact]
    public void A_payment_is_never_above_the_award_nor_before_the_decision()
    {
        var claim = Claim(1000m);
        CareRules.Decide(claim, ClaimDecision.PartlyGranted, new(2026, 2, 1), 600m);

        Codes(CareRules.CheckPayment(claim, new(2026, 3, 1), 600.01m, Today)).ShouldBe(["paid:above-award"]);
        Codes(CareRules.CheckPayment(claim, new(2026, 1, 31), 600m, Today)).ShouldBe(["paidOn:before-earlier"]);
        Codes(CareRules.CheckPayment(claim, new(2026, 6, 16), 600m, Today)).ShouldBe(["paidOn:future-date"]);
        Codes(CareRules.CheckPayment(claim, new(2026, 3, 1), -1m, Today)).ShouldBe(["paid:negative"]);
        CareRules.CheckPayment(claim, new(2026, 3, 1), 600m, Today).ShouldBeEmpty();
    }

    [Fact]
    public void Nothing_is_paid_on_a_refused_undecided_or_already_paid_claim()
    {
        var undecided = Claim();
        var refused = Claim();
        CareRules.Decide(refused, ClaimDecision.Refused, new(2026, 2, 1), null);
        var paid = Claim();
        CareRules.Decide(paid, ClaimDecision.Granted, new(2026, 2, 1), 1000m);
        CareRules.Pay(paid, new(2026, 3, 1), 1000m);

        foreach (var claim in new[] { undecided, refused, paid })
        {
            Codes(CareRules.CheckPayment(claim, new(2026, 4, 1), 1m, Today)).ShouldBe(["paidOn:not-allowed"]);
        }

        refused.AmountAwarded.ShouldBe(0m);
    }

    [Fact]
    public void The_payment_event_detail_is_the_amount_with_two_decimals_whatever_the_culture()
    {
        var previous = System.Globalization.CultureInfo.CurrentCulture;
        System.Globalization.CultureInfo.CurrentCulture = new System.Globalization.CultureInfo("ru-RU");
        try
        {
            CareEventKind.PaidDetail(150000m).ShouldBe("{\"amount\":\"150000.00\"}");
            CaseEventDetail.Read(CareEventKind.PaidDetail(1234.5m)).ShouldBe(new Dictionary<string, string> { ["amount"] = "1234.50" });
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentCulture = previous;
        }
    }

    [Fact]
    public void Unknown_codes_are_problems_and_known_ones_parse()
    {
        var problems = new List<Problem>();

        FieldParser.Code<ConsistencyLevel>(problems, "consistency", "typical-of").ShouldBe(ConsistencyLevel.TypicalOf);
        FieldParser.Code<IncidentKind>(problems, "kind", "death-in-custody").ShouldBe(IncidentKind.DeathInCustody);
        FieldParser.Code<ConsistencyLevel>(problems, "consistency2", "probably").ShouldBeNull();

        Codes(problems).ShouldBe(["consistency2:unknown"]);
    }
}
