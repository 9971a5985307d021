using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Qorgau.Data;
using Qorgau.Domain.Cases;
using Qorgau.Domain.Facilities;
using Qorgau.Domain.Monitoring;
using Qorgau.Domain.Organisations;
using Qorgau.Domain.Preservation;
using Qorgau.Domain.Profiles;
using Qorgau.Web.Infrastructure.Security;

namespace Qorgau.Web.Features.Cases.Preservation;

/// <summary>
/// A case's requests to keep interview-room video: the deadline, the letter to print, and each
/// step (sent, footage secured, refused, overwritten). Holds no case content, so it opens no key.
/// </summary>
[Authorize(Policy = StaffAuthentication.CaseWorkPolicy)]
public sealed class PreservationModel(
    QorgauDbContext db,
    StaffCaseAccess access,
    VideoPreservation preservation,
    JurisdictionProfile profile,
    IStringLocalizer<SharedResource> localizer) : CasePageModel(access)
{
    public IReadOnlyList<PreservationRequest> Requests { get; private set; } = [];

    public IReadOnlyDictionary<Guid, Facility> Facilities { get; private set; } = new Dictionary<Guid, Facility>();

    /// <summary>Per facility, the latest check of each video room found by the member's organisation's visits.</summary>
    public IReadOnlyDictionary<Guid, IReadOnlyList<VideoRoomCheck>> VideoChecks { get; private set; } = new Dictionary<Guid, IReadOnlyList<VideoRoomCheck>>();

    public int RetentionDays => profile.FindDeadline(VideoRoomRules.RetentionCode)?.Days ?? 0;

    public DateOnly Today => preservation.Today;

    [BindProperty]
    public Guid RequestId { get; set; }

    [BindProperty]
    public string? Status { get; set; }

    [BindProperty]
    public string? On { get; set; }

    /// <summary>The problem of the last status change, shown next to that request's form.</summary>
    public string? Problem { get; private set; }

    public async Task<IActionResult> OnGetAsync(string publicId, CancellationToken cancellationToken) =>
        await FindAsync(publicId, cancellationToken) ? await ShowAsync(cancellationToken) : NotFound();

    public async Task<IActionResult> OnPostAsync(string publicId, CancellationToken cancellationToken)
    {
        if (!await FindAsync(publicId, cancellationToken))
        {
            return NotFound();
        }

        var status = PreservationRules.ParseStatus(Status);
        var on = string.IsNullOrWhiteSpace(On) ? Today : ParseDate(On);
        var problem = status is null ? "status-unknown" : on is null ? "date-invalid"
            : await preservation.ChangeStatusAsync(Case, RequestId, status.Value, on.Value, Member.Id, cancellationToken);
        if (problem is null)
        {
            return Redirect($"/cases/{Case.PublicId}/preservation#request-{RequestId}");
        }

        if (problem == "not-found")
        {
            return NotFound();
        }

        Problem = localizer[$"Preservation.Problem.{problem}"];
        Response.StatusCode = problem == "not-allowed-now" ? StatusCodes.Status409Conflict : StatusCodes.Status400BadRequest;
        return await ShowAsync(cancellationToken);
    }

    private async Task<IActionResult> ShowAsync(CancellationToken cancellationToken)
    {
        var record = Case;
        Requests = await preservation.ForCaseAsync(record.Id, cancellationToken);
        var facilityIds = Requests.Select(r => r.FacilityId).Distinct().ToList();
        Facilities = await db.Facilities.AsNoTracking().Where(f => facilityIds.Contains(f.Id)).ToDictionaryAsync(f => f.Id, cancellationToken);
        VideoChecks = await VideoChecksAsync(facilityIds, Member.OrganisationId, cancellationToken);
        return Page();
    }

    /// <summary>
    /// The checks made on visits of the member's own organisation that have started: exactly the visits its
    /// members see (<see cref="VisitVisibility.MaySee"/>; checks are recorded only under way), so a plan, and
    /// another organisation's visit, tell nothing here. Monitoring uses Cases, so the query is written here.
    /// </summary>
    private async Task<IReadOnlyDictionary<Guid, IReadOnlyList<VideoRoomCheck>>> VideoChecksAsync(List<Guid> facilityIds, Guid? organisationId, CancellationToken cancellationToken)
    {
        var checks = await db.VideoRoomChecks.AsNoTracking()
            .Where(c => facilityIds.Contains(c.FacilityId) && db.MonitoringVisits.Any(v => v.Id == c.VisitId && v.OrganisationId == organisationId && v.Status != VisitStatus.Planned))
            .ToListAsync(cancellationToken);
        return checks.GroupBy(c => c.FacilityId)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<VideoRoomCheck>)[.. VideoRoomRules.Latest(g).OrderBy(c => c.Room, StringComparer.Ordinal)]);
    }

    private static DateOnly? ParseDate(string text) =>
        DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var date) ? date : null;
}
