using Qorgau.Domain.Preservation;

namespace Qorgau.UnitTests.Preservation;

public sealed class PreservationRulesTests
{
    private static readonly DateTime Now = new(2026, 11, 20, 9, 0, 0, DateTimeKind.Utc);
    private static readonly Guid CaseId = Guid.NewGuid();
    private static readonly Guid FacilityId = Guid.NewGuid();

    [Fact]
    public void A_facility_with_video_rooms_and_an_incident_date_raises_a_request_due_when_its_first_day_is_overwritten()
    {
        var request = PreservationRules.Raise(TestProfile.Kazakhstan, CaseId, FacilityId, facilityVideoRooms: 3, new DateOnly(2026, 11, 10), new DateOnly(2026, 11, 12), Now);

        request.ShouldNotBeNull();
        request.PeriodFrom.ShouldBe(new DateOnly(2026, 11, 8), "two days before the first incident day");
        request.PeriodTo.ShouldBe(new DateOnly(2026, 11, 14), "two days after the last");
        var retention = TestProfile.Kazakhstan.FindDeadline(PreservationRules.RetentionDeadline)!.Days;
        request.DueOn.ShouldBe(new DateOnly(2026, 11, 8).AddDays(retention));
        request.Status.ShouldBe(PreservationStatus.Raised);
    }

    [Fact]
    public void A_single_incident_date_is_a_period_around_that_day()
    {
        var request = PreservationRules.Raise(TestProfile.Kazakhstan, CaseId, FacilityId, 1, incidentFrom: null, incidentTo: new DateOnly(2026, 11, 10), Now)!;

        request.PeriodFrom.ShouldBe(new DateOnly(2026, 11, 8));
        request.PeriodTo.ShouldBe(new DateOnly(2026, 11, 12));
    }

    [Theory]
    [InlineData(true, 0, true)]
    [InlineData(false, 3, true)]
    [InlineData(true, 3, false)]
    public void Nothing_is_raised_without_a_facility_with_video_rooms_or_without_a_date(bool hasFacility, int videoRooms, bool hasDate)
    {
        var request = PreservationRules.Raise(TestProfile.Kazakhstan, CaseId, hasFacility ? FacilityId : null, videoRooms, hasDate ? new DateOnly(2026, 11, 10) : null, null, Now);

        request.ShouldBeNull();
    }

    [Fact]
    public void A_request_is_overdue_only_while_open_and_past_its_deadline()
    {
        var request = PreservationRules.Raise(TestProfile.Kazakhstan, CaseId, FacilityId, 2, new DateOnly(2026, 11, 10), null, Now)!;

        PreservationRules.IsOverdue(request, request.DueOn).ShouldBeFalse();
        PreservationRules.IsOverdue(request, request.DueOn.AddDays(1)).ShouldBeTrue();
        PreservationRules.Apply(request, PreservationStatus.Secured, new DateOnly(2026, 11, 21), Now);
        PreservationRules.IsOverdue(request, request.DueOn.AddDays(1)).ShouldBeFalse();
    }

    [Fact]
    public void A_sent_request_can_still_be_secured_refused_or_lost_but_an_outcome_is_final()
    {
        var request = PreservationRules.Raise(TestProfile.Kazakhstan, CaseId, FacilityId, 2, new DateOnly(2026, 11, 10), null, Now)!;
        var raisedOn = new DateOnly(2026, 11, 20);
        var today = new DateOnly(2026, 11, 25);

        PreservationRules.Check(request, PreservationStatus.Sent, raisedOn, today, raisedOn).ShouldBeNull();
        PreservationRules.Apply(request, PreservationStatus.Sent, raisedOn, Now);
        PreservationRules.AllowedFrom(request.Status).ShouldBe([PreservationStatus.Secured, PreservationStatus.Refused, PreservationStatus.Overwritten]);
        PreservationRules.Check(request, PreservationStatus.Sent, today, today, raisedOn).ShouldBe("not-allowed-now");
        PreservationRules.Apply(request, PreservationStatus.Refused, today, Now);

        request.SentOn.ShouldBe(raisedOn);
        request.ClosedOn.ShouldBe(today);
        PreservationRules.AllowedFrom(request.Status).ShouldBeEmpty();
        PreservationRules.Check(request, PreservationStatus.Secured, today, today, raisedOn).ShouldBe("not-allowed-now");
    }

    [Fact]
    public void Dates_cannot_be_in_the_future_or_before_the_request_or_the_letter()
    {
        var request = PreservationRules.Raise(TestProfile.Kazakhstan, CaseId, FacilityId, 2, new DateOnly(2026, 11, 10), null, Now)!;
        var raisedOn = new DateOnly(2026, 11, 20);
        var today = new DateOnly(2026, 11, 25);

        PreservationRules.Check(request, PreservationStatus.Sent, today.AddDays(1), today, raisedOn).ShouldBe("date-in-future");
        PreservationRules.Check(request, PreservationStatus.Sent, raisedOn.AddDays(-1), today, raisedOn).ShouldBe("date-before-raised");
        PreservationRules.Apply(request, PreservationStatus.Sent, new DateOnly(2026, 11, 22), Now);
        PreservationRules.Check(request, PreservationStatus.Secured, new DateOnly(2026, 11, 21), today, raisedOn).ShouldBe("date-before-raised");
    }

    [Theory]
    [InlineData("sent", PreservationStatus.Sent)]
    [InlineData(" Secured ", PreservationStatus.Secured)]
    [InlineData("overwritten", PreservationStatus.Overwritten)]
    public void Status_codes_read_back(string code, PreservationStatus expected) =>
        PreservationRules.ParseStatus(code).ShouldBe(expected);

    [Fact]
    public void An_unknown_status_code_reads_as_nothing() => PreservationRules.ParseStatus("lost-in-the-post").ShouldBeNull();
}
