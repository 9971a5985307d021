using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using Qorgau.Web.Infrastructure.Nodes;

namespace Qorgau.Web.Features.Intake;

/// <summary>
/// Limits on the two public doors that cost the server an Argon2id derivation: filing a complaint and
/// opening a receipt. Each has a limit per client address and one across all clients, so that a
/// single client cannot guess receipts quickly and a crowd of clients cannot either. The windows slide
/// and are counted in the database (<see cref="SharedWindowLimiter"/>): every app node enforces the same
/// limit. A refused request gets 429 with Retry-After, as a page or as problem details; nothing needs
/// JavaScript.
/// </summary>
public static class IntakeRateLimits
{
    public static IServiceCollection AddIntakeRateLimits(this IServiceCollection services, IntakeOptions limits)
    {
        services.AddRateLimiter(o =>
        {
            o.GlobalLimiter = PartitionedRateLimiter.CreateChained(
                PartitionedRateLimiter.Create<HttpContext, string>(c => Partition(c, limits, perClient: true)),
                PartitionedRateLimiter.Create<HttpContext, string>(c => Partition(c, limits, perClient: false)),
                PartitionedRateLimiter.Create<HttpContext, string>(c => Statistics.PublicStatisticsRateLimit.Partition(c, limits.StatisticsRequestsPerClient)));
            o.OnRejected = RejectAsync;
        });
        return services;
    }

    /// <summary>
    /// "filing", "receipt" or null for requests that are not limited here. Decided by the endpoint the
    /// request was routed to (its <see cref="IntakeDoorAttribute"/>), so that no spelling of the address
    /// (a trailing slash, another case) reaches the same endpoint unlimited. Nothing else the client
    /// chooses (query, headers, body) takes part: only the method, which selects the handler.
    /// </summary>
    public static string? DoorOf(HttpContext context) =>
        HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method)
            ? null
            : context.GetEndpoint()?.Metadata.GetMetadata<IntakeDoorAttribute>()?.Door;

    private static RateLimitPartition<string> Partition(HttpContext context, IntakeOptions limits, bool perClient)
    {
        var door = DoorOf(context);
        if (door is null)
        {
            return RateLimitPartition.GetNoLimiter(string.Empty);
        }

        var client = perClient ? context.Connection.RemoteIpAddress?.ToString() ?? "unknown" : "*";
        var (permits, window) = (door, perClient) switch
        {
            (IntakeDoorAttribute.Filing, true) => (limits.FilingsPerClient, TimeSpan.FromMinutes(limits.FilingWindowMinutes)),
            (IntakeDoorAttribute.Filing, false) => (limits.FilingsPerMinute, TimeSpan.FromMinutes(1)),
            (_, true) => (limits.ReceiptAttemptsPerClient, TimeSpan.FromMinutes(limits.ReceiptWindowMinutes)),
            _ => (limits.ReceiptAttemptsPerMinute, TimeSpan.FromMinutes(1)),
        };
        var counter = context.RequestServices.GetRequiredService<SharedCounter>();
        return RateLimitPartition.Get($"intake:{door}:{client}", subject => new SharedWindowLimiter(counter, subject, permits, window));
    }

    private static async ValueTask RejectAsync(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var context = rejected.HttpContext;
        var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1);
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
        context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        if (context.Request.Path.StartsWithSegments("/api"))
        {
            var localizer = context.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();
            await Results.Problem(
                    localizer["Api.TooManyAttempts", seconds],
                    statusCode: StatusCodes.Status429TooManyRequests,
                    title: localizer["Api.TooManyAttemptsTitle"])
                .ExecuteAsync(context);
        }

        // Pages: the status-code page re-executes /error/429 in the visitor's language.
    }
}

/// <summary>Marks an endpoint or page whose POST costs an Argon2id derivation and is rate-limited (see <see cref="IntakeRateLimits"/>).</summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class IntakeDoorAttribute(string door) : Attribute
{
    public const string Filing = "filing";
    public const string Receipt = "receipt";

    public string Door { get; } = door;
}
