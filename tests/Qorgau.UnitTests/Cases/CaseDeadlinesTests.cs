using Qorgau.Domain.Cases;
using Qorgau.Domain.Profiles;

namespace Qorgau.UnitTests.Cases;

public sealed class CaseDeadlinesTests
{
    private static readonly Guid CaseId = new("00000000-0000-0000-0000-0000000000c1");
    private static readonly Guid WithdrawalId = new("00000000-0000-0000-0000-0000000000d1");
    private static readonly DateOnly ReceivedOn = new(2026, 3, 10);

    [Fact]
    public void The_profile_counts_the_case_deadlines_in_calendar_days_from_the_right_event()
    {
        var profile = TestProfile.Kazakhstan;

        profile.FindDeadline(CaseDeadlines.Registration)!.Days.ShouldBe(1);
        profile.FindDeadline(CaseDeadlines.Registration)!.StartsAt.ShouldBe(DeadlineStart.Received);
        profile.FindDeadline(CaseDeadlines.ComplainantAnswer)!.Days.ShouldBe(15);
        profile.FindDeadline(CaseDeadlines.ComplainantAnswer)!.StartsAt.ShouldBe(DeadlineStart.Received);
        profile.FindDeadline(CaseDeadlines.WithdrawalFollowUp)!.Days.ShouldBe(7);
        profile.FindDeadline(CaseDeadlines.WithdrawalFollowUp)!.StartsAt.ShouldBe(DeadlineStart.Withdrawal);
    }

    [Fact]
    public void A_new_complaint_must_be_registered_and_the_victim_examined_within_a_day_and_answered_within_fifteen()
    {
        var opened = CaseDeadlines.OpenedOnReceipt(TestProfile.Kazakhstan, CaseId, ReceivedOn).ToList();

        opened.Select(d => (d.Code, d.DueOn)).ShouldBe(
        [
            ("registration", new DateOnly(2026, 3, 11)),
            ("complainant-answer", new DateOnly(2026, 3, 25)),
            ("medical-examination", new DateOnly(2026, 3, 11)),
        ], ignoreOrder: true);
        opened.ShouldAllBe(d => d.CaseId == CaseId && d.SubjectId == null && d.IsOpen && d.OverdueMarkedAtUtc == null);
        opened.Select(d => d.Id).Distinct().Count().ShouldBe(3);
    }

    [Fact]
    public void Due_dates_run_over_month_ends_and_leap_days()
    {
        var opened = CaseDeadlines.OpenedOnReceipt(TestProfile.Kazakhstan, CaseId, new DateOnly(2028, 2, 28)).ToDictionary(d => d.Code, d => d.DueOn);

        opened[CaseDeadlines.Registration].ShouldBe(new DateOnly(2028, 2, 29));
        opened[CaseDeadlines.ComplainantAnswer].ShouldBe(new DateOnly(2028, 3, 14));
        CaseDeadlines.OpenedByWithdrawal(TestProfile.Kazakhstan, CaseId, WithdrawalId, new DateOnly(2026, 12, 28))!.DueOn.ShouldBe(new DateOnly(2027, 1, 4));
    }

    [Fact]
    public void A_withdrawal_opens_a_follow_up_interview_due_within_seven_days_about_that_withdrawal()
    {
        var deadline = CaseDeadlines.OpenedByWithdrawal(TestProfile.Kazakhstan, CaseId, WithdrawalId, new DateOnly(2026, 3, 12)).ShouldNotBeNull();

        deadline.Code.ShouldBe("withdrawal-follow-up");
        deadline.DueOn.ShouldBe(new DateOnly(2026, 3, 19));
        deadline.CaseId.ShouldBe(CaseId);
        deadline.SubjectId.ShouldBe(WithdrawalId);
        deadline.IsOpen.ShouldBeTrue();
    }

    [Fact]
    public void A_profile_without_a_deadline_opens_none_for_it()
    {
        var profile = TestProfile.Kazakhstan with
        {
            Deadlines = [.. TestProfile.Kazakhstan.Deadlines.Where(d => d.Code is not (CaseDeadlines.ComplainantAnswer or CaseDeadlines.WithdrawalFollowUp or CaseDeadlines.MedicalExamination))],
        };

        CaseDeadlines.OpenedOnReceipt(profile, CaseId, ReceivedOn).Select(d => d.Code).ShouldBe([CaseDeadlines.Registration]);
        CaseDeadlines.OpenedByWithdrawal(profile, CaseId, WithdrawalId, ReceivedOn).ShouldBeNull();
    }

    [Fact]
    public void A_profile_with_other_day_counts_gives_other_due_dates()
    {
        var profile = TestProfile.Kazakhstan with
        {
            Deadlines = [.. TestProfile.Kazakhstan.Deadlines.Select(d => d.Code == CaseDeadlines.Registration ? d with { Days = 3 } : d)],
        };

        CaseDeadlines.OpenedOnReceipt(profile, CaseId, ReceivedOn).Single(d => d.Code == CaseDeadlines.Registration).DueOn.ShouldBe(new DateOnly(2026, 3, 13));
    }

