using Qorgau.Domain;
using Qorgau.Domain.Cases;
using Qorgau.Domain.Monitoring;

namespace Qorgau.UnitTests.Monitoring;

public sealed class VideoRoomRulesTests
{
    private static readonly Guid Facility = Guid.NewGuid();

    private static IEnumerable<string> Codes(IEnumerable<Problem> problems) => problems.Select(p => $"{p.Field}:{p.Code}");

    private static VideoRoomCheck Check(string room, bool working, int? days, bool kept, int minute, Guid? facility = null) =>
        new() { FacilityId = facility ?? Facility, Room = room, Working = working, RetentionDays = days, RecordingsKept = kept, RecordedAtUtc = new DateTime(2026, 6, 1, 10, minute, 0, DateTimeKind.Utc) };

    [Fact]
    public void A_room_is_checked_only_while_the_visit_is_under_way_and_is_named()
    {
        var planned = new MonitoringVisit { Status = VisitStatus.Planned };
        var underWay = new MonitoringVisit { Status = VisitStatus.UnderWay };

        Codes(VideoRoomRules.CheckRoom(planned, "Room 1", 30)).ShouldBe(["status:not-under-way"]);
        Codes(VideoRoomRules.CheckRoom(underWay, " ", 30)).ShouldBe(["room:required"]);
        Codes(VideoRoomRules.CheckRoom(underWay, "Room 1", -1)).ShouldBe(["retentionDays:not-a-count"]);
        VideoRoomRules.CheckRoom(underWay, "Room 1", null).ShouldBeEmpty();
    }

    [Fact]
    public void Each_room_counts_once_by_its_latest_check()
    {
        var checks = new[] { Check("Room 1", false, null, false, 1), Check("room1", true, 30, true, 2), Check("Room 2", true, 10, true, 3) };

        var latest = VideoRoomRules.Latest(checks);

        latest.Count.ShouldBe(2);
        latest.Single(c => c.Room == "room1").Working.ShouldBeTrue();
    }

    [Fact]
    public void Coverage_counts_rooms_working_and_keeping_recordings_long_enough_against_the_claim()
    {
        var claim = new Qorgau.Domain.Statistics.ReferenceSeries("transparent_interrogation_offices", new("к", "к", "c"), "offices", "MVD", "sources/001", [new(Qorgau.Domain.Statistics.ReferencePeriod.Parse("2018-04"), 700, null)]);
        var checks = new[] { Check("A", true, 30, true, 1), Check("B", true, 10, true, 2), Check("C", false, 30, false, 3), Check("D", true, 60, false, 4) };

        var coverage = VideoRoomRules.Coverage(checks, 12, claim, 30);

        coverage.ShouldBe(new VideoCoverage(700, 12, 4, 3, 1));
        coverage.KeptOfClaimed.ShouldBe(0.1m);
        VideoRoomRules.Coverage(checks, 12, null, 30).KeptOfClaimed.ShouldBeNull();
    }

    [Fact]
    public void A_preservation_request_learns_the_best_that_the_latest_check_of_each_room_found()
    {
        VideoRoomRules.Equipment([], 30).ShouldBe(RoomEquipment.NotChecked);
        VideoRoomRules.Equipment([Check("Room 1", false, null, false, 1)], 30).ShouldBe(RoomEquipment.NotWorking);
        VideoRoomRules.Equipment([Check("Room 1", true, 10, true, 1)], 30).ShouldBe(RoomEquipment.WorkingNotKept, "kept for less than the retention period");
        VideoRoomRules.Equipment([Check("Room 1", true, 30, true, 1), Check("Room 1", false, null, false, 2)], 30).ShouldBe(RoomEquipment.NotWorking, "the latest check counts");
        VideoRoomRules.Equipment([Check("Room 1", false, null, false, 1), Check("Room 2", true, 45, true, 2)], 30).ShouldBe(RoomEquipment.WorkingAndKept);
    }
}
