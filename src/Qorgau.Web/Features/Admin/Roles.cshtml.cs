using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Qorgau.Data;
using Qorgau.Domain.Organisations;
using Qorgau.Web.Infrastructure.Security;

namespace Qorgau.Web.Features.Admin;

/// <summary>Setting one account's roles.</summary>
[Authorize(Policy = StaffAuthentication.AdministratorPolicy)]
public sealed class RolesModel(AdminScope scope, StaffAccounts accounts, UserManager<StaffUser> users, IStringLocalizer<SharedResource> localizer) : PageModel
{
    [BindProperty]
    public List<string> Roles { get; set; } = [];

    public StaffUser? Account { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        var administrator = await scope.CurrentAdministratorAsync(User);
        Account = await scope.FindManagedAsync(administrator, id);
        if (Account is null)
        {
            return NotFound();
        }

        Roles = [.. await users.GetRolesAsync(Account)];
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        var administrator = await scope.CurrentAdministratorAsync(User);
        Account = await scope.FindManagedAsync(administrator, id);
        if (Account is null)
        {
            return NotFound();
        }

        if (Roles.Count == 0 || Roles.Any(r => !StaffRole.All.Contains(r)))
        {
            ModelState.AddModelError(nameof(Roles), localizer["Admin.NewUser.ChooseRole"]);
            return Page();
        }

        if (Account.Id == administrator.Id && !Roles.Contains(StaffRole.Administrator))
        {
            ModelState.AddModelError(nameof(Roles), localizer["Admin.Roles.KeepOwnAdministrator"]);
            return Page();
        }

        await accounts.SetRolesAsync(Account, Roles, administrator.Id);
        return Redirect("/admin/users");
    }
}
