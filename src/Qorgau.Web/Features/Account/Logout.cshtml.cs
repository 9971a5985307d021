using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Qorgau.Data;
using Qorgau.Domain.Audit;
using Qorgau.Web.Infrastructure.Audit;
using Qorgau.Web.Infrastructure.Security;

namespace Qorgau.Web.Features.Account;

/// <summary>Signing out: a POST (with the anti-forgery token) so that no link or image can end a session.</summary>
public sealed class LogoutModel(SignInManager<StaffUser> signIn, StaffKeySession keySession, AuditLog audit) : PageModel
{
    public IActionResult OnGet() => Redirect("/");

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var user = await signIn.UserManager.GetUserAsync(User);
        await keySession.EndAsync(cancellationToken);
        await signIn.SignOutAsync();
        if (user is not null)
        {
            await audit.WriteAsync(new AuditEvent("logout", user.Id, user.OrganisationId), cancellationToken);
        }

        return Redirect("/");
    }
}
