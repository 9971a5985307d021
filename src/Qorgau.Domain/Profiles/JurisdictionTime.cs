using System.Globalization;

namespace Qorgau.Domain.Profiles;

/// <summary>
/// Instants as the profile's jurisdiction reads them: the date and the clock time in its time zone, and
/// the offset that says which zone a shown time is in. Rules take "today" from here, never from UTC.
/// </summary>
public static class JurisdictionTime
{
    public static TimeZoneInfo ZoneOf(JurisdictionProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        return TimeZoneInfo.TryFindSystemTimeZoneById(profile.TimeZone, out var zone) ? zone : TimeZoneInfo.Utc;
    }

    public static DateTime LocalTime(TimeZoneInfo zone, DateTime utc) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), zone);

    public static DateOnly DateOf(TimeZoneInfo zone, DateTime utc) => DateOnly.FromDateTime(LocalTime(zone, utc));

    /// <summary>
    /// An instant for a person to read: local time with its offset ("2026-12-04 03:15 UTC+5"), so a time
    /// copied into a letter or a court file is never taken for UTC or for the reader's own zone.
    /// </summary>
    public static string Show(TimeZoneInfo zone, DateTime utc, string format = "yyyy-MM-dd HH:mm") =>
        $"{LocalTime(zone, utc).ToString(format, CultureInfo.InvariantCulture)} {OffsetName(zone, utc)}";

    /// <summary>The zone's offset at that instant, as "UTC+5", "UTC+5:30", "UTC-3" or "UTC".</summary>
    public static string OffsetName(TimeZoneInfo zone, DateTime utc)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var offset = zone.GetUtcOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc));
        if (offset == TimeSpan.Zero)
        {
            return "UTC";
        }

        var sign = offset < TimeSpan.Zero ? "-" : "+";
        var hours = Math.Abs(offset.Hours).ToString(CultureInfo.InvariantCulture);
        return offset.Minutes == 0 ? $"UTC{sign}{hours}" : $"UTC{sign}{hours}:{Math.Abs(offset.Minutes).ToString("00", CultureInfo.InvariantCulture)}";
    }
}
