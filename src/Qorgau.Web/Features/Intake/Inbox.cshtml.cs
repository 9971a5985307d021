using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Qorgau.Data;
using Qorgau.Domain.Cases;
using Qorgau.Domain.Facilities;
using Qorgau.Web.Features.Cases;
using Qorgau.Web.Infrastructure.Security;

namespace Qorgau.Web.Features.Intake;

/// <summary>An organisation's new complaints: the classification only, in clear; opening one is the case page's job.</summary>
[Authorize(Policy = StaffAuthentication.CaseWorkPolicy)]
public sealed class InboxModel(UserManager<StaffUser> users, QorgauDbContext db, VisibleCases visible) : PageModel
{
    public const int PageSize = 50;

    public IReadOnlyList<Case> Cases { get; private set; } = [];

    public IReadOnlyDictionary<Guid, Facility> Facilities { get; private set; } = new Dictionary<Guid, Facility>();

    public int UnreadCount { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        if (await users.GetUserAsync(User) is not { OrganisationId: { } organisationId } user)
        {
            return;
        }

        var inbox = await visible.FilterAsync(user.Id, db.Cases.AsNoTracking().Where(c => c.OrganisationId == organisationId && c.Status == CaseStatus.Received), cancellationToken);
        UnreadCount = await inbox.CountAsync(c => c.FirstReadAtUtc == null, cancellationToken);
        Cases = await inbox.OrderByDescending(c => c.IsUrgent).ThenByDescending(c => c.ReceivedOn).ThenByDescending(c => c.ReceivedSequence).Take(PageSize).ToListAsync(cancellationToken);
        var facilityIds = Cases.Where(c => c.FacilityId is not null).Select(c => c.FacilityId!.Value).Distinct().ToList();
        Facilities = await db.Facilities.AsNoTracking().Where(f => facilityIds.Contains(f.Id)).ToDictionaryAsync(f => f.Id, cancellationToken);
    }
}
