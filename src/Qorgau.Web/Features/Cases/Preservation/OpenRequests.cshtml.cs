using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Qorgau.Data;
using Qorgau.Web.Infrastructure.Security;

namespace Qorgau.Web.Features.Cases.Preservation;

/// <summary>The organisation's preservation requests still open, those past their deadline first.</summary>
[Authorize(Policy = StaffAuthentication.CaseWorkPolicy)]
public sealed class OpenRequestsModel(UserManager<StaffUser> users, VideoPreservation preservation, VisibleCases visible) : PageModel
{
    public IReadOnlyList<OpenPreservation> Requests { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await users.GetUserAsync(User) is not { OrganisationId: { } organisationId } user)
        {
            return Forbid();
        }

        var visibility = await visible.ForAsync(user.Id, cancellationToken);
        Requests = [.. (await preservation.OpenForOrganisationAsync(organisationId, visibility, cancellationToken)).OrderByDescending(r => r.IsOverdue).ThenBy(r => r.Request.DueOn)];
        return Page();
    }
}
