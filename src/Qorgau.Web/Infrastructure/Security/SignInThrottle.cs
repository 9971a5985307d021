using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace Qorgau.Web.Infrastructure.Security;

/// <summary>
/// Failed password sign-ins, counted per account (by the email typed, known or not) and per client
/// address over a sliding window. Past the limit, sign-in is refused without checking the password,
/// with the same message as a wrong password, until the window has passed. Unlike Identity's lockout it
/// locks nothing: the account's personal access tokens keep working, and the count is the same for
/// unknown emails, so neither the answer nor the throttling tells which accounts exist. Kept in memory,
/// per app node: behind several nodes the limits add up.
/// </summary>
public sealed class SignInThrottle(IOptions<SecurityOptions> options, TimeProvider clock)
{
    private const int PruneAbove = 10_000;
    private readonly ConcurrentDictionary<string, Queue<DateTimeOffset>> _failures = new(StringComparer.Ordinal);

    private TimeSpan Window => TimeSpan.FromMinutes(options.Value.LockoutMinutes);

    public bool IsThrottled(string email, string? address) =>
        Count(AccountKey(email)) >= options.Value.LockoutAttempts || Count(AddressKey(address)) >= options.Value.SignInFailuresPerAddress;

    public void RecordFailure(string email, string? address)
    {
        Add(AccountKey(email));
        Add(AddressKey(address));
        if (_failures.Count > PruneAbove)
        {
            foreach (var key in _failures.Keys)
            {
                if (Count(key) == 0)
                {
                    _failures.TryRemove(key, out _);
                }
            }
        }
    }

    /// <summary>After a right password: the account's count starts again (the address's does not).</summary>
    public void Forget(string email) => _failures.TryRemove(AccountKey(email), out _);

    private static string AccountKey(string email) => "account:" + email.Trim().ToUpperInvariant();

    private static string AddressKey(string? address) => "address:" + (address ?? "unknown");

    private void Add(string key)
    {
        var times = _failures.GetOrAdd(key, _ => new Queue<DateTimeOffset>());
        lock (times)
        {
            times.Enqueue(clock.GetUtcNow());
        }
    }

    private int Count(string key)
    {
        if (!_failures.TryGetValue(key, out var times))
        {
            return 0;
        }

        lock (times)
        {
            var since = clock.GetUtcNow() - Window;
            while (times.Count > 0 && times.Peek() <= since)
            {
                times.Dequeue();
            }

            return times.Count;
        }
    }
}
