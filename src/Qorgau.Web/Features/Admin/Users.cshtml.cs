using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Qorgau.Data;
using Qorgau.Web.Infrastructure.Security;

namespace Qorgau.Web.Features.Admin;

/// <summary>The accounts an administrator manages and searches, with password reset (confirmed first), ending sessions, deactivation and reactivation.</summary>
[Authorize(Policy = StaffAuthentication.AdministratorPolicy)]
public sealed class UsersModel(AdminScope scope, StaffAccounts accounts, StaffKeySession keySessions, UserManager<StaffUser> users, QorgauDbContext db, TimeProvider clock) : PageModel
{
    public IReadOnlyList<UserRow> Rows { get; private set; } = [];

    /// <summary>Shown once, in the answer to the reset; never stored or redirected with.</summary>
    public (string Email, string Password)? ResetResult { get; private set; }

    public string? Message { get; private set; }

    /// <summary>Part of a name or an email: only the accounts that match are listed.</summary>
    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Search { get; set; }

    /// <summary>The account whose password reset waits for the administrator's confirmation.</summary>
    public UserRow? ConfirmingReset { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid? confirmReset)
    {
        await LoadAsync();
        if (confirmReset is { } id)
        {
            ConfirmingReset = Rows.FirstOrDefault(r => r.Id == id);
            if (ConfirmingReset is null)
            {
                return NotFound();
            }
        }

        return Page();
    }

    public async Task<IActionResult> OnPostDeactivateAsync(Guid id) => await ChangeActivationAsync(id, deactivate: true);

    public async Task<IActionResult> OnPostReactivateAsync(Guid id) => await ChangeActivationAsync(id, deactivate: false);

    private async Task<IActionResult> ChangeActivationAsync(Guid id, bool deactivate)
    {
        var administrator = await scope.CurrentAdministratorAsync(User);
        if (await scope.FindManagedAsync(administrator, id) is not { } user)
        {
            return NotFound();
        }

        if (user.Id == administrator.Id)
        {
            // Never one's own account: the last administrator must not lock everyone out.
            return BadRequest();
        }

        if (deactivate)
        {
            await accounts.DeactivateAsync(user, administrator.Id);
        }
        else
        {
            await accounts.ReactivateAsync(user, administrator.Id);
        }

        return Redirect($"/admin/users?q={Uri.EscapeDataString(Search ?? string.Empty)}#user-{id}");
    }

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
        if (!string.IsNullOrWhiteSpace(Search))
        {
            // In memory: names are in Kazakh and Russian, which the databases' own case folding (SQLite's) does not fold.
            var term = Search.Trim();
            managed = [.. managed.Where(u => Matches(u.DisplayName, term) || Matches(u.Email, term))];
        }

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
                sessionCounts.GetValueOrDefault(user.Id),
                user.DeactivatedAtUtc is not null,
                user.Id == administrator.Id));
        }

        Rows = rows;
    }

    private static bool Matches(string? text, string term) =>
        text is not null && System.Globalization.CultureInfo.CurrentCulture.CompareInfo.IndexOf(text, term, System.Globalization.CompareOptions.IgnoreCase) >= 0;

    public sealed record UserRow(
        Guid Id,
        string DisplayName,
        string Email,
        Domain.LocalizedName? Organisation,
        IReadOnlyList<string> Roles,
        bool SecondFactor,
        bool LockedOut,
        int Sessions,
        bool Deactivated,
        bool IsSelf);
}
