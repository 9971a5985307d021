using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using Qorgau.Data;
using Qorgau.Domain.Audit;
using Qorgau.Domain.Security;
using Qorgau.Web.Infrastructure.Audit;
using Qorgau.Web.Infrastructure.Security;

namespace Qorgau.Web.Features.Account;

/// <summary>Changing one's password; required before anything else after a one-time password.</summary>
[Authorize]
public sealed class ChangePasswordModel(UserManager<StaffUser> users, SignInManager<StaffUser> signIn, StaffKeySession keySession, AuditLog audit, IOptions<SecurityOptions> security) : PageModel
{
    [BindProperty]
    public ChangePasswordInput Input { get; set; } = new();

    public bool MustChange { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return RedirectToPage("Login");
        }

        MustChange = user.MustChangePassword;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return RedirectToPage("Login");
        }

        MustChange = user.MustChangePassword;
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var result = await users.ChangePasswordAsync(user, Input.CurrentPassword, Input.NewPassword);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                var field = error.Code == "PasswordMismatch" ? "Input.CurrentPassword" : "Input.NewPassword";
                ModelState.AddModelError(field, error.Description);
            }

            return Page();
        }

        var leavingOneTimePassword = user.MustChangePassword;
        user.MustChangePassword = false;
        if (leavingOneTimePassword)
        {
            // The administrator knew the one-time password, so could unwrap a key wrapped under it from a
            // copy of the database: the member's own password gets a pair the administrator never saw.
            StaffKeySession.Store(user, UserKeys.Create(user.Id, Input.NewPassword, security.Value.PasswordCost).Keys);
        }
        else
        {
            StaffKeySession.Rewrap(user, Input.CurrentPassword, Input.NewPassword, security.Value.PasswordCost);
        }

        await users.UpdateAsync(user);
        await audit.WriteAsync(new AuditEvent("password.changed", user.Id, user.OrganisationId, "user", user.Id.ToString()), cancellationToken);
        if (leavingOneTimePassword)
        {
            // Every session opened with the one-time password (by whoever knew it) ends; this one starts on the new key.
            await keySession.RevokeAllAsync(user.Id, cancellationToken);
            await keySession.StartAsync(user, Input.NewPassword, cancellationToken);
        }

        var hadSecondFactor = User.HasSecondFactor();
        await signIn.RefreshSignInAsync(user);
        return hadSecondFactor ? Redirect("/staff") : RedirectToPage("Authenticator");
    }

    public sealed class ChangePasswordInput
    {
        [Required(ErrorMessage = "Validation.Required")]
        [DataType(DataType.Password)]
        [Display(Name = "Password.Current")]
        public string CurrentPassword { get; set; } = string.Empty;

        [Required(ErrorMessage = "Validation.Required")]
        [StringLength(200, MinimumLength = 12, ErrorMessage = "Validation.Length")]
        [DataType(DataType.Password)]
        [Display(Name = "Password.New")]
        public string NewPassword { get; set; } = string.Empty;

        [Required(ErrorMessage = "Validation.Required")]
        [Compare(nameof(NewPassword), ErrorMessage = "Password.Mismatch")]
        [DataType(DataType.Password)]
        [Display(Name = "Password.Confirm")]
        public string ConfirmPassword { get; set; } = string.Empty;
    }
}
