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

/// <summary>
/// Staff sign-in, first step: email and password. Failures are audited and throttled per account and per
/// address (<see cref="SignInThrottle"/>); an unknown email, a wrong password and a throttled or locked
/// account get the same message after the same work, so the page tells nobody which accounts exist.
/// </summary>
public sealed class LoginModel(
    SignInManager<StaffUser> signIn,
    StaffKeySession keySession,
    SignInThrottle throttle,
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

        var address = HttpContext.Connection.RemoteIpAddress?.ToString();
        if (await throttle.IsThrottledAsync(Input.Email, address, cancellationToken))
        {
            // Refused before the password is checked and without its cost: no guess is tested while the
            // limit lasts. Unknown emails are throttled alike, so this tells nothing about accounts.
            await audit.WriteAsync(new AuditEvent("login.throttled"), cancellationToken);
            return await RefuseAsync(slowly: false);
        }

        var user = await signIn.UserManager.FindByEmailAsync(Input.Email);
        if (user is null)
        {
            await throttle.RecordFailureAsync(Input.Email, address, cancellationToken);
            await audit.WriteAsync(new AuditEvent("login.failed", Details: "reason=unknown-account"), cancellationToken);
            return await RefuseAsync(slowly: true);
        }

        if (user.DeactivatedAtUtc is not null)
        {
            // The same refusal as an unknown account: a person who left is not told more than a stranger.
            await audit.WriteAsync(new AuditEvent("login.failed", SubjectType: "user", SubjectId: user.Id.ToString(), Details: "reason=deactivated"), cancellationToken);
            return await RefuseAsync(slowly: true);
        }

        var result = await signIn.PasswordSignInAsync(user, Input.Password, isPersistent: false, lockoutOnFailure: false);
        if (result.IsLockedOut)
        {
            // Locked by failed second-factor codes (someone who has the password).
            await audit.WriteAsync(new AuditEvent("login.locked", SubjectType: "user", SubjectId: user.Id.ToString()), cancellationToken);
            return await RefuseAsync(slowly: true);
        }

        if (!result.Succeeded && !result.RequiresTwoFactor)
        {
            await throttle.RecordFailureAsync(Input.Email, address, cancellationToken);
            await audit.WriteAsync(new AuditEvent("login.failed", SubjectType: "user", SubjectId: user.Id.ToString(), Details: "reason=password"), cancellationToken);
            return await RefuseAsync(slowly: false);
        }

        await throttle.ForgetAsync(Input.Email, cancellationToken);
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

    /// <summary>The one refusal. <paramref name="slowly"/>: the password was not checked, so do the same work as if it had been.</summary>
    private Task<PageResult> RefuseAsync(bool slowly)
    {
        if (slowly)
        {
            signIn.UserManager.PasswordHasher.VerifyHashedPassword(new StaffUser { DisplayName = string.Empty }, UnknownAccountHash(security.Value), Input.Password);
        }

        ModelState.AddModelError(string.Empty, localizer["Login.Refused", security.Value.LockoutMinutes]);
        return Task.FromResult(Page());
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
