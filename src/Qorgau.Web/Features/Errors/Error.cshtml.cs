using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Qorgau.Web.Features.Errors;

/// <summary>
/// The friendly page for 404, 500 and any other error status. It shows the status code and nothing
/// about the request or the failure: no path, no query, no stack trace.
/// </summary>
[IgnoreAntiforgeryToken]
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
public sealed class ErrorModel : PageModel
{
    public int ErrorStatus { get; private set; }

    public bool IsNotFound => ErrorStatus == StatusCodes.Status404NotFound;

    /// <summary>A streamed form without a valid antiforgery token (see <c>StreamingForm</c>).</summary>
    public bool IsFormRefused { get; private set; }

    public void OnGet(int? code) => Show(code);

    public void OnPost(int? code) => Show(code);

    private void Show(int? code)
    {
        // Re-executed after an exception, the handler has already set the status the exception calls for.
        var exception = HttpContext.Features.Get<Microsoft.AspNetCore.Diagnostics.IExceptionHandlerFeature>();
        var reExecuted = exception is not null || HttpContext.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodeReExecuteFeature>() is not null;
        var status = code ?? Response.StatusCode;
        ErrorStatus = status is >= 400 and <= 599 ? status : StatusCodes.Status404NotFound;
        IsFormRefused = exception?.Error is Infrastructure.Forms.FormTokenRefusedException;

        // Asked for directly (/error/500), the page shows what that error would say, as a page that is
        // not there: a client cannot make the app answer a server error by naming one.
        Response.StatusCode = reExecuted ? ErrorStatus : StatusCodes.Status404NotFound;
    }
}
