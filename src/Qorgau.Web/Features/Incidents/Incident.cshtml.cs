using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Qorgau.Data;
using Qorgau.Domain;
using Qorgau.Domain.Care;
using Qorgau.Domain.Cases;
using Qorgau.Domain.Facilities;
using Qorgau.Web.Features.Care;
using Qorgau.Web.Infrastructure.Localisation;
using Qorgau.Web.Infrastructure.Security;

namespace Qorgau.Web.Features.Incidents;

/// <summary>One incident of the organisation's register: the narrative (audited), linked cases, the inquiry's state.</summary>
[Authorize(Policy = StaffAuthentication.CaseWorkPolicy)]
public sealed class IncidentModel(IncidentRegister register, QorgauDbContext db, IStringLocalizer<SharedResource> localizer) : PageModel
{
    [BindProperty]
    public string? Inquiry { get; set; }

    [BindProperty]
    public IncidentForm Link { get; set; } = new();

    public Incident Incident { get; private set; } = null!;

    public Facility? Facility { get; private set; }

    public string? Narrative { get; private set; }

    public IReadOnlyList<Case> Cases { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) => await ShowAsync(id, cancellationToken);

    public async Task<IActionResult> OnPostInquiryAsync(Guid id, CancellationToken cancellationToken) =>
        await ChangeAsync(id, (member, incident) => register.ChangeInquiryAsync(member, incident, Inquiry, cancellationToken), cancellationToken);

    public async Task<IActionResult> OnPostLinkAsync(Guid id, CancellationToken cancellationToken) =>
        await ChangeAsync(id, (member, incident) => register.LinkCasesAsync(member, incident, Link, cancellationToken), cancellationToken);

    private async Task<IActionResult> ChangeAsync(Guid id, Func<StaffUser, Incident, Task<List<Problem>>> change, CancellationToken cancellationToken)
    {
        if (await register.MemberAsync(User) is not { } member || await register.FindAsync(member, id, cancellationToken) is not { } incident)
        {
            return NotFound();
        }

        var problems = await change(member, incident);
        if (problems.Count == 0)
        {
            return Redirect($"/incidents/{id}");
        }

        ProblemText.AddTo(ModelState, localizer, ProblemArea.Care, problems);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return await ShowAsync(id, cancellationToken);
    }

    private async Task<IActionResult> ShowAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await register.MemberAsync(User) is not { } member || await register.FindAsync(member, id, cancellationToken) is not { } incident)
        {
            return NotFound();
        }

        Incident = incident;
        Facility = await db.Facilities.AsNoTracking().FirstOrDefaultAsync(f => f.Id == incident.FacilityId, cancellationToken);
        Cases = await register.LinkedCasesAsync(member, incident.Id, cancellationToken);
        Narrative = await register.ReadNarrativeAsync(member, incident, cancellationToken);
        return Page();
    }
}
