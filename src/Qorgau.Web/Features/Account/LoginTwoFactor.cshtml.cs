using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Qorgau.Data;
using Qorgau.Domain.Audit;
using Qorgau.Web.Infrastructure.Audit;
using Qorgau.Web.Infrastructure.Security;

namespace Qorgau.Web.Features.Account;

/// <summary>Staff sign-in, second step: a code from the authenticator app, or one of the recovery codes.</summary>
public sealed class LoginTwoFactorModel(
    SignInManager<StaffUser> signIn,
    AuditLog audit,
    IOptions<SecurityOptions> security,
    IStringLocalizer<SharedResource> localizer) : PageModel
{
    [BindProperty]
    public TwoFactorInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public async Task<IActionResult> OnGetAsync() =>
        await signIn.GetTwoFactorAuthenticationUserAsync() is null ? RedirectToPage("Login") : Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var user = await signIn.GetTwoFactorAuthenticationUserAsync();
        if (user is null)
        {
            return RedirectToPage("Login");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var code = new string([.. Input.Code.Where(char.IsLetterOrDigit)]);
        var result = code.Length == 6
            ? await signIn.TwoFactorAuthenticatorSignInAsync(code, isPersistent: false, rememberClient: false)
            : await signIn.TwoFactorRecoveryCodeSignInAsync(Input.Code.Trim());
        if (result.Succeeded)
        {
            await audit.WriteAsync(new AuditEvent(code.Length == 6 ? "login.succeeded" : "login.recovery-code", user.Id, user.OrganisationId), cancellationToken);
            return user.MustChangePassword ? RedirectToPage("ChangePassword") : Redirect(string.IsNullOrEmpty(ReturnUrl) ? await HomeAsync(user) : SafeReturnUrl(ReturnUrl));
        }

        await audit.WriteAsync(new AuditEvent("login.failed", SubjectType: "user", SubjectId: user.Id.ToString(), Details: "reason=second-factor"), cancellationToken);
        ModelState.AddModelError(string.Empty, result.IsLockedOut ? localizer["Login.LockedOut", security.Value.LockoutMinutes] : localizer["Login.WrongCode"]);
        return Page();
    }

    /// <summary>Where a staff member lands after signing in: an analyst (who reads no case) in the statistics workspace, everyone else on the staff page.</summary>
    private async Task<string> HomeAsync(StaffUser user)
    {
        var roles = await signIn.UserManager.GetRolesAsync(user);
        return Statistics.WorkspaceModel.IsHome(roles.Contains) ? Statistics.WorkspaceModel.Home : SafeReturnUrl(null);
    }

    internal static string SafeReturnUrl(string? returnUrl) => Domain.Security.ReturnUrls.SafeLocal(returnUrl);

    public sealed class TwoFactorInput
    {
        [Required(ErrorMessage = "Validation.Required")]
        [StringLength(40, ErrorMessage = "Validation.TooLong")]
        [Display(Name = "Login.Code")]
        public string Code { get; set; } = string.Empty;
    }
}
