using Qorgau.Domain.Cases;
using Qorgau.Domain.Profiles;
using Qorgau.Domain.Retention;

namespace Qorgau.UnitTests.Retention;

/// <summary>When a closed case or the receipt of one is due for removal, and what holds it back.</summary>
public sealed class RetentionRulesTests
{
    private static readonly DateOnly Today = new(2026, 12, 4);
    private static readonly RetentionPeriods Periods = new(ClosedCaseDays: 3650, UnusedReceiptDays: 365);

    private static RetentionFacts Closed(DateOnly closedOn, CaseStatus status = CaseStatus.Terminated, bool receipt = false, DateOnly? used = null, bool held = false, bool proceedingOpen = false, bool mergedIntoKept = false) =>
        new(Guid.NewGuid(), "QG-TEST-0001", Guid.NewGuid(), status, closedOn, receipt, used, proceedingOpen, held, mergedIntoKept);

    [Fact]
    public void A_closed_case_is_due_on_the_day_its_period_ends_and_not_the_day_before()
    {
        var closedOn = Today.AddDays(-3650);

        var due = RetentionRules.Assess(Closed(closedOn), Periods, Today).ShouldNotBeNull();

        due.Action.ShouldBe(RetentionAction.DeleteCase);
        due.DueOn.ShouldBe(Today);
        due.Goes.ShouldBeTrue();
        RetentionRules.Assess(Closed(closedOn.AddDays(1)), Periods, Today).ShouldBeNull();
    }

    [Theory]
    [InlineData(CaseStatus.Received)]
    [InlineData(CaseStatus.Admissible)]
    [InlineData(CaseStatus.Registered)]
    [InlineData(CaseStatus.InCourt)]
    [InlineData(CaseStatus.Verdict)]
    [InlineData(CaseStatus.Appeal)]
    [InlineData(CaseStatus.Referred)]
    public void A_case_still_open_is_never_due_however_old(CaseStatus status) =>
        RetentionRules.Assess(Closed(new DateOnly(2001, 1, 1), status, receipt: true), Periods, Today).ShouldBeNull();

    [Fact]
    public void A_legal_hold_keeps_a_case_and_its_receipt()
    {
        var old = new DateOnly(2010, 1, 1);

        RetentionRules.Assess(Closed(old, held: true), Periods, Today)!.BlockedBy.ShouldBe(RetentionBlock.LegalHold);
        RetentionRules.Assess(Closed(Today.AddDays(-400), receipt: true, held: true), Periods, Today)!.BlockedBy.ShouldBe(RetentionBlock.LegalHold);
    }

    [Fact]
    public void A_proceeding_neither_terminated_nor_final_keeps_the_case_and_its_evidence()
    {
        RetentionRules.IsProceedingOpen(hasProceeding: true, terminatedOn: null, finalOn: null).ShouldBeTrue();
        RetentionRules.IsProceedingOpen(hasProceeding: true, terminatedOn: new DateOnly(2012, 1, 1), finalOn: null).ShouldBeFalse();
        RetentionRules.IsProceedingOpen(hasProceeding: true, terminatedOn: null, finalOn: new DateOnly(2012, 1, 1)).ShouldBeFalse();
        RetentionRules.IsProceedingOpen(hasProceeding: false, terminatedOn: null, finalOn: null).ShouldBeFalse();

        RetentionRules.Assess(Closed(new DateOnly(2010, 1, 1), proceedingOpen: true), Periods, Today)!.BlockedBy.ShouldBe(RetentionBlock.ProceedingOpen);
    }

    [Fact]
    public void A_case_merged_into_one_still_kept_goes_only_with_it()
    {
        var merged = Closed(new DateOnly(2010, 1, 1), CaseStatus.Merged, mergedIntoKept: true);

        RetentionRules.Assess(merged, Periods, Today)!.BlockedBy.ShouldBe(RetentionBlock.MergedIntoKeptCase);
        RetentionRules.Assess(merged with { MergedIntoKeptCase = false }, Periods, Today)!.Goes.ShouldBeTrue();
    }

