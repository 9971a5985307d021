using Qorgau.Domain.Profiles;

namespace Qorgau.Domain.Import;

/// <summary>
/// When an imported event happened: the file knows only dates, so each event is put at noon of its
/// date in the profile's time zone, a minute after the one before, so that the timeline keeps the
/// story's order and the date in the profile's calendar is the row's.
/// </summary>
public static class ImportClock
{
    public static DateTime At(JurisdictionProfile profile, DateOnly date, int step)
    {
        var zone = TimeZoneInfo.TryFindSystemTimeZoneById(profile.TimeZone, out var found) ? found : TimeZoneInfo.Utc;
        var local = date.ToDateTime(new TimeOnly(12, 0), DateTimeKind.Unspecified).AddMinutes(step);
        return TimeZoneInfo.ConvertTimeToUtc(local, zone);
    }
}
