using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Qorgau.Data;
using Qorgau.Domain.Facilities;
using Qorgau.Domain.Monitoring;
using Qorgau.Domain.Profiles;
using Qorgau.Web.Infrastructure.Security;

namespace Qorgau.Web.Features.Monitoring;

/// <summary>
/// A facility as the organisation's staff know it: the visits they may see (plans only for the team and
/// supervisors), the access refused, the incidents recorded, and the recommendations with their
/// implementation rate, its complaint boxes and video rooms. Classification only; the public registry page keeps showing what is public.
/// </summary>
[Authorize(Policy = StaffAuthentication.CaseWorkPolicy)]
public sealed class DossierModel(MonitoringWork work, BoxRegister boxes, VideoRoomWork videoRooms, QorgauDbContext db, JurisdictionProfile profile) : PageModel
{
    public Facility Facility { get; private set; } = null!;

    public JurisdictionProfile Profile => profile;

    public IReadOnlyList<VisitRow> Visits { get; private set; } = [];

    public IReadOnlyList<(AccessRequest Request, MonitoringVisit Visit)> Refusals { get; private set; } = [];

    public IReadOnlyList<(RecommendationStatus Status, int Count)> ByStatus { get; private set; } = [];

    public int Overdue { get; private set; }

    public decimal? ImplementationRate { get; private set; }

    public int Incidents { get; private set; }

    public IReadOnlyList<BoxRow> Boxes { get; private set; } = [];

    /// <summary>The latest check of each of the facility's video rooms.</summary>
    public IReadOnlyList<VideoRoomCheck> VideoRooms { get; private set; } = [];

    public VideoCoverage Coverage { get; private set; } = null!;

    public Domain.Statistics.ReferenceSeries? Claim => videoRooms.Claim;

    public int RequiredRetentionDays => videoRooms.RequiredRetentionDays;

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken cancellationToken)
    {
        if (await work.MemberAsync(User) is not { } member)
        {
            return Forbid();
        }

        if (await db.Facilities.AsNoTracking().FirstOrDefaultAsync(f => f.Code == code, cancellationToken) is not { } facility)
        {
            return NotFound();
        }

        Facility = facility;
        Visits = await work.ListAsync(member, new VisitFilter(facility.Id, null, null, null), "dossier", cancellationToken);
        var visible = work.Visible(member.Viewer).Where(v => v.FacilityId == facility.Id);
        Refusals = [.. (await db.AccessRequests.AsNoTracking().Where(a => a.Outcome == AccessOutcome.Refused)
            .Join(visible, a => a.VisitId, v => v.Id, (a, v) => new { a, v }).ToListAsync(cancellationToken))
            .OrderByDescending(x => x.a.RecordedAtUtc).Select(x => (x.a, x.v))];
        var recommendations = await work.VisibleRecommendations(member.Viewer).AsNoTracking().Where(r => r.FacilityId == facility.Id)
            .Select(r => new { r.Status, r.DueOn }).ToListAsync(cancellationToken);
        ByStatus = [.. recommendations.GroupBy(r => r.Status).OrderBy(g => g.Key).Select(g => (g.Key, g.Count()))];
        Overdue = recommendations.Count(r => RecommendationRules.IsOverdue(r.Status, r.DueOn, work.Today));
        ImplementationRate = RecommendationRules.ImplementationRate([.. recommendations.Select(r => r.Status)]);
        Incidents = await db.Incidents.CountAsync(i => i.FacilityId == facility.Id && i.OrganisationId == member.User.OrganisationId, cancellationToken);
        Boxes = await boxes.ListAsync(member, facility.Id, cancellationToken);
        VideoRooms = await videoRooms.OfFacilityAsync(member, facility.Id, cancellationToken);
        Coverage = await videoRooms.CoverageAsync(member, cancellationToken);
        return Page();
    }
}
