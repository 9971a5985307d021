using Npgsql;
using NpgsqlTypes;
using Qorgau.Domain.Cases;
using Qorgau.Domain.Profiles;
using Qorgau.Domain.Statistics;

namespace Qorgau.FunnelBench;

/// <summary>
/// The same figures as <c>FunnelStatistics.CountAsync</c>, written by hand for PostgreSQL, two ways. Over the table
/// of first-reached days (<see cref="CountOverTableAsync"/>): one <c>GROUP BY</c> year (and region) and stage of the
/// period's rows of cases not merged by the end; the baseline the application is held to. Over the events
/// (<see cref="CountAsync"/>): one pass over the counted events of cases not merged by the end, each event turned
/// into the stages it reaches (the detail read with the JSON operators), a case's first day per stage, then one
/// <c>GROUP BY</c> year and stage; what an engineer would write without the table, kept for comparison.
/// </summary>
internal static class HandWrittenFunnel
{
    private const string Sql = """
        WITH kept AS (
            SELECT e."CaseId", e."Kind", e."OccurredAtUtc" AS at,
                   CASE WHEN e."Kind" IN ('action.requalify', 'action.terminate', 'action.verdict', 'compensation.decided', 'compensation.paid')
                        THEN e."Detail"::jsonb END AS d
            FROM "CaseEvents" e
            WHERE e."OccurredAtUtc" <= @end
              AND e."Kind" IN ('received', 'action.register', 'action.requalify', 'action.terminate', 'action.indict', 'action.verdict',
                               'withdrawal.requested', 'compensation.filed', 'compensation.decided', 'compensation.paid')
              AND NOT EXISTS (SELECT 1 FROM "CaseEvents" m WHERE m."CaseId" = e."CaseId" AND m."Kind" = 'action.merge' AND m."OccurredAtUtc" <= @end)
        ),
        verdicts AS (
            SELECT *, coalesce((d->>'convictions')::int, 0) AS conv, coalesce((d->>'penalty-imprisonment')::int, 0) AS imp,
                      coalesce((d->>'suspended')::int, 0) AS sus, coalesce((d->>'acquittals')::int, 0) AS acq
            FROM kept
        ),
        hits AS (
            SELECT v."CaseId", v.at, s.stage
            FROM verdicts v
            CROSS JOIN LATERAL unnest(CASE v."Kind"
                WHEN 'received' THEN ARRAY['received']
                WHEN 'action.register' THEN ARRAY['registered']
                WHEN 'action.indict' THEN ARRAY['indicted']
                WHEN 'withdrawal.requested' THEN ARRAY['withdrawn']
                WHEN 'compensation.filed' THEN ARRAY['compensationClaimed']
                WHEN 'action.terminate' THEN ARRAY['terminated'] || CASE WHEN EXISTS (
                        SELECT 1 FROM unnest(string_to_array(v.d->>'flags', ',')) f
                        WHERE btrim(f) <> '' AND btrim(f) <> ALL (@notBars)) THEN ARRAY['terminatedFlagged'] ELSE ARRAY[]::text[] END
                WHEN 'action.requalify' THEN CASE WHEN 'requalified-away-from-torture' = ANY (string_to_array(v.d->>'flags', ','))
                        OR (v.d->>'from' = ANY (@torture) AND NOT coalesce(v.d->>'article' = ANY (@torture), false)) THEN ARRAY['requalified'] ELSE ARRAY[]::text[] END
                WHEN 'action.verdict' THEN array_remove(ARRAY[
                        CASE WHEN v.conv > 0 THEN 'convicted' END,
                        CASE WHEN v.acq > 0 THEN 'acquitted' END,
                        CASE WHEN v.imp - v.sus > 0 THEN 'custodial' END,
                        CASE WHEN v.sus > 0 THEN 'suspended' END,
                        CASE WHEN v.conv - v.imp - greatest(0, v.sus - v.imp) > 0 THEN 'otherPenalty' END,
                        CASE WHEN v.d->>'plea-agreement' = 'true' THEN 'pleaAgreement' END], NULL)
                WHEN 'compensation.decided' THEN CASE WHEN v.d->>'decision' IN ('granted', 'partly-granted') THEN ARRAY['compensationAwarded'] ELSE ARRAY[]::text[] END
                WHEN 'compensation.paid' THEN ARRAY['compensated'] || CASE WHEN v.d->>'source' = 'import' THEN ARRAY['compensationClaimed', 'compensationAwarded'] ELSE ARRAY[]::text[] END
            END) AS s(stage)
        ),
        firsts AS (
            SELECT "CaseId", stage, min(at) AS at FROM hits GROUP BY "CaseId", stage
        )
        SELECT extract(year FROM at AT TIME ZONE @zone)::int AS year, stage, count(*) AS cases
        FROM firsts
        WHERE at >= @start
        GROUP BY 1, 2
        """;

