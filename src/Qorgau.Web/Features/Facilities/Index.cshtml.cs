using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Qorgau.Domain.Facilities;
using Qorgau.Domain.Profiles;

namespace Qorgau.Web.Features.Facilities;

/// <summary>The public facility registry, filtered with a plain GET form so it works without JavaScript.</summary>
public sealed class IndexModel(FacilityRegistry registry, JurisdictionProfile profile, IStringLocalizer<SharedResource> localizer) : PageModel
{
    private Dictionary<string, string[]> _errors = [];

    [BindProperty(SupportsGet = true)]
    public string? Region { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Type { get; set; }

    public JurisdictionProfile Profile => profile;

    public string? RegionError => _errors.GetValueOrDefault("region")?[0];

    public string? TypeError => _errors.GetValueOrDefault("type")?[0];

    public IReadOnlyList<Facility> Facilities { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var filter = new FacilityFilter(Region, Type);
        _errors = filter.Validate(profile, localizer);
        if (_errors.Count == 0)
        {
            Facilities = await registry.ListAsync(filter, cancellationToken);
        }
    }
}
