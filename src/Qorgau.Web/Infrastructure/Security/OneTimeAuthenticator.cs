using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Qorgau.Data;
using Qorgau.Domain.Security;

namespace Qorgau.Web.Infrastructure.Security;

/// <summary>
/// The authenticator (TOTP) check, in place of Identity's, which accepts a code again within its window:
/// a code is accepted only if its time step is later than the last one accepted for the account
/// (OWASP ASVS 2.8.4). The step is kept on the account row and advanced by one conditional update, so
/// two app nodes cannot both accept the same code.
/// </summary>
public sealed class OneTimeAuthenticator(QorgauDbContext db, TimeProvider clock) : IUserTwoFactorTokenProvider<StaffUser>
{
    public async Task<bool> CanGenerateTwoFactorTokenAsync(UserManager<StaffUser> manager, StaffUser user) =>
        !string.IsNullOrWhiteSpace(await manager.GetAuthenticatorKeyAsync(user));

    /// <summary>The phone makes the codes; the server never sends one.</summary>
    public Task<string> GenerateAsync(string purpose, UserManager<StaffUser> manager, StaffUser user) => Task.FromResult(string.Empty);

    public async Task<bool> ValidateAsync(string purpose, string token, UserManager<StaffUser> manager, StaffUser user)
    {
        var key = await manager.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key) || Totp.MatchingStep(key, token, clock.GetUtcNow()) is not { } step)
        {
            return false;
        }

        var advanced = await db.Users
            .Where(u => u.Id == user.Id && (u.LastTotpStep == null || u.LastTotpStep < step))
            .ExecuteUpdateAsync(u => u.SetProperty(x => x.LastTotpStep, step));
        return advanced == 1;
    }
}
