using Microsoft.EntityFrameworkCore;
using Qorgau.Data;

namespace Qorgau.Web.Infrastructure.Nodes;

/// <summary>
/// Work that one app node does at a time, such as the deadline scan: on PostgreSQL a transaction-scoped
/// advisory lock, held until the caller's transaction ends, so a node that finds it taken skips its turn.
/// SQLite serves one node, whose background work already runs one at a time.
/// </summary>
public static class ClusterLock
{
    /// <summary>The advisory lock key of the deadline scan ("QDSC").</summary>
    public const long DeadlineScan = 0x51445343;

    /// <summary>Takes the lock for the current transaction (which the caller has begun), or returns false at once.</summary>
    public static async Task<bool> TryTakeForTransactionAsync(QorgauDbContext db, long key, CancellationToken cancellationToken)
    {
        if (db is not PostgresQorgauDbContext)
        {
            return true;
        }

        return await db.Database.SqlQuery<bool>($"SELECT pg_try_advisory_xact_lock({key}) AS \"Value\"").SingleAsync(cancellationToken);
    }
}
