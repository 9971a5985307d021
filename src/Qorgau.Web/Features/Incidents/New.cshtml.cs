using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Qorgau.Domain.Facilities;
using Qorgau.Web.Features.Care;
using Qorgau.Web.Features.Facilities;
using Qorgau.Web.Infrastructure.Localisation;
using Qorgau.Web.Infrastructure.Security;

namespace Qorgau.Web.Features.Incidents;

/// <summary>Records an incident: kind, date, facility, linked cases, the inquiry's state and the narrative under the incident's own key.</summary>
[Authorize(Policy = StaffAuthentication.CaseWorkPolicy)]
public sealed class NewModel(IncidentRegister register, FacilityRegistry facilities, IStringLocalizer<SharedResource> localizer) : PageModel
{
    [BindProperty]
    public IncidentForm Incident { get; set; } = new();

    /// <summary>Set when the member or the organisation has no key pair yet: nothing can be sealed.</summary>
    public bool NoKeys { get; private set; }

    public IReadOnlyList<Facility> Facilities { get; private set; } = [];

    public DateOnly Today => register.Today;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await register.MemberAsync(User) is null)
        {
            return Forbid();
        }

        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (await register.MemberAsync(User) is not { } member)
        {
            return Forbid();
        }

        var (incident, problems) = await register.RecordAsync(member, Incident, cancellationToken);
        if (incident is not null)
        {
            return Redirect($"/incidents/{incident.Id}");
        }

        ProblemText.AddTo(ModelState, localizer, ProblemArea.Care, problems);
        NoKeys = problems.Count == 0;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken) =>
        Facilities = await facilities.ChoicesAsync(activeOnly: true, cancellationToken);
}
