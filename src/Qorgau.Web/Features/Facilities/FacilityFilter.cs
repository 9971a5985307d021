using Microsoft.Extensions.Localization;
using Qorgau.Domain.Profiles;

namespace Qorgau.Web.Features.Facilities;

/// <summary>The registry's filter, as the API and the public page accept it: codes checked against the profile.</summary>
public sealed record FacilityFilter(string? Region, string? Type)
{
    /// <summary>Each bad field with a message in the request's language; empty when the filter is usable.</summary>
    public Dictionary<string, string[]> Validate(JurisdictionProfile profile, IStringLocalizer<SharedResource> localizer)
    {
        var errors = new Dictionary<string, string[]>();
        if (!string.IsNullOrEmpty(Region) && profile.FindRegion(Region) is null)
        {
            errors["region"] = [localizer["Facilities.UnknownRegion", Region]];
        }

        if (!string.IsNullOrEmpty(Type) && profile.FindFacilityType(Type) is null)
        {
            errors["type"] = [localizer["Facilities.UnknownType", Type]];
        }

        return errors;
    }
}
