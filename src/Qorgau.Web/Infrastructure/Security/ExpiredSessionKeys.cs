using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Qorgau.Data;

namespace Qorgau.Web.Infrastructure.Security;

/// <summary>
/// Erases the encrypted private key of every session that idle time has ended. Such a row no longer
/// serves anyone, but its ciphertext plus a stolen cookie would still open the key: once expired, it
/// holds nothing. Run by the periodic deadline scan, and for one user whenever they sign in.
/// </summary>
public sealed class ExpiredSessionKeys(QorgauDbContext db, IOptions<SecurityOptions> options, TimeProvider clock)
{
    private static readonly byte[] Erased = [];

    /// <summary>Every user's expired sessions; the number of keys erased.</summary>
    public Task<int> EraseAsync(CancellationToken cancellationToken = default) =>
        EraseAsync(db.StaffSessions, cancellationToken);

    /// <summary>One user's expired sessions (at sign-in).</summary>
    public Task<int> EraseAsync(Guid userId, CancellationToken cancellationToken = default) =>
        EraseAsync(db.StaffSessions.Where(s => s.UserId == userId), cancellationToken);

    private async Task<int> EraseAsync(IQueryable<StaffSession> sessions, CancellationToken cancellationToken)
    {
        // The same idle rule as StaffKeySession's open sessions: what it no longer serves, this erases.
        var idleSince = clock.GetUtcNow().UtcDateTime.AddMinutes(-options.Value.IdleTimeoutMinutes);
        return await sessions.Where(s => s.LastSeenAtUtc <= idleSince && s.EncryptedPrivateKey != Erased)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.EncryptedPrivateKey, Erased), cancellationToken);
    }
}
