using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Qorgau.Data;
using Qorgau.Domain.Organisations;
using Qorgau.Domain.Profiles;
using Qorgau.Domain.Security;
using Qorgau.Web.Infrastructure.Security;

namespace Qorgau.Web.Features.Admin;

/// <summary>Creating a staff account; its one-time password is shown once, in the answer.</summary>
[Authorize(Policy = StaffAuthentication.AdministratorPolicy)]
public sealed class NewUserModel(AdminScope scope, StaffAccounts accounts, JurisdictionProfile profile, IStringLocalizer<SharedResource> localizer) : PageModel
{
    [BindProperty]
    public NewUserInput Input { get; set; } = new();

    public IReadOnlyList<Organisation> Organisations { get; private set; } = [];

    public (string Email, string Password)? Created { get; private set; }

    /// <summary>An organisation's administrator creates accounts of that organisation only: it is the form's choice, and no installation account is offered.</summary>
    public bool MayCreateInstallationAccounts { get; private set; }

    public async Task OnGetAsync()
    {
        await LoadAsync();
        var administrator = await scope.CurrentAdministratorAsync(User);
        Input.OrganisationId ??= administrator.OrganisationId;
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var administrator = await scope.CurrentAdministratorAsync(User);
        await LoadAsync();
        if (Input.OrganisationId is { } chosen && Organisations.All(o => o.Id != chosen))
        {
            ModelState.AddModelError("Input.OrganisationId", localizer["Admin.NewUser.OrganisationNotManaged"]);
        }

        if (Input.Roles.Count == 0 || Input.Roles.Any(r => !StaffRole.All.Contains(r)))
        {
            ModelState.AddModelError("Input.Roles", localizer["Admin.NewUser.ChooseRole"]);
        }

        if (!AffiliationField.IsValid(profile, Input.Affiliation))
        {
            ModelState.AddModelError("Input.Affiliation", localizer["Admin.Affiliation.Unknown"]);
        }

        if (administrator.OrganisationId is not null && Input.OrganisationId is null)
        {
            ModelState.AddModelError("Input.OrganisationId", localizer["Validation.Required", localizer["Admin.Users.Organisation"]]);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var password = OneTimePassword.New();
        var user = new StaffUser
        {
            UserName = Input.Email,
            Email = Input.Email,
            DisplayName = Input.DisplayName,
            OrganisationId = Input.OrganisationId,
            AffiliationAgencyCode = AffiliationField.Normalise(Input.Affiliation),
            MustChangePassword = true,
        };
        var result = await accounts.CreateAsync(user, password, Input.Roles, administrator.Id);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                ModelState.AddModelError(error.Code.Contains("Email", StringComparison.Ordinal) || error.Code.Contains("UserName", StringComparison.Ordinal) ? "Input.Email" : string.Empty, error.Description);
            }

            return Page();
        }

        Created = (Input.Email, password);
        Input = new NewUserInput();
        return Page();
    }

    private async Task LoadAsync()
    {
        var administrator = await scope.CurrentAdministratorAsync(User);
        Organisations = await scope.ManagedOrganisations(administrator).AsNoTracking().OrderBy(o => o.Code).ToListAsync();
        MayCreateInstallationAccounts = administrator.OrganisationId is null;
    }

    public sealed class NewUserInput
    {
        [Required(ErrorMessage = "Validation.Required")]
        [StringLength(200, ErrorMessage = "Validation.TooLong")]
        [Display(Name = "Admin.NewUser.DisplayName")]
        public string DisplayName { get; set; } = string.Empty;

        [Required(ErrorMessage = "Validation.Required")]
        [EmailAddress(ErrorMessage = "Validation.Email")]
        [StringLength(256, ErrorMessage = "Validation.TooLong")]
        [Display(Name = "Login.Email")]
        public string Email { get; set; } = string.Empty;

        [Display(Name = "Admin.Users.Organisation")]
        public Guid? OrganisationId { get; set; }

        [Display(Name = "Staff.Roles")]
        public List<string> Roles { get; set; } = [];

        [StringLength(64, ErrorMessage = "Validation.TooLong")]
        public string? Affiliation { get; set; }
    }

    public AffiliationField AffiliationField => new("Input.Affiliation", Input.Affiliation, ModelState["Input.Affiliation"]?.Errors.FirstOrDefault()?.ErrorMessage);
}
