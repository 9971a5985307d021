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

/// <summary>Staff sign-in, first step: email and password. Failures are counted towards lockout and audited.</summary>
public sealed class LoginModel(
    SignInManager<StaffUser> signIn,
    StaffKeySession keySession,
    AuditLog audit,
    IOptions<SecurityOptions> security,
    IStringLocalizer<SharedResource> localizer) : PageModel
{
    [BindProperty]
    public LoginInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var user = await signIn.UserManager.FindByEmailAsync(Input.Email);
        if (user is null)
        {
            // Same work as a wrong password, so response time does not tell which emails have accounts.
            signIn.UserManager.PasswordHasher.VerifyHashedPassword(new StaffUser { DisplayName = string.Empty }, UnknownAccountHash(security.Value), Input.Password);
            await audit.WriteAsync(new AuditEvent("login.failed", Details: "reason=unknown-account"), cancellationToken);
            return Refuse(localizer["Login.Wrong"]);
        }

        var result = await signIn.PasswordSignInAsync(user, Input.Password, isPersistent: false, lockoutOnFailure: true);
        if (result.IsLockedOut)
        {
            await audit.WriteAsync(new AuditEvent("login.locked", SubjectType: "user", SubjectId: user.Id.ToString()), cancellationToken);
            return Refuse(localizer["Login.LockedOut", security.Value.LockoutMinutes]);
        }

        if (!result.Succeeded && !result.RequiresTwoFactor)
        {
            await audit.WriteAsync(new AuditEvent("login.failed", SubjectType: "user", SubjectId: user.Id.ToString(), Details: "reason=password"), cancellationToken);
            return Refuse(localizer["Login.Wrong"]);
        }

        // The password is the only moment the private key can be unwrapped: open the key session now.
        await keySession.StartAsync(user, Input.Password, cancellationToken);
        if (result.RequiresTwoFactor)
        {
            return RedirectToPage("LoginTwoFactor", new { ReturnUrl });
        }

        // Password accepted but no second factor yet: the session may only change the password and enrol one.
        await audit.WriteAsync(new AuditEvent("login.password-only", user.Id, user.OrganisationId), cancellationToken);
        return user.MustChangePassword ? RedirectToPage("ChangePassword") : RedirectToPage("Authenticator");
    }

    private static string? _unknownAccountHash;

    private static string UnknownAccountHash(SecurityOptions options) =>
        _unknownAccountHash ??= Domain.Security.Argon2.Hash(Guid.NewGuid().ToString(), options.PasswordCost);

    private PageResult Refuse(string message)
    {
        ModelState.AddModelError(string.Empty, message);
        return Page();
    }

    public sealed class LoginInput
    {
        [Required(ErrorMessage = "Validation.Required")]
        [EmailAddress(ErrorMessage = "Validation.Email")]
        [Display(Name = "Login.Email")]
        public string Email { get; set; } = string.Empty;

        [Required(ErrorMessage = "Validation.Required")]
        [DataType(DataType.Password)]
        [Display(Name = "Login.Password")]
        public string Password { get; set; } = string.Empty;
    }
}
