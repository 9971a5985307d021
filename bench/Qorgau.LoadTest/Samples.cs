using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;

namespace Qorgau.LoadTest;

/// <summary>One request of the mixed load or the node comparison: its kind, when it was sent and answered (since the load started), and whether the answer was the expected one.</summary>
internal sealed record Sample(string Kind, TimeSpan Sent, TimeSpan Answered, string Outcome, bool Ok)
{
    public TimeSpan Latency => Answered - Sent;
}

/// <summary>Collects the samples of every client, timed on one clock; sends a request and records it.</summary>
internal sealed class Recorder
{
    private readonly ConcurrentQueue<Sample> _samples = new();
    private readonly Stopwatch _clock = Stopwatch.StartNew();

    public TimeSpan Elapsed => _clock.Elapsed;

    public IReadOnlyList<Sample> Samples => [.. _samples];

    /// <summary>Sends the request, reads the whole answer, records it; the body when the status is the expected one.</summary>
    public async Task<string?> SendAsync(HttpClient client, string kind, HttpRequestMessage request, HttpStatusCode expected, CancellationToken cancellationToken)
    {
        var sent = _clock.Elapsed;
        string outcome;
        string? body = null;
        try
        {
            using var response = await client.SendAsync(request, cancellationToken);
            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            outcome = ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture);
            body = response.StatusCode == expected ? text : null;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            outcome = e.GetType().Name;
        }
        finally
        {
            request.Dispose();
        }

        _samples.Enqueue(new Sample(kind, sent, _clock.Elapsed, outcome, body is not null));
        return body;
    }
}

/// <summary>The samples of one kind answered inside a window: count, rate, errors, latency percentiles.</summary>
internal sealed record KindStatistics(string Kind, int Count, int Errors, double PerSecond, TimeSpan P50, TimeSpan P99, TimeSpan Max, IReadOnlyList<(string Outcome, int Count)> ErrorOutcomes)
{
    public static IReadOnlyList<KindStatistics> Of(IEnumerable<Sample> samples, TimeSpan windowStart, TimeSpan windowEnd) =>
        [.. samples.Where(s => s.Answered >= windowStart && s.Answered <= windowEnd)
            .GroupBy(s => s.Kind)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => From(g.Key, [.. g], windowEnd - windowStart))];

    private static KindStatistics From(string kind, IReadOnlyList<Sample> samples, TimeSpan window)
    {
        var latencies = samples.Select(s => s.Latency).Order().ToList();
        var errors = samples.Where(s => !s.Ok).GroupBy(s => s.Outcome).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => (g.Key, g.Count())).ToList();
        return new KindStatistics(kind, samples.Count, samples.Count(s => !s.Ok), samples.Count(s => s.Ok) / window.TotalSeconds,
            Percentile(latencies, 0.50), Percentile(latencies, 0.99), latencies.Count == 0 ? TimeSpan.Zero : latencies[^1], errors);
    }

    /// <summary>Nearest rank.</summary>
    private static TimeSpan Percentile(List<TimeSpan> sorted, double p) =>
        sorted.Count == 0 ? TimeSpan.Zero : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];
}