    private const string OverTableSql = """
        SELECT extract(year FROM s."ReachedAtUtc" AT TIME ZONE @zone)::int AS year, {0} AS key, s."Stage", count(*) AS cases
        FROM "CaseFunnelStages" s
        WHERE s."ReachedAtUtc" >= @start AND s."ReachedAtUtc" <= @end
          AND (s."MergedAtUtc" IS NULL OR s."MergedAtUtc" > @end)
        GROUP BY 1, 2, 3
        """;

    /// <summary>Cases per year (in the profile's calendar), region (when asked; null otherwise) and stage, from the table of first-reached days.</summary>
    public static async Task<Dictionary<(int Year, string? Key, string Stage), long>> CountOverTableAsync(
        NpgsqlDataSource dataSource, JurisdictionProfile profile, StatisticsPeriod period, bool byRegion, CancellationToken cancellationToken)
    {
        var zone = JurisdictionTime.ZoneOf(profile);
        await using var command = dataSource.CreateCommand(OverTableSql.Replace("{0}", byRegion ? "s.\"RegionCode\"" : "NULL::text", StringComparison.Ordinal));
        command.Parameters.AddWithValue("start", NpgsqlDbType.TimestampTz, period.StartUtc(zone));
        command.Parameters.AddWithValue("end", NpgsqlDbType.TimestampTz, period.EndUtc(zone));
        command.Parameters.AddWithValue("zone", zone.Id);
        var counts = new Dictionary<(int, string?, string), long>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            counts[(reader.GetInt32(0), reader.IsDBNull(1) ? null : reader.GetString(1), reader.GetString(2))] = reader.GetInt64(3);
        }

        return counts;
    }

    /// <summary>Cases per year (in the profile's calendar) and stage, over the events, as <c>FunnelStatistics.CountAsync</c> gives them by year.</summary>
    public static async Task<Dictionary<(int Year, string Stage), long>> CountAsync(NpgsqlDataSource dataSource, JurisdictionProfile profile, StatisticsPeriod period, CancellationToken cancellationToken)
    {
        var zone = JurisdictionTime.ZoneOf(profile);
        await using var command = dataSource.CreateCommand(Sql);
        command.Parameters.AddWithValue("start", NpgsqlDbType.TimestampTz, period.StartUtc(zone));
        command.Parameters.AddWithValue("end", NpgsqlDbType.TimestampTz, period.EndUtc(zone));
        command.Parameters.AddWithValue("zone", zone.Id);
        command.Parameters.AddWithValue("torture", profile.Articles.Where(a => a.IsTorture).Select(a => a.Code).ToArray());
        command.Parameters.AddWithValue("notBars", new[] { CaseFlag.RequalifiedAwayFromTorture, CaseFlag.ArticlePartInferred, CaseFlag.InvestigatingBodyNotCompetent });
        var counts = new Dictionary<(int, string), long>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            counts[(reader.GetInt32(0), reader.GetString(1))] = reader.GetInt64(2);
        }

        return counts;
    }
}
