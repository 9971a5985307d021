using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Qorgau.Domain.Facilities;
using Qorgau.Domain.Profiles;

namespace Qorgau.Web.Features.Facilities;

/// <summary>The public facility registry, filtered with a plain GET form so it works without JavaScript.</summary>
public sealed class IndexModel(FacilityRegistry registry, JurisdictionProfile profile, IStringLocalizer<SharedResource> localizer) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Region { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Type { get; set; }

    public JurisdictionProfile Profile => profile;

    public string? RegionError { get; private set; }

    public string? TypeError { get; private set; }

    public IReadOnlyList<Facility> Facilities { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        if (!string.IsNullOrEmpty(Region) && profile.FindRegion(Region) is null)
        {
            RegionError = localizer["Facilities.UnknownRegion", Region];
        }

        if (!string.IsNullOrEmpty(Type) && profile.FindFacilityType(Type) is null)
        {
            TypeError = localizer["Facilities.UnknownType", Type];
        }

        if (RegionError is null && TypeError is null)
        {
            Facilities = await registry.ListAsync(Region, Type, cancellationToken);
        }
    }
}
