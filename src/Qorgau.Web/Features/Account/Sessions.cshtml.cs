using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Qorgau.Data;
using Qorgau.Domain.Audit;
using Qorgau.Web.Infrastructure.Audit;
using Qorgau.Web.Infrastructure.Security;

namespace Qorgau.Web.Features.Account;

/// <summary>The staff member's open sessions, each of which can be ended from here.</summary>
[Authorize(Policy = StaffAuthentication.StaffPolicy)]
public sealed class SessionsModel(UserManager<StaffUser> users, StaffKeySession keySession, AuditLog audit) : PageModel
{
    public IReadOnlyList<StaffSession> Sessions { get; private set; } = [];

    public Guid? CurrentSessionId => keySession.CurrentSessionId;

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Sessions = await keySession.ListAsync(CurrentUserId(), cancellationToken);

    public async Task<IActionResult> OnPostRevokeAsync(Guid id, CancellationToken cancellationToken)
    {
        var userId = CurrentUserId();
        if (await keySession.RevokeAsync(userId, id, cancellationToken))
        {
            await audit.WriteAsync(new AuditEvent("session.revoked", userId, SubjectType: "session", SubjectId: id.ToString()), cancellationToken);
        }

        return RedirectToPage();
    }

    private Guid CurrentUserId() => Guid.Parse(users.GetUserId(User)!);
}
