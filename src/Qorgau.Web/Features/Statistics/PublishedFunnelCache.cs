using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Qorgau.Data;
using Qorgau.Domain.Profiles;

namespace Qorgau.Web.Features.Statistics;

/// <summary>
/// The published funnel tables of this node, reused while they are still right. Public figures count
/// only calendar years that have ended, so they change only when a change reaches into such a year
/// (<see cref="StatisticsStampInterceptor"/> then writes a new <see cref="StatisticsStamp"/>) or when a
/// year ends. A table is kept under the stamp read before it was computed and the current year in the
/// profile's time zone: a request that finds another stamp or another year computes afresh, on any node,
/// since the stamp lives in the database. Entries also expire after <see cref="Lifetime"/>, which bounds
/// how long a change made around the application (by hand in the database) can go unseen.
/// </summary>
public sealed class PublishedFunnelCache(TimeProvider clock)
{
    /// <summary>The longest an entry is served, whatever the stamp says.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(15);

    /// <summary>More tables than this (periods × breakdowns asked for) and the oldest go first.</summary>
    public const int Capacity = 256;

    private readonly ConcurrentDictionary<FunnelQuery, Entry> _tables = new();

    /// <summary>Whether the query is one the public sees (every organisation, no filter, no cross-tabulation): only those are kept.</summary>
    public static bool Keeps(FunnelQuery query) =>
        query.OrganisationId is null && query.Cross is null && query.Region is null && query.FacilityType is null && query.Agency is null;

    /// <summary>The table of <paramref name="query"/>, from this node's memory when still right, otherwise from <paramref name="compute"/>.</summary>
    public async Task<FunnelTable> GetAsync(QorgauDbContext db, JurisdictionProfile profile, FunnelQuery query, Func<Task<FunnelTable>> compute, CancellationToken cancellationToken)
    {
        // Read before computing: a change committed meanwhile makes the next request see a newer stamp.
        var stamp = await db.StatisticsStamps.AsNoTracking().Where(s => s.Id == StatisticsStamp.RowId).Select(s => s.Value).FirstOrDefaultAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var year = JurisdictionTime.DateOf(JurisdictionTime.ZoneOf(profile), now.UtcDateTime).Year;
        if (_tables.TryGetValue(query, out var kept) && kept.Stamp == stamp && kept.Year == year && now - kept.At < Lifetime)
        {
            return kept.Table;
        }

        var table = await compute();
        Trim();
        _tables[query] = new Entry(stamp, year, now, table);
        return table;
    }

    private void Trim()
    {
        if (_tables.Count < Capacity)
        {
            return;
        }

        foreach (var old in _tables.OrderBy(t => t.Value.At).Take(_tables.Count - Capacity + 1).ToList())
        {
            _tables.TryRemove(old);
        }
    }

    private sealed record Entry(Guid Stamp, int Year, DateTimeOffset At, FunnelTable Table);
}
