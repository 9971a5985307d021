using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;
using Qorgau.Domain;
using Qorgau.Domain.Facilities;
using Qorgau.Domain.Profiles;

namespace Qorgau.Web.Features.Facilities;

public static class FacilityEndpoints
{
    public static RouteGroupBuilder MapFacilityEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/facilities", ListFacilities)
            .WithName("ListFacilities")
            .WithSummary("The facility registry, optionally filtered by region (ISO 3166-2 code) and facility type code.");
        return api;
    }

    public static async Task<Results<Ok<FacilityResponse[]>, ValidationProblem>> ListFacilities(
        string? region,
        string? type,
        FacilityRegistry registry,
        JurisdictionProfile profile,
        IStringLocalizer<SharedResource> localizer,
        CancellationToken cancellationToken)
    {
        var filter = new FacilityFilter(region, type);
        var errors = filter.Validate(profile, localizer);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: localizer["Api.InvalidQuery"]);
        }

        var facilities = await registry.ListAsync(filter, cancellationToken);
        return TypedResults.Ok(facilities.Select(FacilityResponse.From).ToArray());
    }
}

public sealed record FacilityResponse(
    string Code,
    LocalizedName Names,
    string Type,
    string Agency,
    string Region,
    string? Address,
    int Capacity,
    int VideoRooms,
    bool Active)
{
    public static FacilityResponse From(Facility f) =>
        new(f.Code, f.Name, f.TypeCode, f.AgencyCode, f.RegionCode, f.Address, f.Capacity, f.VideoRooms, f.IsActive);
}
