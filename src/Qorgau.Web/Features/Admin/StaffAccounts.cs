using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Options;
using Qorgau.Data;
using Qorgau.Domain.Audit;
using Qorgau.Domain.Organisations;
using Qorgau.Domain.Security;
using Qorgau.Web.Infrastructure.Audit;
using Qorgau.Web.Infrastructure.Security;

namespace Qorgau.Web.Features.Admin;

/// <summary>
/// Creating accounts, setting roles and resetting passwords: what administrators (and the init and
/// demo verbs) do. Nothing here can read a case: an account gets its own key pair, and a reset
/// cannot open the old one. Nor does any role given here: content follows admission by a key holder
/// (<see cref="MemberAdmission"/>), and the administrator role takes admission away.
/// </summary>
public sealed class StaffAccounts(
    UserManager<StaffUser> users,
    RoleManager<IdentityRole<Guid>> roles,
    StaffKeySession keySessions,
    AuditLog audit,
    IOptions<SecurityOptions> security,
    MemberAdmission admission,
    QorgauDbContext db,
    TimeProvider clock)
{
    public async Task<IdentityResult> CreateAsync(StaffUser user, string password, IReadOnlyCollection<string> roleNames, Guid? actorId = null)
    {
        StaffKeySession.Store(user, UserKeys.Create(user.Id, password, security.Value.PasswordCost).Keys);
        await using var transaction = await OwnTransactionAsync();
        var result = await users.CreateAsync(user, password);
        if (!result.Succeeded)
        {
            return result;
        }

        result = await SetRolesAsync(user, roleNames, actorId, audited: false);
        if (result.Succeeded)
        {
            await audit.WriteAsync(new AuditEvent(
                "user.created", actorId, user.OrganisationId, "user", user.Id.ToString(), $"roles={string.Join(',', roleNames.Order())}"));
            await CommitAsync(transaction);
        }

        return result;
    }

    public async Task<IdentityResult> SetRolesAsync(StaffUser user, IReadOnlyCollection<string> roleNames, Guid? actorId, bool audited = true)
    {
        foreach (var role in roleNames.Where(r => StaffRole.All.Contains(r)))
        {
            if (!await roles.RoleExistsAsync(role))
            {
                await roles.CreateAsync(new IdentityRole<Guid>(role) { Id = Guid.CreateVersion7() });
            }
        }

        await using var transaction = await OwnTransactionAsync();
        var current = await users.GetRolesAsync(user);
        var removed = await users.RemoveFromRolesAsync(user, current.Except(roleNames));
        if (!removed.Succeeded)
        {
            return removed;
        }

        var added = await users.AddToRolesAsync(user, roleNames.Except(current).Where(r => StaffRole.All.Contains(r)));
        if (added.Succeeded && roleNames.Contains(StaffRole.Administrator) && !current.Contains(StaffRole.Administrator)
            && (user.AdmissionSignature is not null || user.AdmittedAtUtc is not null))
        {
            // An administrator holds no key: an admitted member made one loses admission and every copy.
            await admission.RevokeAsync(user, actorId);
        }

        if (added.Succeeded && audited)
        {
            await audit.WriteAsync(new AuditEvent(
                "roles.changed", actorId, user.OrganisationId, "user", user.Id.ToString(), $"roles={string.Join(',', roleNames.Order())}"));
        }

        if (added.Succeeded)
        {
            await CommitAsync(transaction);
        }

        return added;
    }

    /// <summary>A new one-time password; every session of the user ends. The user's old key pair is lost to them.</summary>
    public async Task<string> ResetPasswordAsync(StaffUser user, Guid actorId)
    {
        var password = OneTimePassword.New();
        await using var transaction = await OwnTransactionAsync();
        var token = await users.GeneratePasswordResetTokenAsync(user);
        var result = await users.ResetPasswordAsync(user, token, password);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Code)));
        }

        user.MustChangePassword = true;
        await users.UpdateAsync(user);
        await users.SetLockoutEndDateAsync(user, null);
        await keySessions.RevokeAllAsync(user.Id);
        await audit.WriteAsync(new AuditEvent("password.reset", actorId, user.OrganisationId, "user", user.Id.ToString()));
        await CommitAsync(transaction);
        return password;
    }

    /// <summary>
    /// Records the member's own affiliation where none is: the independence guard hides from then on the
    /// cases against that agency. Never lifted here (see <see cref="AffiliationField"/>). The admission
    /// signed the affiliation too, so a key holder admits the member again.
    /// </summary>
    public async Task SetAffiliationAsync(StaffUser user, string? agencyCode, Guid actorId)
    {
        if (agencyCode is null || user.AffiliationAgencyCode is not null)
        {
            return;
        }

        var previous = user.AffiliationAgencyCode;
        user.AffiliationAgencyCode = agencyCode;
        user.AdmissionSignature = null;
        await using var transaction = await OwnTransactionAsync();
        await users.UpdateAsync(user);
        await audit.WriteAsync(new AuditEvent("affiliation.changed", actorId, user.OrganisationId, "user", user.Id.ToString(), $"from={previous ?? "none"} to={agencyCode ?? "none"}"));
        await CommitAsync(transaction);
    }

    /// <summary>
    /// A person who left: sign-in and tokens are refused and every session ends, in one unit of work with
    /// its audit entry. The key pair and the grants stay, so reactivation needs no key holder.
    /// </summary>
    public async Task DeactivateAsync(StaffUser user, Guid actorId)
    {
        if (user.DeactivatedAtUtc is not null)
        {
            return;
        }

        await using var transaction = await OwnTransactionAsync();
        user.DeactivatedAtUtc = clock.GetUtcNow().UtcDateTime;
        user.SecurityStamp = Guid.NewGuid().ToString();
        user.ConcurrencyStamp = Guid.NewGuid().ToString();
        var sessions = await keySessions.RevokeAllAsync(user.Id);
        await audit.WriteAsync(new AuditEvent("user.deactivated", actorId, user.OrganisationId, "user", user.Id.ToString(), $"sessions={sessions}"));
        await CommitAsync(transaction);
    }

    public async Task ReactivateAsync(StaffUser user, Guid actorId)
    {
        if (user.DeactivatedAtUtc is null)
        {
            return;
        }

        user.DeactivatedAtUtc = null;
        user.ConcurrencyStamp = Guid.NewGuid().ToString();
        await audit.WriteAsync(new AuditEvent("user.reactivated", actorId, user.OrganisationId, "user", user.Id.ToString()));
    }

    public async Task<int> RevokeSessionsAsync(StaffUser user, Guid actorId)
    {
        await using var transaction = await OwnTransactionAsync();
        var count = await keySessions.RevokeAllAsync(user.Id);
        await audit.WriteAsync(new AuditEvent("sessions.revoked", actorId, user.OrganisationId, "user", user.Id.ToString(), $"count={count}"));
        await CommitAsync(transaction);
        return count;
    }

    /// <summary>
    /// Identity's user manager saves on every call; one transaction around a change and its audit entry makes
    /// them one unit of work (docs/architecture.md). Inside a caller's transaction, that one is the unit.
    /// </summary>
    private async Task<IDbContextTransaction?> OwnTransactionAsync() =>
        db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync() : null;

    private static async Task CommitAsync(IDbContextTransaction? transaction)
    {
        if (transaction is not null)
        {
            await transaction.CommitAsync();
        }
    }
}
