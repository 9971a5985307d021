using System.Diagnostics.Metrics;

namespace Qorgau.CaseListBench;

/// <summary>
/// EF Core's compiled-query cache counters (meter "Microsoft.EntityFrameworkCore"): a miss means EF Core
/// translated the LINQ query again, which would be a cost the hand-written side never pays.
/// </summary>
internal sealed class EfQueryCache : IDisposable
{
    private const string Hits = "microsoft.entityframeworkcore.compiled_query_cache_hits";
    private const string Misses = "microsoft.entityframeworkcore.compiled_query_cache_misses";

    private readonly MeterListener _listener = new();
    private long _hits;
    private long _misses;

    public EfQueryCache()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == "Microsoft.EntityFrameworkCore" && instrument.Name is Hits or Misses)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, _, _) =>
        {
            if (instrument.Name == Hits)
            {
                _hits = value;
            }
            else
            {
                _misses = value;
            }
        });
        _listener.Start();
    }

    /// <summary>The cumulative hits and misses so far.</summary>
    public (long Hits, long Misses) Read()
    {
        _listener.RecordObservableInstruments();
        return (_hits, _misses);
    }

    public void Dispose() => _listener.Dispose();
}
