using System.Diagnostics;
using Npgsql;
using Qorgau.CaseListBench;

namespace Qorgau.FunnelBench;

/// <summary>
/// Gives the generated cases a timeline, in SQL: each case's stages are decided by a hash of its id (so every
/// run gives the same histories), at fixed offsets from its day of receipt, with the detail each event kind
/// carries in the application (JSON of strings). Besides the counted kinds, every case gets a <c>read</c>
/// event, as cases that were opened do: events the funnel must skip.
/// </summary>
internal static class EventGenerator
{
    /// <summary>Per mille of cases, by the case's hash <c>r</c> (0–999).</summary>
    private static readonly (string Kind, string Where, int Days, string Detail)[] Stories =
    [
        ("received", "true", 0, "'online'"),
        ("read", "true", 1, "NULL"),
        ("withdrawal.requested", "r BETWEEN 900 AND 929", 10, "NULL"),
        ("action.merge", "r >= 990", 5, "'{\"to\":\"elsewhere\"}'"),
        ("action.register", "r < 400", 20, "'{\"article\":\"146-2\"}'"),
        ("action.requalify", "r < 60", 60, "'{\"from\":\"146-2\",\"article\":\"362-1\",\"flags\":\"requalified-away-from-torture\"}'"),
        ("action.terminate", "r BETWEEN 100 AND 109", 120, "'{\"reason\":\"amnesty\",\"flags\":\"amnesty-barred-for-torture\"}'"),
        ("action.terminate", "r BETWEEN 110 AND 249", 120, "'{\"reason\":\"no-corpus-delicti\"}'"),
        ("action.indict", "r BETWEEN 250 AND 329", 150, "'{}'"),
        ("action.verdict", "r BETWEEN 250 AND 309", 300,
            """
            CASE r % 4
                WHEN 0 THEN '{"convictions":"1","penalty-imprisonment":"1","suspended":"0","acquittals":"0","plea-agreement":"' || (r % 7 = 0)::text || '"}'
                WHEN 1 THEN '{"convictions":"2","penalty-imprisonment":"2","suspended":"1","acquittals":"0","plea-agreement":"false"}'
                WHEN 2 THEN '{"convictions":"1","penalty-imprisonment":"0","suspended":"0","acquittals":"1","plea-agreement":"false"}'
                ELSE '{"convictions":"0","penalty-imprisonment":"0","suspended":"0","acquittals":"1","plea-agreement":"false"}'
            END
            """),
        ("compensation.filed", "r BETWEEN 250 AND 269", 330, "'{}'"),
        ("compensation.decided", "r BETWEEN 250 AND 264", 360, "CASE WHEN r % 3 = 0 THEN '{\"decision\":\"refused\"}' ELSE '{\"decision\":\"granted\",\"awarded\":\"150000.00\"}' END"),
        ("compensation.paid", "r BETWEEN 250 AND 259", 400, "'{\"amount\":\"150000.00\"}'"),
    ];

    /// <summary>Writes the events unless the cases already have them; then VACUUM ANALYZE.</summary>
    public static async Task EnsureAsync(NpgsqlDataSource dataSource, bool regenerate, TextWriter log, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var events = await CaseGenerator.ScalarAsync<long>(connection, "SELECT count(*) FROM \"CaseEvents\"", cancellationToken);
        if (events > await CaseGenerator.ScalarAsync<long>(connection, "SELECT count(*) FROM \"Cases\"", cancellationToken) && !regenerate)
        {
            log.WriteLine($"{events:N0} events already generated: reused");
            return;
        }

        // One transaction: a run stopped half-way leaves no partial timelines for the next run to reuse.
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await CaseGenerator.ExecuteAsync(connection, "DELETE FROM \"CaseEvents\"", cancellationToken);
        var clock = Stopwatch.StartNew();
        foreach (var (kind, where, days, detail) in Stories)
        {
            await CaseGenerator.ExecuteAsync(connection, $"""
                INSERT INTO "CaseEvents" ("Id", "CaseId", "OccurredAtUtc", "Kind", "ActorUserId", "Detail")
                SELECT gen_random_uuid(), "Id", ("ReceivedOn" + {days} + time '09:30') AT TIME ZONE 'UTC', '{kind}', NULL, {detail}
                FROM (SELECT "Id", "ReceivedOn", abs(hashtext("Id"::text)) % 1000 AS r FROM "Cases") c
                WHERE {where}
                """, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        log.WriteLine($"{await CaseGenerator.ScalarAsync<long>(connection, "SELECT count(*) FROM \"CaseEvents\"", cancellationToken):N0} events written ({clock.Elapsed.TotalSeconds:F1} s)");
        await CaseGenerator.ExecuteAsync(connection, "VACUUM (ANALYZE) \"CaseEvents\"", cancellationToken);
        await CaseGenerator.ExecuteAsync(connection, "CHECKPOINT", cancellationToken);
    }
}
