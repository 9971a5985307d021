using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Qorgau.Data;
using Qorgau.Domain;
using Qorgau.Domain.Facilities;
using Qorgau.Domain.Intake;
using Qorgau.Domain.Monitoring;
using Qorgau.Web.Infrastructure.Security;

namespace Qorgau.Web.Features.Monitoring;

/// <summary>The organisation's recommendations and where each stands, the overdue ones flagged. No text here: it is on the visit.</summary>
[Authorize(Policy = StaffAuthentication.CaseWorkPolicy)]
public sealed class RecommendationsModel(MonitoringWork work, QorgauDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Status { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool Overdue { get; set; }

    public IReadOnlyList<(Recommendation Recommendation, Facility Facility, bool IsOverdue)> Items { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await work.MemberAsync(User) is not { } member)
        {
            return Forbid();
        }

        var query = work.VisibleRecommendations(member.Viewer).AsNoTracking();
        if (EnumCode.Parse<RecommendationStatus>(Status) is { } status)
        {
            query = query.Where(r => r.Status == status);
        }

        var today = work.Today;
        if (Overdue)
        {
            query = query.Where(r => r.DueOn < today && r.Status != RecommendationStatus.Implemented && r.Status != RecommendationStatus.Rejected);
        }

        var rows = await query.OrderBy(r => r.DueOn).Take(500).Join(db.Facilities, r => r.FacilityId, f => f.Id, (r, f) => new { r, f }).ToListAsync(cancellationToken);
        Items = [.. rows.Select(x => (x.r, x.f, RecommendationRules.IsOverdue(x.r.Status, x.r.DueOn, today)))];
        return Page();
    }
}
