using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Qorgau.Domain.Monitoring;
using Qorgau.Web.Infrastructure.Security;

namespace Qorgau.Web.Features.Monitoring;

/// <summary>
/// The report of a visit, to read or print (kk/ru/en): conditions of the visit (notice, times, interviews
/// counted), access asked and refused, registers, the conditions checklist, video rooms, findings and the recommendations issued.
/// Seen exactly as the visit is, and read as the visit is (audited <c>visit.read</c>). Interview notes stay
/// out of it: they tell who said what.
/// </summary>
[Authorize(Policy = StaffAuthentication.CaseWorkPolicy)]
public sealed class ReportModel(MonitoringWork work, VideoRoomWork videoRooms, ConditionsWork conditions) : PageModel
{
    public IReadOnlyList<ConditionRow> ConditionRows { get; private set; } = [];

    public VisitRecord Record { get; private set; } = null!;

    public IReadOnlyList<VideoRoomCheck> VideoRooms { get; private set; } = [];

    public string? LinkedCase { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await work.MemberAsync(User) is not { } member || await work.FindAsync(member, id, cancellationToken) is not { } visit)
        {
            return NotFound();
        }

        Record = await work.ReadAsync(member, visit, cancellationToken);
        VideoRooms = await videoRooms.OfVisitAsync(visit.Id, cancellationToken);
        ConditionRows = await conditions.OfVisitAsync(member, visit, cancellationToken);
        LinkedCase = await work.LinkedCaseAsync(member, visit, cancellationToken);
        return Page();
    }
}
