using Qorgau.Domain.Profiles;

namespace Qorgau.Domain.Statistics;

/// <summary>A period of days in the profile's calendar, both ends included.</summary>
public sealed record StatisticsPeriod(DateOnly From, DateOnly To)
{
    public bool Contains(DateOnly day) => day >= From && day <= To;

    /// <summary>The last instant of <see cref="To"/> in the profile's time zone: the figures of the period are as of then.</summary>
    public DateTime EndUtc(TimeZoneInfo zone) => Cases.MetadataGrain.StartOfDayUtc(To.AddDays(1), zone).AddTicks(-1);

    public DateTime StartUtc(TimeZoneInfo zone) => Cases.MetadataGrain.StartOfDayUtc(From, zone);
}

/// <summary>How long cases took from receipt to a stage, in days: the median and the 90th percentile (nearest rank).</summary>
public sealed record StageTime(string Stage, int Cases, double? MedianDays, double? Percentile90Days);

/// <summary>
/// Counts cases per stage and key: a case counts in a stage when the day it first reached it (in the
/// profile's calendar) falls in the period, once. Merged duplicates count nowhere. The key may depend on
/// the day (by year) or on the case (by region...); a case whose key is unknown counts under <c>null</c>.
/// </summary>
public static class FunnelCounts
{
    public static Dictionary<(string? Key, string Stage), int> Count<TCase>(
        IEnumerable<(TCase Case, CaseStageRecord Stages)> cases,
        StatisticsPeriod period,
        TimeZoneInfo zone,
        Func<TCase, DateOnly, string?> key)
    {
        var counts = new Dictionary<(string? Key, string Stage), int>();
        foreach (var (item, stages) in cases)
        {
            if (stages.Merged)
            {
                continue;
            }

            foreach (var (stage, at) in stages.Stages)
            {
                var day = JurisdictionTime.DateOf(zone, at);
                if (period.Contains(day))
                {
                    var cell = (key(item, day), stage);
                    counts[cell] = counts.GetValueOrDefault(cell) + 1;
                }
            }
        }

        return counts;
    }

    /// <summary>Days from receipt to <paramref name="stage"/> for the cases that reached it within the period.</summary>
    public static StageTime TimeTo(IEnumerable<CaseStageRecord> cases, string stage, StatisticsPeriod period, TimeZoneInfo zone)
    {
        var days = new List<int>();
        foreach (var c in cases.Where(c => !c.Merged))
        {
            if (c.ReachedAt(FunnelStage.Received) is { } received && c.ReachedAt(stage) is { } reached && period.Contains(JurisdictionTime.DateOf(zone, reached)))
            {
                days.Add(JurisdictionTime.DateOf(zone, reached).DayNumber - JurisdictionTime.DateOf(zone, received).DayNumber);
            }
        }

        days.Sort();
        return new StageTime(stage, days.Count, Percentile(days, 0.5), Percentile(days, 0.9));
    }

    /// <summary>The nearest-rank percentile of sorted values: the smallest value with at least that share of values at or below it.</summary>
    public static double? Percentile(IReadOnlyList<int> sorted, double share)
    {
        if (sorted.Count == 0)
        {
            return null;
        }

        var rank = (int)Math.Ceiling(share * sorted.Count);
        return sorted[Math.Clamp(rank, 1, sorted.Count) - 1];
    }
}
