using System.Diagnostics;

namespace Qorgau.IntegrationTests.Infrastructure;

/// <summary>
/// The clock every test host and verb runs on: pinned at 23:30 UTC when the test run starts (04:30 of the
/// next day in Almaty, so the UTC date and the profile's date differ on every run), then moving with real
/// time, so idle timeouts, cookie lifetimes, audit checkpoints and the deadline watcher behave as they do
/// in production. A test may set it to another instant or move it forward; timers still fire in real time.
/// </summary>
/// <remarks>
/// Not <c>FakeTimeProvider</c>: its time stands still and its timers fire only when advanced, which the
/// hosted services and the ordering of audit entries and case events cannot live with. The date is the
/// next 23:30 UTC after the run starts (at most a day ahead of the real clock), so what still reads the
/// real clock (the test client's cookie jar, ASP.NET Core Identity's lockout) agrees with the app.
/// </remarks>
public sealed class TestClock : TimeProvider
{
    /// <summary>The instant the test run is pinned to.</summary>
    public static readonly DateTimeOffset RunStart = NextAt(new TimeSpan(23, 30, 0));

    private static readonly long RunStartedTimestamp = Stopwatch.GetTimestamp();

    /// <summary>The run's clock, as hosts that were never set or moved see it (authenticator codes use it).</summary>
    public static TestClock Run { get; } = new();

    private readonly Lock _lock = new();
    private DateTimeOffset _start = RunStart;
    private long _startedTimestamp = RunStartedTimestamp;

    public override DateTimeOffset GetUtcNow()
    {
        lock (_lock)
        {
            return _start + Stopwatch.GetElapsedTime(_startedTimestamp);
        }
    }

    /// <summary>Servers in this test run keep UTC, as the production containers do.</summary>
    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

    /// <summary>Sets the clock to <paramref name="instant"/>, from where it moves on with real time.</summary>
    public void SetUtcNow(DateTimeOffset instant)
    {
        lock (_lock)
        {
            _start = instant;
            _startedTimestamp = Stopwatch.GetTimestamp();
        }
    }

    public void Advance(TimeSpan by)
    {
        lock (_lock)
        {
            _start += by;
        }
    }

    /// <summary>The next instant at this UTC time of day, from now on.</summary>
    public static DateTimeOffset NextAt(TimeSpan timeOfDay)
    {
        var now = DateTimeOffset.UtcNow;
        var today = new DateTimeOffset(now.UtcDateTime.Date + timeOfDay, TimeSpan.Zero);
        return today >= now ? today : today.AddDays(1);
    }
}
