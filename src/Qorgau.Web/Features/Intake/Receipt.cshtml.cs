using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Qorgau.Web.Features.Intake;

/// <summary>Opening a case with the receipt alone. The session lives in a cookie sent only to /receipt pages of this site.</summary>
[IntakeDoor(IntakeDoorAttribute.Receipt)]
public sealed class ReceiptModel(ReceiptSessions sessions, IStringLocalizer<SharedResource> localizer) : PageModel
{
    [BindProperty]
    public string? ReceiptText { get; set; }

    public string? Problem { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var receipt = Domain.Intake.Receipt.Normalize(ReceiptText);
        if (receipt is null)
        {
            Problem = localizer["Receipt.Malformed"];
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        var session = await sessions.StartAsync(receipt, cancellationToken);
        if (session is null)
        {
            Problem = localizer["Receipt.Wrong"];
            Response.StatusCode = StatusCodes.Status401Unauthorized;
            return Page();
        }

        Response.Cookies.Append(ReceiptSessions.CookieName, session.Token, new CookieOptions
        {
            HttpOnly = true,
            Secure = Request.IsHttps,
            SameSite = SameSiteMode.Strict,
            Path = "/receipt",
            Expires = session.ExpiresAt,
            IsEssential = true,
        });
        return Redirect("/receipt/case");
    }
}
