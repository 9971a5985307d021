using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Qorgau.Data;
using Qorgau.Domain.Organisations;
using Qorgau.Domain.Profiles;
using Qorgau.Web.Infrastructure.Security;

namespace Qorgau.Web.Features.Admin;

/// <summary>Setting one account's roles.</summary>
[Authorize(Policy = StaffAuthentication.AdministratorPolicy)]
public sealed class RolesModel(AdminScope scope, StaffAccounts accounts, UserManager<StaffUser> users, JurisdictionProfile profile, IStringLocalizer<SharedResource> localizer) : PageModel
{
    [BindProperty]
    public List<string> Roles { get; set; } = [];

    [BindProperty]
    public string? Affiliation { get; set; }

    public StaffUser? Account { get; private set; }

    public AffiliationField AffiliationField => new(nameof(Affiliation), Account?.AffiliationAgencyCode ?? Affiliation, ModelState[nameof(Affiliation)]?.Errors.FirstOrDefault()?.ErrorMessage, Fixed: Account?.AffiliationAgencyCode is not null);

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        var administrator = await scope.CurrentAdministratorAsync(User);
        Account = await scope.FindManagedAsync(administrator, id);
        if (Account is null)
        {
            return NotFound();
        }

        Roles = [.. await users.GetRolesAsync(Account)];
        Affiliation = Account.AffiliationAgencyCode;
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
        }

        if (!AffiliationField.IsValid(profile, Affiliation) || Affiliation?.Length > 64)
        {
            ModelState.AddModelError(nameof(Affiliation), localizer["Admin.Affiliation.Unknown"]);
        }
        else if (Account.AffiliationAgencyCode is { } recorded && AffiliationField.Normalise(Affiliation) != recorded)
        {
            ModelState.AddModelError(nameof(Affiliation), localizer["Admin.Affiliation.Fixed"]);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        if (Account.Id == administrator.Id && !Roles.Contains(StaffRole.Administrator))
        {
            ModelState.AddModelError(nameof(Roles), localizer["Admin.Roles.KeepOwnAdministrator"]);
            return Page();
        }

        await accounts.SetRolesAsync(Account, Roles, administrator.Id);
        await accounts.SetAffiliationAsync(Account, AffiliationField.Normalise(Affiliation), administrator.Id);
        return Redirect("/admin/users");
    }
}
