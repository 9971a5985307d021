using Qorgau.Domain.Cases;
using Qorgau.Domain.Statistics;

namespace Qorgau.Domain.Monitoring;

/// <summary>What was found in the video-equipped interview rooms checked, against what the registry and the government claim.</summary>
/// <param name="Claimed">The government's figure (the profile's <see cref="VideoRoomRules.ClaimedSeries"/> reference series); null when the profile has none.</param>
/// <param name="Registered">The rooms the facility registry counts.</param>
/// <param name="Checked">Rooms checked at least once (the latest check of each counts).</param>
/// <param name="Working">Of those, found working.</param>
/// <param name="Kept">Of those, working with the recordings of past interviews actually there and kept at least the profile's retention period.</param>
public sealed record VideoCoverage(decimal? Claimed, int Registered, int Checked, int Working, int Kept)
{
    /// <summary>The share of the claimed rooms that a check has found working and keeping recordings, in percent; null without a claim.</summary>
    public decimal? KeptOfClaimed => Claimed is > 0 ? Math.Round(100m * Kept / Claimed.Value, 1) : null;
}

/// <summary>What the latest checks of a facility's video rooms say a preservation request can expect.</summary>
public enum RoomEquipment
{
    /// <summary>No visit has checked a room of the facility: nothing is known beyond the registry's count.</summary>
    NotChecked,

    /// <summary>Rooms were checked and none was found working.</summary>
    NotWorking,

    /// <summary>A room works, but none was found keeping recordings for the profile's retention period.</summary>
    WorkingNotKept,

    /// <summary>At least one room works and keeps recordings long enough for a request to find footage.</summary>
    WorkingAndKept,
}

/// <summary>
/// Video rooms are checked on site, while a visit is under way: a room named, working or not, the
/// retention period stated, and whether recordings were kept. Coverage counts each room by its latest check.
/// </summary>
public static class VideoRoomRules
{
    /// <summary>The reference series holding the government's claimed number of rooms (sources/001: 700).</summary>
    public const string ClaimedSeries = "transparent_interrogation_offices";

    /// <summary>The profile's deadline for requesting footage; a room keeping recordings for less cannot serve a preservation request.</summary>
    public const string RetentionCode = "video-retention";

    public const int MaxRetentionDays = 3650;

    /// <summary>A check: on a visit under way, a room named, a retention period in days when given.</summary>
    public static IReadOnlyList<Problem> CheckRoom(MonitoringVisit visit, string? room, int? retentionDays)
    {
        var problems = new List<Problem>([.. MonitoringRules.CheckRecording(visit)]);
        if (string.IsNullOrWhiteSpace(room))
        {
            problems.Add(new Problem("room", MonitoringProblemCode.Required));
        }
        else if (room.Trim().Length > MonitoringRules.MaxShortText)
        {
            problems.Add(new Problem("room", MonitoringProblemCode.TooLong));
        }

        if (retentionDays is < 0 or > MaxRetentionDays)
        {
            problems.Add(new Problem("retentionDays", MonitoringProblemCode.NotACount));
        }

        return problems;
    }

    /// <summary>The latest check of each room (facility and room name, case and spacing aside).</summary>
    public static IReadOnlyList<VideoRoomCheck> Latest(IEnumerable<VideoRoomCheck> checks) =>
        [.. checks.GroupBy(c => (c.FacilityId, Key: string.Concat(c.Room.Where(ch => !char.IsWhiteSpace(ch))).ToUpperInvariant()))
            .Select(g => g.OrderByDescending(c => c.RecordedAtUtc).First())];

    /// <summary>Whether a room checked keeps what a preservation request needs: working, recordings there, kept long enough.</summary>
    public static bool Keeps(VideoRoomCheck check, int requiredDays) =>
        check.Working && check.RecordingsKept && check.RetentionDays is { } days && days >= requiredDays;

    public static VideoCoverage Coverage(IEnumerable<VideoRoomCheck> checks, int registered, ReferenceSeries? claimed, int requiredDays)
    {
        var latest = Latest(checks);
        var claim = claimed?.Points.Count > 0 ? claimed.Points[^1].Value : (decimal?)null;
        return new VideoCoverage(claim, registered, latest.Count, latest.Count(c => c.Working), latest.Count(c => Keeps(c, requiredDays)));
    }

    /// <summary>For a preservation request: the best that the latest check of each of the facility's rooms found.</summary>
    public static RoomEquipment Equipment(IEnumerable<VideoRoomCheck> checks, int requiredDays)
    {
        var latest = Latest(checks);
        if (latest.Count == 0)
        {
            return RoomEquipment.NotChecked;
        }

        return latest.Any(c => Keeps(c, requiredDays)) ? RoomEquipment.WorkingAndKept
            : latest.Any(c => c.Working) ? RoomEquipment.WorkingNotKept
            : RoomEquipment.NotWorking;
    }
}
