using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Qorgau.Data;
using Qorgau.Web.Infrastructure.Security;

namespace Qorgau.Web.Features.Staff;

/// <summary>
/// For an organisation's key holders: give a colleague back access to their cases after a password
/// reset, and make another colleague a key holder. Both use the holder's own key, open in this session.
/// </summary>
[Authorize(Policy = StaffAuthentication.StaffPolicy)]
public sealed class KeyHolderModel(UserManager<StaffUser> users, QorgauDbContext db, StaffKeySession keySession, CaseKeyring keyring) : PageModel
{
    public bool IsKeyHolder { get; private set; }

    public IReadOnlyList<Member> Members { get; private set; } = [];

    /// <summary>Set after an action: the number of cases restored, or the name of the new key holder.</summary>
    public string? Outcome { get; private set; }

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostRestoreAsync(Guid id) =>
        await ActAsync(id, async (holder, privateKey, member) =>
            (await keyring.RestoreAccessAsync(member, holder.Id, privateKey)).ToString(System.Globalization.CultureInfo.InvariantCulture));

    public async Task<IActionResult> OnPostPromoteAsync(Guid id) =>
        await ActAsync(id, async (holder, privateKey, member) =>
        {
            await keyring.AddKeyHolderAsync(holder.OrganisationId!.Value, member, holder.Id, privateKey);
            return member.DisplayName;
        });

    private async Task<IActionResult> ActAsync(Guid memberId, Func<StaffUser, byte[], StaffUser, Task<string>> action)
    {
        var holder = await LoadAsync();
        var member = holder is null ? null : await db.Users.FirstOrDefaultAsync(u => u.Id == memberId && u.OrganisationId == holder.OrganisationId);
        var privateKey = holder is null ? null : await keySession.GetPrivateKeyAsync(holder.Id);
        if (!IsKeyHolder || member is null || privateKey is null)
        {
            return NotFound();
        }

        Outcome = await action(holder!, privateKey, member);
        await LoadAsync();
        return Page();
    }

    private async Task<StaffUser?> LoadAsync()
    {
        var holder = await users.GetUserAsync(User);
        if (holder?.OrganisationId is not { } organisationId)
        {
            return holder;
        }

        var holders = await db.OrganisationKeyHolders.AsNoTracking().Where(h => h.OrganisationId == organisationId).Select(h => h.UserId).ToListAsync();
        IsKeyHolder = holders.Contains(holder.Id);
        Members = await db.Users.AsNoTracking()
            .Where(u => u.OrganisationId == organisationId && u.Id != holder.Id)
            .OrderBy(u => u.DisplayName)
            .Select(u => new Member(u.Id, u.DisplayName, u.Email ?? string.Empty, holders.Contains(u.Id)))
            .ToListAsync();
        return holder;
    }

    public sealed record Member(Guid Id, string DisplayName, string Email, bool IsKeyHolder);
}
