using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Qorgau.Data;
using Qorgau.Domain.Facilities;
using Qorgau.Web.Features.Facilities;
using Qorgau.Web.Infrastructure.Security;

namespace Qorgau.Web.Features.Monitoring;

/// <summary>The organisation's visits the member may see: plans only for their team and supervisors; a list showing plans is audited.</summary>
[Authorize(Policy = StaffAuthentication.CaseWorkPolicy)]
public sealed class IndexModel(MonitoringWork work, FacilityRegistry facilities, QorgauDbContext db, IStringLocalizer<SharedResource> localizer) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Facility { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Status { get; set; }

    public IReadOnlyList<VisitRow> Visits { get; private set; } = [];

    public IReadOnlyList<Facility> Facilities { get; private set; } = [];

    public IReadOnlyDictionary<string, string> Problems { get; private set; } = new Dictionary<string, string>();

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await work.MemberAsync(User) is not { } member)
        {
            return Forbid();
        }

        Facilities = await facilities.ChoicesAsync(activeOnly: false, cancellationToken);
        var (filter, problems) = await VisitFilter.ParseAsync(Request.Query, db, cancellationToken);
        if (problems.Count > 0)
        {
            Problems = problems.ToDictionary(p => p.Key, p => localizer[$"Monitoring.Problem.{p.Value}"].Value);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        Visits = await work.ListAsync(member, filter, "page", cancellationToken);
        return Page();
    }
}
