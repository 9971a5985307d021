using System.Threading.RateLimiting;
using Qorgau.Web.Infrastructure.Nodes;

namespace Qorgau.Web.Features.Statistics;

/// <summary>
/// The limit on the public statistics (the pages, the funnel and reference API, the open data files):
/// requests per client address per minute, counted in the database like the intake doors'
/// (<see cref="SharedWindowLimiter"/>), so that two nodes give one limit. A table not in the cache costs
/// seconds of database work on a large installation; one client cannot ask for periods one after another
/// faster than this. Chained to the built-in limiter with the intake doors' limits, refused as they are (429, Retry-After).
/// </summary>
public static class PublicStatisticsRateLimit
{
    public static RateLimitPartition<string> Partition(HttpContext context, int requestsPerMinute)
    {
        if (context.GetEndpoint()?.Metadata.GetMetadata<PublicStatisticsAttribute>() is null)
        {
            return RateLimitPartition.GetNoLimiter(string.Empty);
        }

        var client = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        var counter = context.RequestServices.GetRequiredService<SharedCounter>();
        return RateLimitPartition.Get($"statistics:{client}", subject => new SharedWindowLimiter(counter, subject, requestsPerMinute, TimeSpan.FromMinutes(1)));
    }
}

/// <summary>Marks a public statistics page or endpoint, every method of it rate-limited per client (<see cref="PublicStatisticsRateLimit"/>).</summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class PublicStatisticsAttribute : Attribute;
