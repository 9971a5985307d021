using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Qorgau.Data;
using Qorgau.Domain;
using Qorgau.Domain.Facilities;
using Qorgau.Domain.Monitoring;
using Qorgau.Web.Features.Facilities;
using Qorgau.Web.Infrastructure.Security;

namespace Qorgau.Web.Features.Monitoring;

/// <summary>Plans a visit: facility, type, window and a team of monitors the independence guard accepts.</summary>
[Authorize(Policy = StaffAuthentication.CaseWorkPolicy)]
public sealed class NewModel(MonitoringWork work, FacilityRegistry facilities, IStringLocalizer<SharedResource> localizer) : PageModel
{
    [BindProperty]
    public PlanForm Plan { get; set; } = new();

    public IReadOnlyDictionary<string, string> Problems { get; private set; } = new Dictionary<string, string>();

    public IReadOnlyList<Facility> Facilities { get; private set; } = [];

    public IReadOnlyList<StaffUser> Monitors { get; private set; } = [];

    public DateOnly Today => work.Today;

    /// <summary>The form; from a case ("?case=" its public number) it proposes an urgent visit to the case's facility.</summary>
    public async Task<IActionResult> OnGetAsync([FromQuery(Name = "case")] string? fromCase, CancellationToken cancellationToken)
    {
        if (await work.MemberAsync(User) is not { } member)
        {
            return Forbid();
        }

        if (!string.IsNullOrWhiteSpace(fromCase))
        {
            await ProposeFromCaseAsync(member, fromCase, cancellationToken);
        }

        await LoadAsync(member, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (await work.MemberAsync(User) is not { } member)
        {
            return Forbid();
        }

        var (visit, problems) = await work.PlanAsync(member, Plan, cancellationToken);
        if (visit is not null)
        {
            return Redirect($"/visits/{visit.Id}");
        }

        Problems = MonitoringText.Problems(localizer, problems);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        await LoadAsync(member, cancellationToken);
        return Page();
    }

    private async Task ProposeFromCaseAsync(MonitoringMember member, string publicId, CancellationToken cancellationToken)
    {
        var problems = new List<Problem>();
        var record = await work.CaseForVisitAsync(member, publicId, problems, cancellationToken);
        if (record is not null)
        {
            problems.AddRange(MonitoringRules.CheckFromCase(record.IsUrgent, VisitType.Urgent));
            Plan.Case = record.PublicId;
            Plan.Type = MonitoringText.Code(VisitType.Urgent);
            Plan.Facility = await facilities.CodeOfAsync(record.FacilityId, cancellationToken);
            Plan.PlannedFrom = Plan.PlannedTo = work.Today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        }

        Problems = MonitoringText.Problems(localizer, problems);
    }

    private async Task LoadAsync(MonitoringMember member, CancellationToken cancellationToken)
    {
        Facilities = await facilities.ChoicesAsync(activeOnly: true, cancellationToken);
        Monitors = await work.MonitorsAsync(member.User.OrganisationId!.Value, cancellationToken);
    }
}
