using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Qorgau.Data;
using Qorgau.Web.Infrastructure.Security;

namespace Qorgau.Web.Features.Admin;

/// <summary>The accounts an administrator manages, with password reset and ending sessions.</summary>
[Authorize(Policy = StaffAuthentication.AdministratorPolicy)]
public sealed class UsersModel(AdminScope scope, StaffAccounts accounts, StaffKeySession keySessions, UserManager<StaffUser> users, QorgauDbContext db, TimeProvider clock) : PageModel
{
    public IReadOnlyList<UserRow> Rows { get; private set; } = [];

    /// <summary>Shown once, in the answer to the reset; never stored or redirected with.</summary>
    public (string Email, string Password)? ResetResult { get; private set; }

    public string? Message { get; private set; }

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostResetAsync(Guid id)
    {
        var administrator = await scope.CurrentAdministratorAsync(User);
        if (await scope.FindManagedAsync(administrator, id) is not { } user)
        {
            return NotFound();
        }

        ResetResult = (user.Email ?? string.Empty, await accounts.ResetPasswordAsync(user, administrator.Id));
        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(Guid id)
    {
        var administrator = await scope.CurrentAdministratorAsync(User);
        if (await scope.FindManagedAsync(administrator, id) is not { } user)
        {
            return NotFound();
        }

        var count = await accounts.RevokeSessionsAsync(user, administrator.Id);
        Message = count.ToString(System.Globalization.CultureInfo.InvariantCulture);
        await LoadAsync();
        return Page();
    }

    private async Task LoadAsync()
    {
        var administrator = await scope.CurrentAdministratorAsync(User);
        var managed = await scope.ManagedUsers(administrator).AsNoTracking().OrderBy(u => u.Email).ToListAsync();
        var organisations = await db.Organisations.AsNoTracking().ToDictionaryAsync(o => o.Id);
        var now = clock.GetUtcNow();
        var sessionCounts = await keySessions.CountOpenByUserAsync();
        var rows = new List<UserRow>();
        foreach (var user in managed)
        {
            rows.Add(new UserRow(
                user.Id,
                user.DisplayName,
                user.Email ?? string.Empty,
                user.OrganisationId is { } o && organisations.TryGetValue(o, out var organisation) ? organisation.Name : null,
                [.. await users.GetRolesAsync(user)],
                user.TwoFactorEnabled,
                user.LockoutEnd > now,
                sessionCounts.GetValueOrDefault(user.Id)));
        }

        Rows = rows;
    }

    public sealed record UserRow(
        Guid Id,
        string DisplayName,
        string Email,
        Domain.LocalizedName? Organisation,
        IReadOnlyList<string> Roles,
        bool SecondFactor,
        bool LockedOut,
        int Sessions);
}
