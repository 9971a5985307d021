using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;
using Qorgau.Domain.Profiles;

namespace Qorgau.Web.Features.Statistics;

/// <summary>The public statistics API: no sign-in, every number through disclosure control.</summary>
public static class FunnelEndpoints
{
    public const string FunnelUrl = "/api/v1/stats/funnel";

    public static RouteGroupBuilder MapFunnelEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/stats/funnel", GetFunnel)
            .AllowAnonymous()
            .WithMetadata(new PublicStatisticsAttribute())
            .WithTags("Statistics (public)")
            .WithName("GetFunnel")
            .WithSummary("The accountability funnel: cases that first reached each stage in the period (from, to: yyyy-MM-dd, widened to whole calendar years and cut at the last year that has ended; default the last ten), by year, region, facilityType, agency, sex, ageBand or investigatingBody. Counts under the profile's threshold, and the counts that would let one be recovered, are null and named in 'suppressed'. Definitions: docs/statistics.md.")
            .Produces<FunnelResponse>()
            .ProducesValidationProblem();
        return api;
    }

    public static async Task<Results<Ok<FunnelResponse>, ValidationProblem>> GetFunnel(
        string? from,
        string? to,
        string? by,
        FunnelStatistics statistics,
        JurisdictionProfile profile,
        TimeProvider clock,
        IStringLocalizer<SharedResource> localizer,
        CancellationToken cancellationToken)
    {
        var (query, errors) = FunnelQuery.Parse(from, to, by, JurisdictionTime.DateOf(JurisdictionTime.ZoneOf(profile), clock.GetUtcNow().UtcDateTime), localizer);
        if (query is null)
        {
            return TypedResults.ValidationProblem(errors, title: localizer["Api.InvalidQuery"]);
        }

        var table = await statistics.PublishAsync(query, cancellationToken);
        return TypedResults.Ok(FunnelResponse.Of(table));
    }
}

/// <summary>
/// The funnel as the API publishes it; <c>values</c> maps each stage code to its count, null where suppressed;
/// <c>links</c> is how many links between two organisations' cases were confirmed in the period (each pair counted once), null under the threshold.
/// </summary>
public sealed record FunnelResponse(DateOnly From, DateOnly To, string By, int Threshold, IReadOnlyList<string> Stages, IReadOnlyList<FunnelRow> Rows, FunnelRow Total, long? Links = null)
{
    public static FunnelResponse Of(FunnelTable table) =>
        new(table.Period.From, table.Period.To, FunnelQuery.CodeOf(table.By), table.Threshold, table.Stages, table.Rows, table.Total, table.Links);
}