    [Theory]
    [InlineData(CaseAction.Accept, new[] { "complainant-answer" })]
    [InlineData(CaseAction.Register, new[] { "registration", "complainant-answer" })]
    [InlineData(CaseAction.Merge, new[] { "registration", "complainant-answer", "medical-examination" })]
    [InlineData(CaseAction.Refer, new[] { "registration", "complainant-answer", "medical-examination" })]
    [InlineData(CaseAction.Reject, new[] { "registration", "complainant-answer", "medical-examination" })]
    [InlineData(CaseAction.Withdraw, new[] { "registration", "complainant-answer", "medical-examination" })]
    [InlineData(CaseAction.Requalify, new string[0])]
    [InlineData(CaseAction.Terminate, new string[0])]
    [InlineData(CaseAction.Reopen, new string[0])]
    [InlineData(CaseAction.Indict, new string[0])]
    [InlineData(CaseAction.Verdict, new string[0])]
    [InlineData(CaseAction.Appeal, new string[0])]
    [InlineData(CaseAction.Finalise, new string[0])]
    public void Each_action_meets_the_deadlines_it_answers(string action, string[] met) =>
        CaseDeadlines.MetBy(action).ShouldBe(met, ignoreOrder: true);

    [Fact]
    public void A_reply_from_staff_answers_the_complainant() =>
        CaseDeadlines.MetByStaffMessage.ShouldBe(["complainant-answer"]);

    [Theory]
    [InlineData(CaseStatus.Merged, true)]
    [InlineData(CaseStatus.OutOfScope, true)]
    [InlineData(CaseStatus.Withdrawn, true)]
    [InlineData(CaseStatus.Terminated, true)]
    [InlineData(CaseStatus.Final, true)]
    [InlineData(CaseStatus.Admissible, false)]
    [InlineData(CaseStatus.Referred, false)]
    [InlineData(CaseStatus.Registered, false)]
    [InlineData(CaseStatus.InCourt, false)]
    public void Closing_a_case_meets_all_its_deadlines(CaseStatus newStatus, bool closesAll) =>
        CaseDeadlines.ClosesAll(newStatus).ShouldBe(closesAll);

    [Fact]
    public void The_next_due_date_is_the_earliest_open_one()
    {
        var deadlines = CaseDeadlines.OpenedOnReceipt(TestProfile.Kazakhstan, CaseId, ReceivedOn).ToList();
        deadlines.Add(CaseDeadlines.OpenedByWithdrawal(TestProfile.Kazakhstan, CaseId, WithdrawalId, ReceivedOn.AddDays(2))!);

        CaseDeadlines.NextDue(deadlines).ShouldBe(new DateOnly(2026, 3, 11));

        deadlines.Single(d => d.Code == CaseDeadlines.Registration).MetAtUtc = new DateTime(2026, 3, 10, 15, 0, 0, DateTimeKind.Utc);
        CaseDeadlines.NextDue(deadlines).ShouldBe(new DateOnly(2026, 3, 11), "the examination is still due");

        deadlines.Single(d => d.Code == CaseDeadlines.MedicalExamination).MetAtUtc = new DateTime(2026, 3, 10, 16, 0, 0, DateTimeKind.Utc);
        CaseDeadlines.NextDue(deadlines).ShouldBe(new DateOnly(2026, 3, 19));

        deadlines.Single(d => d.Code == CaseDeadlines.WithdrawalFollowUp).MetAtUtc = new DateTime(2026, 3, 14, 15, 0, 0, DateTimeKind.Utc);
        CaseDeadlines.NextDue(deadlines).ShouldBe(new DateOnly(2026, 3, 25));

        deadlines.Single(d => d.Code == CaseDeadlines.ComplainantAnswer).MetAtUtc = new DateTime(2026, 3, 20, 15, 0, 0, DateTimeKind.Utc);
        CaseDeadlines.NextDue(deadlines).ShouldBeNull();
    }

    [Fact]
    public void Nothing_is_due_without_deadlines() =>
        CaseDeadlines.NextDue([]).ShouldBeNull();

    [Fact]
    public void An_open_deadline_is_overdue_only_from_the_day_after_it_was_due()
    {
        var deadline = new CaseDeadline { CaseId = CaseId, Code = CaseDeadlines.Registration, DueOn = new DateOnly(2026, 3, 11) };

        CaseDeadlines.IsOverdue(deadline, new DateOnly(2026, 3, 10)).ShouldBeFalse();
        CaseDeadlines.IsOverdue(deadline, new DateOnly(2026, 3, 11)).ShouldBeFalse();
        CaseDeadlines.IsOverdue(deadline, new DateOnly(2026, 3, 12)).ShouldBeTrue();
    }

    [Fact]
    public void A_met_deadline_is_never_overdue()
    {
        var deadline = new CaseDeadline
        {
            CaseId = CaseId,
            Code = CaseDeadlines.Registration,
            DueOn = new DateOnly(2026, 3, 11),
            MetAtUtc = new DateTime(2026, 3, 13, 9, 0, 0, DateTimeKind.Utc),
        };

        deadline.IsOpen.ShouldBeFalse();
        CaseDeadlines.IsOverdue(deadline, new DateOnly(2026, 4, 1)).ShouldBeFalse();
    }
}