    [Fact]
    public void The_receipt_of_a_closed_case_is_retired_a_period_after_closure_or_its_last_use_whichever_is_later()
    {
        var closedOn = Today.AddDays(-400);

        var unused = RetentionRules.Assess(Closed(closedOn, receipt: true), Periods, Today).ShouldNotBeNull();
        unused.Action.ShouldBe(RetentionAction.RetireReceipt);
        unused.DueOn.ShouldBe(closedOn.AddDays(365));

        RetentionRules.Assess(Closed(closedOn, receipt: true, used: Today.AddDays(-10)), Periods, Today).ShouldBeNull("used ten days ago");
        RetentionRules.Assess(Closed(closedOn, receipt: false), Periods, Today).ShouldBeNull("no receipt to retire");
        RetentionRules.Assess(Closed(closedOn, receipt: true, used: closedOn.AddDays(-100)), Periods, Today)!.DueOn.ShouldBe(closedOn.AddDays(365), "a use before closure does not count");
    }

    [Fact]
    public void A_case_past_its_own_period_is_removed_whole_rather_than_its_receipt_retired()
    {
        var due = RetentionRules.Assess(Closed(new DateOnly(2010, 1, 1), receipt: true), Periods, Today).ShouldNotBeNull();

        due.Action.ShouldBe(RetentionAction.DeleteCase);
    }

    [Fact]
    public void A_profile_without_a_period_removes_nothing_of_that_kind()
    {
        var none = RetentionRules.PeriodsFor(RetentionDefaults.None, new RetentionRule { ClosedCaseDays = 1, UnusedReceiptDays = 1 });

        none.ShouldBe(new RetentionPeriods(null, null), "an organisation's row cannot switch on what the profile does not have");
        RetentionRules.Assess(Closed(new DateOnly(2001, 1, 1), receipt: true), none, Today).ShouldBeNull();
    }

    [Fact]
    public void An_organisation_s_own_periods_replace_the_profile_defaults()
    {
        var defaults = TestProfile.Kazakhstan.Retention;

        RetentionRules.PeriodsFor(defaults, null).ShouldBe(new RetentionPeriods(defaults.ClosedCase!.DefaultDays, defaults.UnusedReceipt!.DefaultDays));
        RetentionRules.PeriodsFor(defaults, new RetentionRule { ClosedCaseDays = 4000, UnusedReceiptDays = 200 }).ShouldBe(new RetentionPeriods(4000, 200));
    }

    [Fact]
    public void A_period_below_the_profile_floor_or_beyond_a_century_is_refused()
    {
        var period = new RetentionPeriod(3650, 1825, "test");

        RetentionRules.Check(1824, period).ShouldBe(RetentionRules.BelowMinimum);
        RetentionRules.Check(1825, period).ShouldBeNull();
        RetentionRules.Check(RetentionRules.MaximumDays + 1, period).ShouldBe(RetentionRules.AboveMaximum);
    }

    [Fact]
    public void The_shipped_profile_keeps_closed_cases_ten_years_and_unused_receipts_a_year_each_with_its_source()
    {
        var retention = TestProfile.Kazakhstan.Retention;

        retention.ClosedCase.ShouldBe(retention.ClosedCase! with { DefaultDays = 3650, MinimumDays = 1825 });
        retention.UnusedReceipt.ShouldBe(retention.UnusedReceipt! with { DefaultDays = 365, MinimumDays = 90 });
        retention.ClosedCase!.Source.ShouldContain("policy choice");
        retention.UnusedReceipt!.Source.ShouldContain("policy choice");
    }

    [Fact]
    public void A_profile_without_the_file_keeps_everything_and_a_bad_row_is_a_problem_with_its_line()
    {
        using (var scratch = TestProfile.Copy())
        {
            scratch.Delete(ProfileReader.RetentionFile);
            var read = scratch.Read();
            read.Problems.ShouldBeEmpty();
            read.Profile!.Retention.ShouldBe(RetentionDefaults.None);
        }

        using (var scratch = TestProfile.Copy())
        {
            var unknown = scratch.AppendLine(ProfileReader.RetentionFile, "open-case,10,5,typo");
            var repeated = scratch.AppendLine(ProfileReader.RetentionFile, "closed-case,4000,1825,again");
            scratch.Replace(ProfileReader.RetentionFile, "unused-receipt,365,90,", "unused-receipt,10,90,");
            var read = scratch.Read();
            read.Profile.ShouldBeNull();
            read.Problems.ShouldContain(p => p.File == ProfileReader.RetentionFile && p.Line == unknown);
            read.Problems.ShouldContain(p => p.File == ProfileReader.RetentionFile && p.Line == repeated && p.Reason.Contains("already given", StringComparison.Ordinal));
            read.Problems.ShouldContain(p => p.File == ProfileReader.RetentionFile && p.Reason.Contains("10 is below minimum_days 90", StringComparison.Ordinal));
        }
    }
}
