using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Qorgau.Data;
using Qorgau.Domain.Audit;

namespace Qorgau.Web.Infrastructure.Audit;

/// <summary>
/// Appends to the hash-chained audit log. The entry is saved in the same <c>SaveChanges</c> as every
/// change the caller has staged on the context, inside the caller's transaction when there is one: a
/// change and its entry commit together or not at all (<c>AuditAtomicityTests</c>). Callers stage their
/// change and write the entry; they do not save first. Appends are serialised: on PostgreSQL by a
/// transaction-scoped advisory lock (any number of app nodes), on SQLite within the one process
/// that owns the file. Every <c>Audit:CheckpointEvery</c> entries it asks for a signed checkpoint.
/// </summary>
public sealed class AuditLog(QorgauDbContext db, TimeProvider clock, AuditCheckpointSignal checkpointDue, IOptions<AuditOptions> options)
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
            var entry = AuditChain.Next(last?.Id ?? 0, last?.Hash ?? AuditChain.Genesis, happened, clock.GetUtcNow());
            var staged = db.AuditEntries.Add(entry);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch
            {
                // Not written: a caller that recovers and saves again must not save this entry, chained to a moment gone.
                staged.State = EntityState.Detached;
                throw;
            }

            if (transaction is not null)
            {
                await transaction.CommitAsync(cancellationToken);
            }

            // The checkpoint service signs what is committed by then (the caller's transaction may still be open).
            if (entry.Id % Math.Max(1, options.Value.CheckpointEvery) == 0)
            {
                checkpointDue.Notify();
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
}
