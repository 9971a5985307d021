using Microsoft.EntityFrameworkCore;
using Qorgau.Data;
using Qorgau.Domain.Audit;

namespace Qorgau.Web.Infrastructure.Audit;

/// <summary>
/// Appends to the hash-chained audit log, inside the caller's transaction when there is one so that
/// the record and what it records commit together. Appends are serialised: on PostgreSQL by a
/// transaction-scoped advisory lock (any number of app nodes), on SQLite within the one process
/// that owns the file.
/// </summary>
public sealed class AuditLog(QorgauDbContext db, TimeProvider clock)
{
    private const long PostgresLockKey = 0x51_6F_72_67_41_75_64; // "QorgAud"
    private static readonly SemaphoreSlim SqliteGate = new(1, 1);

    public async Task WriteAsync(AuditEvent happened, CancellationToken cancellationToken = default)
    {
        var ownTransaction = db.Database.CurrentTransaction is null;
        await using var transaction = ownTransaction ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        var isSqlite = db.Database.IsSqlite();
        if (isSqlite)
        {
            await SqliteGate.WaitAsync(cancellationToken);
        }
        else
        {
            await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_xact_lock({PostgresLockKey})", cancellationToken);
        }

        try
        {
            var last = await db.AuditEntries.AsNoTracking()
                .OrderByDescending(a => a.Id)
                .Select(a => new { a.Id, a.Hash })
                .FirstOrDefaultAsync(cancellationToken);
            db.AuditEntries.Add(AuditChain.Next(last?.Id ?? 0, last?.Hash ?? AuditChain.Genesis, happened, clock.GetUtcNow()));
            await db.SaveChangesAsync(cancellationToken);
            if (transaction is not null)
            {
                await transaction.CommitAsync(cancellationToken);
            }
        }
        finally
        {
            if (isSqlite)
            {
                SqliteGate.Release();
            }
        }
    }

    /// <summary>Walks the whole chain in order, streaming; the first problem, or null when intact.</summary>
    public async Task<(long Count, AuditProblem? Problem)> VerifyAsync(CancellationToken cancellationToken = default)
    {
        var count = await db.AuditEntries.LongCountAsync(cancellationToken);
        var problem = await AuditChain.VerifyAsync(db.AuditEntries.AsNoTracking().OrderBy(a => a.Id).AsAsyncEnumerable(), cancellationToken);
        return (count, problem);
    }
}
