using Qorgau.Domain.Cases;
using Qorgau.Domain.Profiles;

namespace Qorgau.UnitTests.Profiles;

/// <summary>Kazakhstan keeps UTC+5 all year (since 1 March 2024): its day starts at 19:00 UTC of the day before.</summary>
public sealed class JurisdictionTimeTests
{
    private static readonly TimeZoneInfo Almaty = JurisdictionTime.ZoneOf(TestProfile.Kazakhstan);

    [Fact]
    public void The_profile_names_the_Almaty_zone_and_it_is_five_hours_ahead_of_UTC_in_summer_and_winter()
    {
        Almaty.Id.ShouldBe("Asia/Almaty");
        JurisdictionTime.OffsetName(Almaty, Utc(2026, 1, 15, 12, 0)).ShouldBe("UTC+5");
        JurisdictionTime.OffsetName(Almaty, Utc(2026, 7, 15, 12, 0)).ShouldBe("UTC+5");
    }

    [Fact]
    public void An_instant_at_22_15_UTC_falls_on_the_next_day_in_Almaty_and_one_at_18_59_UTC_on_the_same_day()
    {
        JurisdictionTime.DateOf(Almaty, Utc(2026, 12, 3, 22, 15)).ShouldBe(new DateOnly(2026, 12, 4));
        JurisdictionTime.DateOf(Almaty, Utc(2026, 12, 3, 19, 0)).ShouldBe(new DateOnly(2026, 12, 4));
        JurisdictionTime.DateOf(Almaty, Utc(2026, 12, 3, 18, 59)).ShouldBe(new DateOnly(2026, 12, 3));
        JurisdictionTime.DateOf(Almaty, Utc(2026, 12, 31, 23, 30)).ShouldBe(new DateOnly(2027, 1, 1), "a year ends five hours earlier in Almaty");
    }

    [Fact]
    public void An_instant_is_shown_at_local_time_with_its_offset_never_as_bare_UTC()
    {
        JurisdictionTime.Show(Almaty, Utc(2026, 12, 3, 20, 0)).ShouldBe("2026-12-04 01:00 UTC+5");
        JurisdictionTime.Show(Almaty, Utc(2026, 12, 3, 22, 15, 7), "yyyy-MM-dd HH:mm:ss").ShouldBe("2026-12-04 03:15:07 UTC+5");
    }

    [Fact]
    public void The_start_of_an_Almaty_day_is_19_00_UTC_of_the_day_before_and_dates_back_to_that_day()
    {
        var start = MetadataGrain.StartOfDayUtc(new DateOnly(2026, 12, 4), Almaty);

        start.ShouldBe(Utc(2026, 12, 3, 19, 0));
        JurisdictionTime.DateOf(Almaty, start).ShouldBe(new DateOnly(2026, 12, 4));
    }

    [Theory]
    [InlineData("Asia/Kolkata", "UTC+5:30")]
    [InlineData("America/Sao_Paulo", "UTC-3")]
    [InlineData("Etc/UTC", "UTC")]
    public void Offsets_other_than_whole_hours_east_are_named_too(string zone, string name) =>
        JurisdictionTime.OffsetName(TimeZoneInfo.FindSystemTimeZoneById(zone), Utc(2026, 7, 15, 12, 0)).ShouldBe(name);

    [Fact]
    public void Before_March_2024_Almaty_was_UTC_plus_6_and_the_zone_database_says_so()
    {
        JurisdictionTime.Show(Almaty, Utc(2024, 2, 1, 20, 0)).ShouldBe("2024-02-02 02:00 UTC+6");
    }

    private static DateTime Utc(int year, int month, int day, int hour, int minute, int second = 0) =>
        new(year, month, day, hour, minute, second, DateTimeKind.Utc);
}
