using Qorgau.Domain;
using Qorgau.Domain.Cases;
using Qorgau.Domain.Monitoring;

namespace Qorgau.UnitTests.Monitoring;

/// <summary>An urgent visit started from a case, and a visit entered afterwards from its paper protocol.</summary>
public sealed class MonitoringFieldRulesTests
{
    private static readonly DateTime Now = new(2026, 6, 15, 12, 0, 0, DateTimeKind.Utc);

    private static IEnumerable<string> Codes(IEnumerable<Problem> problems) => problems.Select(p => $"{p.Field}:{p.Code}");

    [Fact]
    public void Only_a_case_that_says_the_person_is_still_held_starts_a_visit_and_that_visit_is_urgent()
    {
        MonitoringRules.CheckFromCase(caseStillHeld: true, VisitType.Urgent).ShouldBeEmpty();
        Codes(MonitoringRules.CheckFromCase(caseStillHeld: false, VisitType.Urgent)).ShouldBe(["case:not-still-held"]);
        Codes(MonitoringRules.CheckFromCase(caseStillHeld: true, VisitType.Regular)).ShouldBe(["type:urgent-only"]);
    }

    [Fact]
    public void An_arrival_from_a_paper_protocol_is_neither_in_the_future_nor_before_the_plan()
    {
        var planned = Now.AddDays(-3);

        MonitoringRules.CheckArrival(Now.AddHours(-30), planned, Now).ShouldBeEmpty();
        Codes(MonitoringRules.CheckArrival(Now.AddMinutes(1), planned, Now)).ShouldBe(["arrivedAt:future-date"]);
        Codes(MonitoringRules.CheckArrival(planned.AddMinutes(-1), planned, Now)).ShouldBe(["arrivedAt:before-plan"]);
    }

    [Fact]
    public void A_departure_from_a_paper_protocol_is_neither_in_the_future_nor_before_the_arrival()
    {
        var arrived = Now.AddHours(-30);

        MonitoringRules.CheckDeparture(arrived.AddHours(4), arrived, Now).ShouldBeEmpty();
        Codes(MonitoringRules.CheckDeparture(Now.AddMinutes(1), arrived, Now)).ShouldBe(["leftAt:future-date"]);
        Codes(MonitoringRules.CheckDeparture(arrived.AddMinutes(-1), arrived, Now)).ShouldBe(["leftAt:end-before-start"]);
    }

    [Fact]
    public void A_visit_entered_from_paper_keeps_the_protocol_times_and_says_so()
    {
        var visit = new MonitoringVisit { FacilityId = Guid.NewGuid(), PlannedAtUtc = Now.AddDays(-3) };
        var arrived = Now.AddHours(-30);
        var left = Now.AddHours(-26);

        MonitoringRules.Start(visit, VisitNotice.None, null, Now, arrived);
        MonitoringRules.End(visit, Now, left);

        visit.StartedAtUtc.ShouldBe(arrived);
        visit.EndedAtUtc.ShouldBe(left);
        visit.FromPaper.ShouldBeTrue();
    }

    [Fact]
    public void A_visit_recorded_live_is_not_marked_as_from_paper()
    {
        var visit = new MonitoringVisit { FacilityId = Guid.NewGuid() };

        MonitoringRules.Start(visit, VisitNotice.None, null, Now);
        MonitoringRules.End(visit, Now.AddHours(2));

        visit.StartedAtUtc.ShouldBe(Now);
        visit.FromPaper.ShouldBeFalse();
    }
}
