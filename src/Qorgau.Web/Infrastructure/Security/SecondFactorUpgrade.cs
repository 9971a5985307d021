using Microsoft.EntityFrameworkCore;
using Qorgau.Data;

namespace Qorgau.Web.Infrastructure.Security;

/// <summary>
/// At start, after the database initialiser: authenticator keys and recovery codes that Identity's
/// default store wrote in clear are rewritten protected (<see cref="ProtectedUserStore"/>), so a dump
/// taken after the first start of this version holds none, even of accounts that never sign in again.
/// A database not yet migrated is left for the next start.
/// </summary>
public sealed class SecondFactorUpgrade(IServiceScopeFactory scopes, ILogger<SecondFactorUpgrade> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<QorgauDbContext>();
        List<Guid> userIds;
        try
        {
            userIds = await db.UserTokens
                .Where(t => t.LoginProvider == ProtectedUserStore.InternalLoginProvider
                    && (t.Name == ProtectedUserStore.AuthenticatorKeyTokenName || t.Name == ProtectedUserStore.RecoveryCodeTokenName)
                    && t.Value != null && t.Value != string.Empty && !t.Value.StartsWith(ProtectedUserStore.Protected))
                .Select(t => t.UserId).Distinct().ToListAsync(cancellationToken);
        }
        catch (Exception e) when (e is System.Data.Common.DbException or InvalidOperationException)
        {
            logger.LogWarning("Second-factor secrets were not checked for clear values: the database is not ready ({Type}).", e.GetType().Name);
            return;
        }

        var store = scope.ServiceProvider.GetRequiredService<ProtectedUserStore>();
        foreach (var id in userIds)
        {
            if (await db.Users.FirstOrDefaultAsync(u => u.Id == id, cancellationToken) is { } user)
            {
                await store.ProtectAsync(user, cancellationToken);
            }
        }

        if (userIds.Count > 0)
        {
            logger.LogInformation("Second-factor secrets of {Count} accounts were rewritten protected.", userIds.Count);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
