using Microsoft.Extensions.Options;
using Qorgau.Web.Infrastructure.Nodes;

namespace Qorgau.Web.Infrastructure.Security;

/// <summary>
/// Failed password sign-ins, counted per account (by the email typed, known or not) and per client
/// address over a sliding window. Past the limit, sign-in is refused without checking the password,
/// with the same message as a wrong password, until the window has passed. Unlike Identity's lockout it
/// locks nothing: the account's personal access tokens keep working, and the count is the same for
/// unknown emails, so neither the answer nor the throttling tells which accounts exist. Counted in the
/// database (<see cref="SharedCounter"/>): behind several nodes the limits are the same as behind one.
/// </summary>
public sealed class SignInThrottle(SharedCounter counter, IOptions<SecurityOptions> options)
{
    private TimeSpan Window => TimeSpan.FromMinutes(options.Value.LockoutMinutes);

    public async Task<bool> IsThrottledAsync(string email, string? address, CancellationToken cancellationToken) =>
        await counter.CountAsync(AccountKey(email), Window, cancellationToken) >= options.Value.LockoutAttempts
        || await counter.CountAsync(AddressKey(address), Window, cancellationToken) >= options.Value.SignInFailuresPerAddress;

    public async Task RecordFailureAsync(string email, string? address, CancellationToken cancellationToken)
    {
        await counter.AddAsync(AccountKey(email), Window, cancellationToken);
        await counter.AddAsync(AddressKey(address), Window, cancellationToken);
    }

    /// <summary>After a right password: the account's count starts again (the address's does not).</summary>
    public Task ForgetAsync(string email, CancellationToken cancellationToken) => counter.ForgetAsync(AccountKey(email), cancellationToken);

    private static string AccountKey(string email) => "sign-in:account:" + email.Trim().ToUpperInvariant();

    private static string AddressKey(string? address) => "sign-in:address:" + (address ?? "unknown");
}
