using Qorgau.Domain;
using Qorgau.Domain.Cases;
using Qorgau.Domain.Monitoring;

namespace Qorgau.UnitTests.Monitoring;

public sealed class RecommendationRulesTests
{
    private static readonly DateOnly Today = new(2026, 6, 15);

    private static IEnumerable<string> Codes(IEnumerable<Problem> problems) => problems.Select(p => $"{p.Field}:{p.Code}");

    private static Recommendation Recommendation(RecommendationStatus status = RecommendationStatus.Issued) =>
        new() { AgencyCode = "police", TextCipher = [], Status = status, IssuedOn = new(2026, 1, 10), StatusOn = new(2026, 1, 10), DueOn = new(2026, 7, 9) };

    [Fact]
    public void The_due_date_is_the_profile_follow_up_deadline_counted_from_the_end_of_the_visit()
    {
        var deadline = TestProfile.Kazakhstan.FindDeadline(RecommendationRules.DeadlineCode);

        deadline.ShouldNotBeNull("the shipped profile has the recommendation follow-up deadline");
        RecommendationRules.DueOn(TestProfile.Kazakhstan, new DateOnly(2026, 1, 10)).ShouldBe(new DateOnly(2026, 1, 10).AddDays(deadline.Days));
    }

    [Theory]
    [InlineData(RecommendationStatus.Issued, RecommendationStatus.Accepted, true)]
    [InlineData(RecommendationStatus.Issued, RecommendationStatus.Rejected, true)]
    [InlineData(RecommendationStatus.Accepted, RecommendationStatus.InProgress, true)]
    [InlineData(RecommendationStatus.InProgress, RecommendationStatus.Implemented, true)]
    [InlineData(RecommendationStatus.PartiallyImplemented, RecommendationStatus.Implemented, true)]
    [InlineData(RecommendationStatus.NotImplemented, RecommendationStatus.InProgress, true)]
    [InlineData(RecommendationStatus.Rejected, RecommendationStatus.Accepted, true)]
    [InlineData(RecommendationStatus.Implemented, RecommendationStatus.NotImplemented, false)]
    [InlineData(RecommendationStatus.Accepted, RecommendationStatus.Rejected, false)]
    [InlineData(RecommendationStatus.InProgress, RecommendationStatus.Issued, false)]
    [InlineData(RecommendationStatus.Rejected, RecommendationStatus.Implemented, false)]
    public void The_follow_up_moves_only_along_the_allowed_transitions(RecommendationStatus from, RecommendationStatus to, bool allowed) =>
        RecommendationRules.MayMove(from, to).ShouldBe(allowed);

    [Fact]
    public void An_answer_is_dated_neither_in_the_future_nor_before_the_current_status()
    {
        var recommendation = Recommendation();

        Codes(RecommendationRules.CheckFollowUp(recommendation, RecommendationStatus.Accepted, Today.AddDays(1), Today)).ShouldBe(["on:future-date"]);
        Codes(RecommendationRules.CheckFollowUp(recommendation, RecommendationStatus.Accepted, new DateOnly(2026, 1, 9), Today)).ShouldBe(["on:before-earlier"]);
        Codes(RecommendationRules.CheckFollowUp(recommendation, RecommendationStatus.Issued, Today, Today)).ShouldBe(["status:not-allowed"]);
    }

    [Fact]
    public void Applying_an_answer_moves_the_status_and_keeps_the_step_with_what_it_was_before()
    {
        var recommendation = Recommendation(RecommendationStatus.Accepted);
        var actor = Guid.NewGuid();

        var step = RecommendationRules.Apply(recommendation, RecommendationStatus.Implemented, Today, actor, DateTime.UnixEpoch, [1, 2]);

        recommendation.Status.ShouldBe(RecommendationStatus.Implemented);
        recommendation.StatusOn.ShouldBe(Today);
        step.From.ShouldBe(RecommendationStatus.Accepted);
        step.To.ShouldBe(RecommendationStatus.Implemented);
        step.RecordedByUserId.ShouldBe(actor);
    }

    [Fact]
    public void An_open_recommendation_past_its_due_date_is_overdue_and_a_closed_one_never_is()
    {
        var due = new DateOnly(2026, 6, 1);

        RecommendationRules.IsOverdue(RecommendationStatus.Accepted, due, Today).ShouldBeTrue();
        RecommendationRules.IsOverdue(RecommendationStatus.NotImplemented, due, Today).ShouldBeTrue();
        RecommendationRules.IsOverdue(RecommendationStatus.Accepted, due, due).ShouldBeFalse("due today is not yet overdue");
        RecommendationRules.IsOverdue(RecommendationStatus.Implemented, due, Today).ShouldBeFalse();
        RecommendationRules.IsOverdue(RecommendationStatus.Rejected, due, Today).ShouldBeFalse();
    }

    [Fact]
    public void Recommendations_come_from_a_reported_visit_and_repeat_only_one_of_the_same_facility()
    {
        var visit = new MonitoringVisit { FacilityId = Guid.NewGuid(), Status = VisitStatus.UnderWay };

        Codes(RecommendationRules.CheckIssue(visit, null)).ShouldBe(["status:not-reported"]);
        visit.Status = VisitStatus.Reported;
        RecommendationRules.CheckIssue(visit, visit.FacilityId).ShouldBeEmpty();
        Codes(RecommendationRules.CheckIssue(visit, Guid.NewGuid())).ShouldBe(["repeats:repeats-other"]);
    }

    [Fact]
    public void The_implementation_rate_counts_only_fully_implemented_recommendations()
    {
        RecommendationRules.ImplementationRate([]).ShouldBeNull();
        RecommendationRules.ImplementationRate([RecommendationStatus.Implemented, RecommendationStatus.PartiallyImplemented, RecommendationStatus.Rejected, RecommendationStatus.Implemented]).ShouldBe(50m);
    }
}
