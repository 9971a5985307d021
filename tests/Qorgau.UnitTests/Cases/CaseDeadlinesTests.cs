using Qorgau.Domain.Cases;
using Qorgau.Domain.Organisations;
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
    [InlineData(CaseAction.Merge, new[] { "complainant-answer" })]
    [InlineData(CaseAction.Refer, new[] { "referral-to-prosecutor", "complainant-answer" })]
    [InlineData(CaseAction.Reject, new[] { "complainant-answer" })]
    [InlineData(CaseAction.Withdraw, new[] { "complainant-answer" })]
    [InlineData(CaseAction.Requalify, new string[0])]
    [InlineData(CaseAction.Terminate, new string[0])]
    [InlineData(CaseAction.Reopen, new string[0])]
    [InlineData(CaseAction.Indict, new string[0])]
    [InlineData(CaseAction.Verdict, new string[0])]
    [InlineData(CaseAction.Appeal, new string[0])]
    [InlineData(CaseAction.Finalise, new string[0])]
    public void Each_action_meets_only_the_deadlines_that_name_it(string action, string[] met) =>
        CaseDeadlines.MetBy(action).ShouldBe(met, ignoreOrder: true);

    [Fact]
    public void No_workflow_action_meets_the_forensic_examination_only_an_examination_recorded_does() =>
        CaseAction.All.SelectMany(CaseDeadlines.MetBy).ShouldNotContain(CaseDeadlines.MedicalExamination);

    [Theory]
    [InlineData(CaseAction.Register, new[] { "referral-to-prosecutor" })]
    [InlineData(CaseAction.Refer, new string[0])]
    [InlineData(CaseAction.Accept, new string[0])]
    [InlineData(CaseAction.Requalify, new string[0])]
    public void An_action_makes_moot_only_what_it_leaves_nothing_to_do_for(string action, string[] moot) =>
        CaseDeadlines.MootedBy(action).ShouldBe(moot, ignoreOrder: true);

    [Fact]
    public void Meeting_and_making_moot_are_told_apart()
    {
        var deadlines = CaseDeadlines.OpenedOnReceipt(TestProfile.Kazakhstan, CaseId, ReceivedOn).ToList();
        var at = new DateTime(2026, 3, 10, 12, 0, 0, DateTimeKind.Utc);

        CaseDeadlines.Meet(deadlines, [CaseDeadlines.Registration], at);
        CaseDeadlines.CloseAsNotApplicable(deadlines, null, at.AddHours(1));

        var registration = deadlines.Single(d => d.Code == CaseDeadlines.Registration);
        (registration.MetAtUtc, registration.NotApplicableAtUtc).ShouldBe((at, null));
        deadlines.Where(d => d.Code != CaseDeadlines.Registration).ShouldAllBe(d => d.MetAtUtc == null && d.NotApplicableAtUtc == at.AddHours(1) && !d.IsOpen);
        CaseDeadlines.IsOverdue(deadlines[1], new DateOnly(2027, 1, 1)).ShouldBeFalse("a deadline that no longer applies is never overdue");
    }

    public static TheoryData<OrganisationKind, string?, bool, string[]> ReceiptDeadlinesByKind => new()
    {
        { OrganisationKind.SpecialProsecutor, "prosecutor", true, ["registration", "medical-examination", "complainant-answer"] },
        { OrganisationKind.NationalPreventiveMechanism, null, false, ["complainant-answer", "referral-to-prosecutor"] },
        { OrganisationKind.NationalPreventiveMechanism, null, true, ["complainant-answer", "referral-to-prosecutor", "visit-while-held"] },
        { OrganisationKind.Ombudsman, null, true, ["complainant-answer", "referral-to-prosecutor", "visit-while-held"] },
        { OrganisationKind.Ngo, null, true, ["complainant-answer", "referral-to-prosecutor", "visit-while-held"] },
        { OrganisationKind.LegalAid, null, true, ["complainant-answer", "referral-to-prosecutor", "visit-while-held"] },
        { OrganisationKind.CrisisCentre, null, true, ["complainant-answer", "referral-to-prosecutor"] },
        { OrganisationKind.Other, "police", false, ["registration", "medical-examination", "complainant-answer"] },
        { OrganisationKind.Other, "health", false, ["complainant-answer"] },
    };

    [Theory]
    [MemberData(nameof(ReceiptDeadlinesByKind))]
    public void A_complaint_opens_the_deadlines_that_bind_its_organisation(OrganisationKind kind, string? affiliation, bool stillHeld, string[] expected)
    {
        var holder = DeadlineHolder.Of(TestProfile.Kazakhstan, kind, affiliation);

        var opened = CaseDeadlines.OpenedOnReceipt(TestProfile.Kazakhstan, CaseId, ReceivedOn, holder, stillHeld).ToList();

        opened.Select(d => d.Code).ShouldBe(expected, ignoreOrder: true);
        opened.ShouldAllBe(d => d.DueOn == ReceivedOn.AddDays(TestProfile.Kazakhstan.FindDeadline(d.Code)!.Days));
    }

    [Fact]
    public void An_organisation_investigates_as_a_special_prosecutor_or_through_an_agency_the_profile_marks_as_investigating()
    {
        var profile = TestProfile.Kazakhstan;

        DeadlineHolder.Of(profile, OrganisationKind.SpecialProsecutor, null).Investigates.ShouldBeTrue();
        DeadlineHolder.Of(profile, OrganisationKind.Other, "police").Investigates.ShouldBeTrue();
        DeadlineHolder.Of(profile, OrganisationKind.Other, "penitentiary").Investigates.ShouldBeFalse("the profile marks the penal system as not investigating");
        DeadlineHolder.Of(profile, OrganisationKind.NationalPreventiveMechanism, null).Investigates.ShouldBeFalse();
    }

    [Fact]
    public void A_referral_from_the_npm_to_a_prosecutor_opens_registration_and_the_examination_from_the_referral_day()
    {
        var npm = DeadlineHolder.Of(TestProfile.Kazakhstan, OrganisationKind.NationalPreventiveMechanism, null);
        var deadlines = CaseDeadlines.OpenedOnReceipt(TestProfile.Kazakhstan, CaseId, ReceivedOn, npm, victimStillHeld: true).ToList();
        CaseDeadlines.Meet(deadlines, CaseDeadlines.MetBy(CaseAction.Refer), new DateTime(2026, 3, 12, 9, 0, 0, DateTimeKind.Utc));
        var referredOn = new DateOnly(2026, 3, 12);

        var (moot, opened) = CaseDeadlines.HandedOver(TestProfile.Kazakhstan, deadlines, CaseId, new DeadlineHolder(OrganisationKind.SpecialProsecutor, true), referredOn);

        moot.Select(d => d.Code).ShouldBe([CaseDeadlines.VisitWhileHeld], "a prosecutor is not bound to visit; the referral itself was met, not made moot");
        opened.Select(d => (d.Code, d.DueOn)).ShouldBe(
            [(CaseDeadlines.Registration, new DateOnly(2026, 3, 13)), (CaseDeadlines.MedicalExamination, new DateOnly(2026, 3, 13))],
            ignoreOrder: true);
    }

    [Fact]
    public void A_referral_from_a_prosecutor_to_the_npm_leaves_registration_not_applicable_and_opens_the_referral()
    {
        var prosecutor = new DeadlineHolder(OrganisationKind.SpecialProsecutor, true);
        var deadlines = CaseDeadlines.OpenedOnReceipt(TestProfile.Kazakhstan, CaseId, ReceivedOn, prosecutor).ToList();

        var (moot, opened) = CaseDeadlines.HandedOver(TestProfile.Kazakhstan, deadlines, CaseId, new DeadlineHolder(OrganisationKind.NationalPreventiveMechanism, false), ReceivedOn);

        moot.Select(d => d.Code).ShouldBe([CaseDeadlines.Registration, CaseDeadlines.MedicalExamination], ignoreOrder: true);
        opened.Select(d => d.Code).ShouldBe([CaseDeadlines.ReferralToProsecutor]);
    }

    [Fact]
    public void Registration_in_the_erdr_and_the_examination_bind_investigating_bodies_never_the_npm_or_an_ngo()
    {
        var profile = TestProfile.Kazakhstan;
        var npm = new DeadlineHolder(OrganisationKind.NationalPreventiveMechanism, false);
        var ngo = new DeadlineHolder(OrganisationKind.Ngo, false);
        var prosecutor = new DeadlineHolder(OrganisationKind.SpecialProsecutor, true);

        foreach (var code in new[] { CaseDeadlines.Registration, CaseDeadlines.MedicalExamination })
        {
            profile.FindDeadline(code)!.Binds(npm).ShouldBeFalse(code);
            profile.FindDeadline(code)!.Binds(ngo).ShouldBeFalse(code);
            profile.FindDeadline(code)!.Binds(prosecutor).ShouldBeTrue(code);
        }

        profile.FindDeadline(CaseDeadlines.ReferralToProsecutor)!.Binds(prosecutor).ShouldBeFalse();
        profile.FindDeadline(CaseDeadlines.WithdrawalFollowUp)!.Binds(npm).ShouldBeTrue();
        profile.FindDeadline(CaseDeadlines.WithdrawalFollowUp)!.Binds(prosecutor).ShouldBeTrue();
    }

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
    public void Closing_a_case_leaves_nothing_open(CaseStatus newStatus, bool closesAll) =>
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
