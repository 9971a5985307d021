using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Qorgau.Data;
using Qorgau.Web.Infrastructure.Security;

namespace Qorgau.Web.Infrastructure.Nodes;

/// <summary>
/// Counts and one-time tokens that every app node sees alike, kept in the database: the intake rate
/// limits, the sign-in throttle and spent proof-of-work challenges. Behind two nodes a client gets the
/// same limit as behind one, and a challenge passes once, not once per node. What is counted is stored
/// as a keyed hash (the key derived from the installation secret): the table holds no address, email or
/// challenge, and a stolen database cannot test guesses against it.
/// </summary>
public sealed class SharedCounter(IServiceScopeFactory scopes, InstallationSecretFile installationSecret, TimeProvider clock)
{
    private readonly Lazy<byte[]> _hashKey = new(() => installationSecret.Secret.DeriveKey("qorgau.shared-counter.v1"));

    private long NowMs => clock.GetUtcNow().ToUnixTimeMilliseconds();

    /// <summary>Attempts on <paramref name="subject"/> within the last <paramref name="window"/>.</summary>
    public Task<int> CountAsync(string subject, TimeSpan window, CancellationToken cancellationToken) =>
        WithDbAsync(db => CountAsync(db, KeyOf(subject), NowMs - (long)window.TotalMilliseconds, cancellationToken));

    /// <summary>Counts one attempt on <paramref name="subject"/>, forgotten after <paramref name="window"/>.</summary>
    public Task AddAsync(string subject, TimeSpan window, CancellationToken cancellationToken) =>
        WithDbAsync(async db =>
        {
            db.ThrottleEvents.Add(NewEvent(KeyOf(subject), window));
            return await db.SaveChangesAsync(cancellationToken);
        });

    /// <summary>
    /// Takes one of <paramref name="limit"/> permits of a sliding <paramref name="window"/>: null when
    /// taken, otherwise how long until the oldest counted attempt leaves the window. Counted after adding,
    /// so that two nodes racing for the last permit cannot both get it (both may be refused instead); a
    /// refused attempt is taken back and does not count.
    /// </summary>
    public Task<TimeSpan?> TryTakeAsync(string subject, int limit, TimeSpan window, CancellationToken cancellationToken) =>
        WithDbAsync<TimeSpan?>(async db =>
        {
            var key = KeyOf(subject);
            var attempt = NewEvent(key, window);
            db.ThrottleEvents.Add(attempt);
            await db.SaveChangesAsync(cancellationToken);
            var since = attempt.AtUnixMs - (long)window.TotalMilliseconds;
            if (await CountAsync(db, key, since, cancellationToken) <= limit)
            {
                return null;
            }

            await db.ThrottleEvents.Where(e => e.Id == attempt.Id).ExecuteDeleteAsync(cancellationToken);
            var oldest = await db.ThrottleEvents.Where(e => e.Key == key && e.AtUnixMs > since).MinAsync(e => (long?)e.AtUnixMs, cancellationToken) ?? attempt.AtUnixMs;
            return TimeSpan.FromMilliseconds(Math.Max(1_000, oldest + (long)window.TotalMilliseconds - attempt.AtUnixMs));
        });

    /// <summary>Forgets every attempt on <paramref name="subject"/>.</summary>
    public Task ForgetAsync(string subject, CancellationToken cancellationToken) =>
        WithDbAsync(db => db.ThrottleEvents.Where(e => e.Key == KeyOf(subject)).ExecuteDeleteAsync(cancellationToken));

    /// <summary>True the first time a token is spent on any node, false every later time until <paramref name="expiresAt"/>.</summary>
    public Task<bool> SpendOnceAsync(string token, DateTimeOffset expiresAt, CancellationToken cancellationToken) =>
        WithDbAsync(async db =>
        {
            var key = Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
            db.SpentChallenges.Add(new SpentChallenge { Key = key, ExpiresAtUnixMs = expiresAt.ToUnixTimeMilliseconds() });
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return true;
            }
            catch (DbUpdateException)
            {
                // The key is unique: a row already there is the only expected cause.
                if (await AlreadySpentAsync(key, cancellationToken))
                {
                    return false;
                }

                throw;
            }
        });

    /// <summary>Deletes what no window counts any more; returns how many rows went.</summary>
    public Task<int> PruneAsync(CancellationToken cancellationToken) =>
        WithDbAsync(async db =>
        {
            var now = NowMs;
            return await db.ThrottleEvents.Where(e => e.ExpiresAtUnixMs < now).ExecuteDeleteAsync(cancellationToken)
                + await db.SpentChallenges.Where(c => c.ExpiresAtUnixMs < now).ExecuteDeleteAsync(cancellationToken);
        });

    private Task<bool> AlreadySpentAsync(string key, CancellationToken cancellationToken) =>
        WithDbAsync(db => db.SpentChallenges.AnyAsync(c => c.Key == key, cancellationToken));

    private static Task<int> CountAsync(QorgauDbContext db, string key, long sinceMs, CancellationToken cancellationToken) =>
        db.ThrottleEvents.CountAsync(e => e.Key == key && e.AtUnixMs > sinceMs, cancellationToken);

    private ThrottleEvent NewEvent(string key, TimeSpan window)
    {
        var now = NowMs;
        return new ThrottleEvent { Key = key, AtUnixMs = now, ExpiresAtUnixMs = now + (long)window.TotalMilliseconds };
    }

    private string KeyOf(string subject) => Convert.ToBase64String(HMACSHA256.HashData(_hashKey.Value, Encoding.UTF8.GetBytes(subject)));

    private async Task<T> WithDbAsync<T>(Func<QorgauDbContext, Task<T>> action)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<QorgauDbContext>());
    }
}
