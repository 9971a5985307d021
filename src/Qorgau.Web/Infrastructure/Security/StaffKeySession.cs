using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Qorgau.Data;
using Qorgau.Domain.Security;

namespace Qorgau.Web.Infrastructure.Security;

/// <summary>
/// Keeps a signed-in staff member's private key available for the session without storing it in
/// clear: the key is unwrapped once with the password at sign-in, then kept in a <see cref="StaffSession"/>
/// row encrypted under a random secret that lives only in this browser's cookie (protected by the
/// data-protection keys every node shares). Logout, revocation or idle expiry makes it unreachable.
/// </summary>
public sealed class StaffKeySession(
    QorgauDbContext db,
    IHttpContextAccessor http,
    IDataProtectionProvider protection,
    IOptions<SecurityOptions> options,
    ExpiredSessionKeys expiredSessions,
    TimeProvider clock)
{
    public const string CookieName = "qorgau.keys";
    private static readonly TimeSpan LastSeenResolution = TimeSpan.FromMinutes(1);
    private readonly IDataProtector _protector = protection.CreateProtector("Qorgau.StaffKeySession.v1");

    /// <summary>
    /// Unwraps the user's private key with the password just verified and opens a session for it.
    /// A user who has no key pair yet (created before keys existed) gets one now.
    /// </summary>
    public async Task StartAsync(StaffUser user, string password, CancellationToken cancellationToken = default)
    {
        var cost = options.Value.PasswordCost;
        byte[] privateKey;
        if (user.PublicKey is null || user.WrappedPrivateKey is null || user.KeySalt is null)
        {
            (var keys, privateKey) = UserKeys.Create(user.Id, password, cost);
            Store(user, keys);
        }
        else
        {
            try
            {
                privateKey = new UserKeys(user.PublicKey, user.WrappedPrivateKey, user.KeySalt).Unwrap(user.Id, password, cost);
            }
            catch (CryptographicException)
            {
                // The password was reset by an administrator, so the old key cannot be opened. A new pair
                // starts here; case keys sealed to the old one need a key holder to be sealed again.
                (var keys, privateKey) = UserKeys.Create(user.Id, password, cost);
                Store(user, keys);
            }
        }

        var secret = Crypto.NewKey();
        var now = clock.GetUtcNow().UtcDateTime;
        var sessionId = Guid.CreateVersion7();
        var stored = new StaffSession
        {
            Id = sessionId,
            UserId = user.Id,
            CreatedAtUtc = now,
            LastSeenAtUtc = now,
            EncryptedPrivateKey = Crypto.Encrypt(secret, privateKey, Context(sessionId)),
        };
        CryptographicOperations.ZeroMemory(privateKey);
        db.StaffSessions.Add(stored);
        await db.SaveChangesAsync(cancellationToken);
        await expiredSessions.EraseAsync(user.Id, cancellationToken);
        WriteCookie(stored.Id, secret);
    }

    /// <summary>Re-wraps the private key under a new password (the old one proves the right to).</summary>
    public static void Rewrap(StaffUser user, string oldPassword, string newPassword, Argon2Cost cost)
    {
        if (user.PublicKey is null || user.WrappedPrivateKey is null || user.KeySalt is null)
        {
            Store(user, UserKeys.Create(user.Id, newPassword, cost).Keys);
            return;
        }

        var privateKey = new UserKeys(user.PublicKey, user.WrappedPrivateKey, user.KeySalt).Unwrap(user.Id, oldPassword, cost);
        Store(user, UserKeys.Wrap(user.Id, privateKey, user.PublicKey, newPassword, cost));
        CryptographicOperations.ZeroMemory(privateKey);
    }

    public static void Store(StaffUser user, UserKeys keys)
    {
        if (user.PublicKey is null || !user.PublicKey.AsSpan().SequenceEqual(keys.PublicKey))
        {
            // A new key pair was never admitted: a key holder signs it again (restoring access on /staff/key-holder).
            user.AdmissionSignature = null;
        }

        user.PublicKey = keys.PublicKey;
        user.WrappedPrivateKey = keys.WrappedPrivateKey;
        user.KeySalt = keys.Salt;
    }

    /// <summary>The current session's row id, if this browser holds a valid key cookie.</summary>
    public Guid? CurrentSessionId => ReadCookie()?.SessionId;

    /// <summary>Whether this browser's session is alive for this user; refreshes its last-seen time.</summary>
    public async Task<bool> IsActiveAsync(Guid userId, CancellationToken cancellationToken = default)
    {
        var session = await FindAsync(userId, cancellationToken);
        if (session is null)
        {
            return false;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        if (now - session.LastSeenAtUtc > LastSeenResolution)
        {
            session.LastSeenAtUtc = now;
            await db.SaveChangesAsync(cancellationToken);
        }

        return true;
    }

    /// <summary>The user's private key for this session, or null when the session holds none.</summary>
    public async Task<byte[]?> GetPrivateKeyAsync(Guid userId, CancellationToken cancellationToken = default)
    {
        var cookie = ReadCookie();
        var session = await FindAsync(userId, cancellationToken);
        if (cookie is null || session is null)
        {
            return null;
        }

        try
        {
            return Crypto.Decrypt(cookie.Value.Secret, session.EncryptedPrivateKey, Context(session.Id));
        }
        catch (CryptographicException)
        {
            return null;
        }
    }

    public async Task<IReadOnlyList<StaffSession>> ListAsync(Guid userId, CancellationToken cancellationToken = default)
    {
        return await OpenSessions().AsNoTracking()
            .Where(s => s.UserId == userId)
            .OrderByDescending(s => s.LastSeenAtUtc)
            .ToListAsync(cancellationToken);
    }

    /// <summary>Ends one of the user's sessions, wherever it is; its encrypted key is erased.</summary>
    public async Task<bool> RevokeAsync(Guid userId, Guid sessionId, CancellationToken cancellationToken = default) =>
        await db.StaffSessions.Where(s => s.UserId == userId && s.Id == sessionId && s.RevokedAtUtc == null)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.RevokedAtUtc, clock.GetUtcNow().UtcDateTime).SetProperty(s => s.EncryptedPrivateKey, []), cancellationToken) > 0;

    /// <summary>Ends every session of a user (an administrator's revocation, a password reset).</summary>
    public async Task<int> RevokeAllAsync(Guid userId, CancellationToken cancellationToken = default) =>
        await db.StaffSessions.Where(s => s.UserId == userId && s.RevokedAtUtc == null)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.RevokedAtUtc, clock.GetUtcNow().UtcDateTime).SetProperty(s => s.EncryptedPrivateKey, []), cancellationToken);

    /// <summary>Logout: the row and the cookie are deleted.</summary>
    public async Task EndAsync(CancellationToken cancellationToken = default)
    {
        if (ReadCookie() is { } cookie)
        {
            await db.StaffSessions.Where(s => s.Id == cookie.SessionId).ExecuteDeleteAsync(cancellationToken);
        }

        http.HttpContext?.Response.Cookies.Delete(CookieName);
    }

    private async Task<StaffSession?> FindAsync(Guid userId, CancellationToken cancellationToken)
    {
        if (ReadCookie() is not { } cookie)
        {
            return null;
        }

        return await OpenSessions().FirstOrDefaultAsync(s => s.Id == cookie.SessionId && s.UserId == userId, cancellationToken);
    }

    /// <summary>Open sessions of every user, by user: what an administrator sees.</summary>
    public async Task<Dictionary<Guid, int>> CountOpenByUserAsync(CancellationToken cancellationToken = default) =>
        await OpenSessions().AsNoTracking()
            .GroupBy(s => s.UserId)
            .Select(g => new { UserId = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.UserId, g => g.Count, cancellationToken);

    /// <summary>The one rule for a live session: not revoked, and used within the idle timeout.</summary>
    private IQueryable<StaffSession> OpenSessions()
    {
        var idleSince = clock.GetUtcNow().UtcDateTime.AddMinutes(-options.Value.IdleTimeoutMinutes);
        return db.StaffSessions.Where(s => s.RevokedAtUtc == null && s.LastSeenAtUtc > idleSince);
    }

    private void WriteCookie(Guid sessionId, byte[] secret)
    {
        var context = http.HttpContext ?? throw new InvalidOperationException("A key session needs an HTTP request.");
        var value = _protector.Protect($"{sessionId:N}.{Convert.ToBase64String(secret)}");
        context.Response.Cookies.Append(CookieName, value, new CookieOptions
        {
            HttpOnly = true,
            IsEssential = true,
            SameSite = SameSiteMode.Strict,
            Secure = context.Request.IsHttps,
            Path = "/",
        });
    }

    private (Guid SessionId, byte[] Secret)? ReadCookie()
    {
        var raw = http.HttpContext?.Request.Cookies[CookieName];
        if (string.IsNullOrEmpty(raw))
        {
            return null;
        }

        try
        {
            var parts = _protector.Unprotect(raw).Split('.');
            return parts.Length == 2 && Guid.TryParseExact(parts[0], "N", out var id) ? (id, Convert.FromBase64String(parts[1])) : null;
        }
        catch (Exception e) when (e is CryptographicException or FormatException)
        {
            return null;
        }
    }

    private static byte[] Context(Guid sessionId) => Encoding.UTF8.GetBytes($"session-private-key:{sessionId:N}");
}
