using System.Threading.RateLimiting;

namespace Qorgau.Web.Infrastructure.Nodes;

/// <summary>
/// A sliding-window limit of the built-in rate limiter whose count lives in the database
/// (<see cref="SharedCounter"/>), so that every app node enforces one limit. It holds no state of its
/// own: the synchronous attempt always defers to the asynchronous one, which asks the database.
/// </summary>
public sealed class SharedWindowLimiter(SharedCounter counter, string subject, int permits, TimeSpan window) : RateLimiter
{
    /// <summary>Stateless, so the partitioned limiter may drop it at once.</summary>
    public override TimeSpan? IdleDuration => TimeSpan.MaxValue;

    public override RateLimiterStatistics? GetStatistics() => null;

    protected override RateLimitLease AttemptAcquireCore(int permitCount) => SharedLease.Deferred;

    protected override async ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken)
    {
        if (permitCount == 0)
        {
            return SharedLease.Admitted;
        }

        var retryAfter = await counter.TryTakeAsync(subject, permits, window, cancellationToken);
        return retryAfter is null ? SharedLease.Admitted : new SharedLease(false, retryAfter);
    }

    private sealed class SharedLease(bool acquired, TimeSpan? retryAfter) : RateLimitLease
    {
        public static readonly SharedLease Admitted = new(true, null);

        /// <summary>Not acquired without metadata: the middleware then waits for the asynchronous attempt.</summary>
        public static readonly SharedLease Deferred = new(false, null);

        public override bool IsAcquired => acquired;

        public override IEnumerable<string> MetadataNames => retryAfter is null ? [] : [MetadataName.RetryAfter.Name];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = retryAfter;
            return retryAfter is not null && metadataName == MetadataName.RetryAfter.Name;
        }
    }
}
