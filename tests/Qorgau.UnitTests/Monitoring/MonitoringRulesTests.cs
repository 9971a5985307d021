using Qorgau.Domain;
using Qorgau.Domain.Cases;
using Qorgau.Domain.Monitoring;

namespace Qorgau.UnitTests.Monitoring;

public sealed class MonitoringRulesTests
{
    private static readonly DateOnly Today = new(2026, 6, 15);

    private static IEnumerable<string> Codes(IEnumerable<Problem> problems) => problems.Select(p => $"{p.Field}:{p.Code}");

    private static MonitoringVisit Visit(VisitStatus status = VisitStatus.Planned) => new() { FacilityId = Guid.NewGuid(), Status = status, PlannedFrom = Today, PlannedTo = Today };

    [Fact]
    public void A_monitor_affiliated_with_the_agency_running_the_facility_or_above_it_on_the_tree_is_refused()
    {
        var independent = new TeamCandidate(Guid.NewGuid(), true, null);
        var police = new TeamCandidate(Guid.NewGuid(), true, "police");

        var onPrison = MonitoringRules.CheckTeam(TestProfile.Kazakhstan.AgencyTree, "penitentiary", null, [independent, police]);

        Codes(onPrison).ShouldBe([$"team:{police.UserId}:affiliated"], "the penal system belongs to the Interior Ministry, like the police");
        MonitoringRules.CheckTeam(TestProfile.Kazakhstan.AgencyTree, "health", null, [independent, police]).ShouldBeEmpty();
    }

    [Fact]
    public void A_team_of_an_organisation_affiliated_with_the_facility_agency_is_refused_whoever_its_members_are()
    {
        var member = new TeamCandidate(Guid.NewGuid(), true, null);

        Codes(MonitoringRules.CheckTeam(TestProfile.Kazakhstan.AgencyTree, "police", "police", [member])).ShouldBe([$"team:{member.UserId}:affiliated"]);
    }

    [Fact]
    public void A_team_needs_someone_and_only_monitors()
    {
        var caseWorker = new TeamCandidate(Guid.NewGuid(), false, null);

        Codes(MonitoringRules.CheckTeam(TestProfile.Kazakhstan.AgencyTree, "police", null, [])).ShouldBe(["team:required"]);
        Codes(MonitoringRules.CheckTeam(TestProfile.Kazakhstan.AgencyTree, "police", null, [caseWorker])).ShouldBe([$"team:{caseWorker.UserId}:not-a-monitor"]);
    }

    [Fact]
    public void A_planned_window_starts_today_or_later_and_does_not_end_before_it_starts()
    {
        MonitoringRules.CheckWindow(Today, Today, Today).ShouldBeEmpty();
        Codes(MonitoringRules.CheckWindow(Today.AddDays(-1), Today, Today)).ShouldBe(["plannedFrom:in-the-past"]);
        Codes(MonitoringRules.CheckWindow(Today.AddDays(3), Today.AddDays(2), Today)).ShouldBe(["plannedTo:end-before-start"]);
    }

    [Theory]
    [InlineData(VisitNotice.None, null, true)]
    [InlineData(VisitNotice.None, 2, false)]
    [InlineData(VisitNotice.ShortNotice, 2, true)]
    [InlineData(VisitNotice.ShortNotice, null, false)]
    [InlineData(VisitNotice.ShortNotice, 48, false)]
    [InlineData(VisitNotice.Announced, 72, true)]
    [InlineData(VisitNotice.Announced, 12, false)]
    [InlineData(VisitNotice.Announced, null, false)]
    public void The_notice_says_how_long_before_except_when_there_was_none(VisitNotice notice, int? hours, bool valid) =>
        MonitoringRules.CheckNotice(notice, hours).Count.ShouldBe(valid ? 0 : 1);

    [Fact]
    public void A_visit_goes_from_planned_to_under_way_to_reported_and_never_back()
    {
        var visit = Visit();
        var arrival = new DateTime(2026, 6, 15, 6, 0, 0, DateTimeKind.Utc);

        MonitoringRules.CheckRecording(visit).ShouldNotBeEmpty("nothing is recorded before arrival");
        MonitoringRules.CheckStart(visit, VisitNotice.None, null).ShouldBeEmpty();
        MonitoringRules.Start(visit, VisitNotice.None, null, arrival);
        visit.Status.ShouldBe(VisitStatus.UnderWay);
        visit.StartedAtUtc.ShouldBe(arrival);
        Codes(MonitoringRules.CheckStart(visit, VisitNotice.None, null)).ShouldBe(["status:not-planned"]);
        MonitoringRules.CheckRecording(visit).ShouldBeEmpty();
        MonitoringRules.End(visit, arrival.AddHours(5));
        visit.Status.ShouldBe(VisitStatus.Reported);
        Codes(MonitoringRules.CheckEnd(visit)).ShouldBe(["status:not-under-way"]);
        Codes(MonitoringRules.CheckStart(visit, VisitNotice.None, null)).ShouldBe(["status:not-planned"]);
    }

    [Fact]
    public void A_refusal_or_a_delay_says_by_whom_and_a_delay_says_how_long()
    {
        MonitoringRules.CheckAccess(AccessOutcome.Granted, null, null).ShouldBeEmpty();
        Codes(MonitoringRules.CheckAccess(AccessOutcome.Refused, null, " ")).ShouldBe(["answeredBy:required"]);
        Codes(MonitoringRules.CheckAccess(AccessOutcome.Delayed, null, "duty officer")).ShouldBe(["delayMinutes:not-a-count"]);
        MonitoringRules.CheckAccess(AccessOutcome.Delayed, 40, "duty officer").ShouldBeEmpty();
    }

    [Fact]
    public void Interviews_count_by_setting()
    {
        var visit = Visit(VisitStatus.UnderWay);

        MonitoringRules.Count(visit, InterviewSetting.Private, 3);
        MonitoringRules.Count(visit, InterviewSetting.Supervised, 1);

        visit.PrivateInterviews.ShouldBe(3);
        visit.SupervisedInterviews.ShouldBe(1);
    }
}
