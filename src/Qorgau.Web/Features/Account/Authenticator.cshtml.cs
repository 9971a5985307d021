using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Qorgau.Data;
using Qorgau.Domain.Audit;
using Qorgau.Web.Infrastructure.Audit;
using Qorgau.Web.Infrastructure.Security;
using QRCoder;

namespace Qorgau.Web.Features.Account;

/// <summary>
/// Enrolling the mandatory second factor: the authenticator key as a QR code rendered on the server
/// (and as text), a code to prove it works, then ten recovery codes shown once.
/// </summary>
[Authorize]
public sealed class AuthenticatorModel(
    UserManager<StaffUser> users,
    SignInManager<StaffUser> signIn,
    AuditLog audit,
    IStringLocalizer<SharedResource> localizer) : PageModel
{
    private const string Issuer = "Qorgau";

    [BindProperty]
    public CodeInput Input { get; set; } = new();

    public string SharedKey { get; private set; } = string.Empty;

    public string QrCodeDataUri { get; private set; } = string.Empty;

    public IReadOnlyList<string> RecoveryCodes { get; private set; } = [];

    public bool AlreadyEnrolled { get; private set; }

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() is { } redirect ? redirect : Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (await LoadAsync() is { } redirect)
        {
            return redirect;
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var user = (await users.GetUserAsync(User))!;
        var code = new string([.. Input.Code.Where(char.IsDigit)]);
        if (!await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code))
        {
            ModelState.AddModelError("Input.Code", localizer["Login.WrongCode"]);
            return Page();
        }

        await users.SetTwoFactorEnabledAsync(user, true);
        RecoveryCodes = [.. await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 10) ?? []];
        await audit.WriteAsync(new AuditEvent("second-factor.enrolled", user.Id, user.OrganisationId, "user", user.Id.ToString()), cancellationToken);
        await signIn.SignInWithClaimsAsync(user, isPersistent: false, [new Claim(StaffAuthentication.MfaClaimType, StaffAuthentication.MfaClaimValue)]);
        return Page();
    }

    /// <summary>Fills the page; a redirect when the user must do something else first.</summary>
    private async Task<IActionResult?> LoadAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return RedirectToPage("Login");
        }

        if (user.MustChangePassword)
        {
            return RedirectToPage("ChangePassword");
        }

        AlreadyEnrolled = user.TwoFactorEnabled && User.HasSecondFactor();
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            await users.ResetAuthenticatorKeyAsync(user);
            key = await users.GetAuthenticatorKeyAsync(user) ?? string.Empty;
        }

        SharedKey = string.Join(' ', key.Chunk(4).Select(c => new string(c))).ToLowerInvariant();
        var uri = $"otpauth://totp/{Uri.EscapeDataString(Issuer)}:{Uri.EscapeDataString(user.Email ?? user.Id.ToString())}?secret={key}&issuer={Uri.EscapeDataString(Issuer)}&digits=6";
        QrCodeDataUri = "data:image/png;base64," + Convert.ToBase64String(PngByteQRCodeHelper.GetQRCode(uri, QRCodeGenerator.ECCLevel.M, 6));
        return null;
    }

    public sealed class CodeInput
    {
        [Required(ErrorMessage = "Validation.Required")]
        [StringLength(12, ErrorMessage = "Validation.TooLong")]
        [Display(Name = "Login.Code")]
        public string Code { get; set; } = string.Empty;
    }
}
