using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Qorgau.Data;
using Qorgau.Domain.Security;

namespace Qorgau.Web.Infrastructure.Security;

/// <summary>
/// Identity's user store, except for the second factor's secrets, which a database dump must not yield:
/// the authenticator key is encrypted (XChaCha20-Poly1305 under the installation secret's
/// <c>totp-at-rest</c> key, the user id as associated data) and recovery codes are kept as keyed hashes
/// only. Values written in clear before this store existed are still read, and rewritten protected the
/// first time they are used (the authenticator key when it is read, the recovery codes when one is
/// redeemed or counted).
/// </summary>
public sealed class ProtectedUserStore(QorgauDbContext context, InstallationSecretFile secret, IdentityErrorDescriber? describer = null)
    : UserStore<StaffUser, IdentityRole<Guid>, QorgauDbContext, Guid>(context, describer)
{
    public const string Purpose = "totp-at-rest";

    // Identity's own names, so that values written before this store are found.
    internal const string InternalLoginProvider = "[AspNetUserStore]";
    internal const string AuthenticatorKeyTokenName = "AuthenticatorKey";
    internal const string RecoveryCodeTokenName = "RecoveryCodes";
    internal const string Protected = "qorgau-v1:";

    public override Task SetAuthenticatorKeyAsync(StaffUser user, string key, CancellationToken cancellationToken) =>
        SetTokenAsync(user, InternalLoginProvider, AuthenticatorKeyTokenName, Encrypt(user, key), cancellationToken);

    public override async Task<string?> GetAuthenticatorKeyAsync(StaffUser user, CancellationToken cancellationToken)
    {
        var stored = await GetTokenAsync(user, InternalLoginProvider, AuthenticatorKeyTokenName, cancellationToken);
        if (string.IsNullOrEmpty(stored))
        {
            return stored;
        }

        if (stored.StartsWith(Protected, StringComparison.Ordinal))
        {
            return Decrypt(user, stored);
        }

        await SetAuthenticatorKeyAsync(user, stored, cancellationToken);
        await SaveChanges(cancellationToken);
        return stored;
    }

    public override Task ReplaceCodesAsync(StaffUser user, IEnumerable<string> recoveryCodes, CancellationToken cancellationToken) =>
        SetTokenAsync(user, InternalLoginProvider, RecoveryCodeTokenName, Protected + string.Join(';', recoveryCodes.Select(c => Hash(user, c))), cancellationToken);

    public override async Task<bool> RedeemCodeAsync(StaffUser user, string code, CancellationToken cancellationToken)
    {
        var hashes = await HashesAsync(user, cancellationToken);
        var hash = Hash(user, code);
        var match = hashes.FirstOrDefault(h => CryptographicOperations.FixedTimeEquals(Convert.FromBase64String(h), Convert.FromBase64String(hash)));
        if (match is null)
        {
            return false;
        }

        await SetTokenAsync(user, InternalLoginProvider, RecoveryCodeTokenName, Protected + string.Join(';', hashes.Where(h => !ReferenceEquals(h, match))), cancellationToken);
        return true;
    }

    /// <summary>Rewrites protected whatever this user still has in clear (see <see cref="SecondFactorUpgrade"/>).</summary>
    public async Task ProtectAsync(StaffUser user, CancellationToken cancellationToken)
    {
        await GetAuthenticatorKeyAsync(user, cancellationToken);
        await HashesAsync(user, cancellationToken);
    }

    public override async Task<int> CountCodesAsync(StaffUser user, CancellationToken cancellationToken) =>
        (await HashesAsync(user, cancellationToken)).Count;

    /// <summary>The stored hashes; codes still in clear (written before this store) are hashed and rewritten first.</summary>
    private async Task<List<string>> HashesAsync(StaffUser user, CancellationToken cancellationToken)
    {
        var stored = await GetTokenAsync(user, InternalLoginProvider, RecoveryCodeTokenName, cancellationToken) ?? string.Empty;
        if (stored.StartsWith(Protected, StringComparison.Ordinal))
        {
            return [.. stored[Protected.Length..].Split(';', StringSplitOptions.RemoveEmptyEntries)];
        }

        var clear = stored.Split(';', StringSplitOptions.RemoveEmptyEntries);
        if (clear.Length > 0)
        {
            await ReplaceCodesAsync(user, clear, cancellationToken);
            await SaveChanges(cancellationToken);
        }

        return [.. clear.Select(c => Hash(user, c))];
    }

    private string Encrypt(StaffUser user, string authenticatorKey)
    {
        var key = secret.Secret.DeriveKey(Purpose);
        try
        {
            return Protected + Convert.ToBase64String(Crypto.EncryptText(key, authenticatorKey, AssociatedData(user)));
        }
        finally
        {
            CryptographicOperations.ZeroMemory(key);
        }
    }

    private string Decrypt(StaffUser user, string stored)
    {
        var key = secret.Secret.DeriveKey(Purpose);
        try
        {
            return Crypto.DecryptText(key, Convert.FromBase64String(stored[Protected.Length..]), AssociatedData(user));
        }
        finally
        {
            CryptographicOperations.ZeroMemory(key);
        }
    }

    private string Hash(StaffUser user, string code)
    {
        var key = secret.Secret.DeriveKey(Purpose + ":recovery-codes");
        try
        {
            return RecoveryCodeHash.Of(key, user.Id, code);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(key);
        }
    }

    private static string AssociatedData(StaffUser user) => $"authenticator-key:{user.Id}";
}
