using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Qorgau.Domain;
using Qorgau.Domain.Care;
using Qorgau.Domain.Facilities;
using Qorgau.Domain.Intake;
using Qorgau.Web.Features.Care;
using Qorgau.Web.Features.Facilities;
using Qorgau.Web.Infrastructure.Security;

namespace Qorgau.Web.Features.Incidents;

/// <summary>The organisation's incident register, filtered by facility, kind and state of the inquiry. No narrative here.</summary>
[Authorize(Policy = StaffAuthentication.CaseWorkPolicy)]
public sealed class IndexModel(IncidentRegister register, FacilityRegistry facilities) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Facility { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Kind { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Inquiry { get; set; }

    public IReadOnlyList<Incident> Incidents { get; private set; } = [];

    public IReadOnlyList<Facility> Facilities { get; private set; } = [];

    public IReadOnlyDictionary<Guid, Facility> FacilityById { get; private set; } = new Dictionary<Guid, Facility>();

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await register.MemberAsync(User) is not { } member)
        {
            return Forbid();
        }

        Facilities = await facilities.ChoicesAsync(activeOnly: false, cancellationToken);
        FacilityById = Facilities.ToDictionary(f => f.Id);
        var facilityId = Facilities.FirstOrDefault(f => f.Code == Facility)?.Id;
        var unknownFacility = !string.IsNullOrEmpty(Facility) && facilityId is null;
        Incidents = unknownFacility
            ? []
            : await register.ListAsync(member.OrganisationId!.Value, facilityId, EnumCode.Parse<IncidentKind>(Kind), EnumCode.Parse<InquiryState>(Inquiry), cancellationToken);
        return Page();
    }
}
