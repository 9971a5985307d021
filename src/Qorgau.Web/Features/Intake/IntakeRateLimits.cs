using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;

namespace Qorgau.Web.Features.Intake;

/// <summary>
/// Limits on the two public doors that cost the server an Argon2id derivation: filing a complaint and
/// opening a receipt. Each has a limit per client address and one across all clients, so that a
/// single client cannot guess receipts quickly and a crowd of clients cannot either. A refused request
/// gets 429 with Retry-After, as a page or as problem details; nothing needs JavaScript.
/// </summary>
public static class IntakeRateLimits
{
    public static IServiceCollection AddIntakeRateLimits(this IServiceCollection services, IntakeOptions limits)
    {
        services.AddRateLimiter(o =>
        {
            o.GlobalLimiter = PartitionedRateLimiter.CreateChained(
                PartitionedRateLimiter.Create<HttpContext, string>(c => Partition(c, limits, perClient: true)),
                PartitionedRateLimiter.Create<HttpContext, string>(c => Partition(c, limits, perClient: false)));
            o.OnRejected = RejectAsync;
        });
        return services;
    }

    /// <summary>"filing", "receipt" or null for requests that are not limited here.</summary>
    public static string? DoorOf(HttpRequest request)
    {
        if (!HttpMethods.IsPost(request.Method))
        {
            return null;
        }

        var path = request.Path;
        if (path.Equals("/complaint", StringComparison.OrdinalIgnoreCase) || path.Equals("/api/v1/complaints", StringComparison.OrdinalIgnoreCase))
        {
            return "filing";
        }

        var isReceiptSignIn = (path.Equals("/receipt", StringComparison.OrdinalIgnoreCase) && !request.Query.ContainsKey("handler"))
            || path.Equals("/api/v1/receipt/session", StringComparison.OrdinalIgnoreCase);
        return isReceiptSignIn ? "receipt" : null;
    }

    private static RateLimitPartition<string> Partition(HttpContext context, IntakeOptions limits, bool perClient)
    {
        var door = DoorOf(context.Request);
        if (door is null)
        {
            return RateLimitPartition.GetNoLimiter(string.Empty);
        }

        var client = perClient ? context.Connection.RemoteIpAddress?.ToString() ?? "unknown" : "*";
        var (permits, window) = (door, perClient) switch
        {
            ("filing", true) => (limits.FilingsPerClient, TimeSpan.FromMinutes(limits.FilingWindowMinutes)),
            ("filing", false) => (limits.FilingsPerMinute, TimeSpan.FromMinutes(1)),
            (_, true) => (limits.ReceiptAttemptsPerClient, TimeSpan.FromMinutes(limits.ReceiptWindowMinutes)),
            _ => (limits.ReceiptAttemptsPerMinute, TimeSpan.FromMinutes(1)),
        };
        return RateLimitPartition.GetFixedWindowLimiter($"{door}:{client}", _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = permits,
            Window = window,
            QueueLimit = 0,
        });
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
