using Microsoft.EntityFrameworkCore;
using Qorgau.Data;
using Qorgau.Domain.Audit;
using Qorgau.Web.Infrastructure.Security;

namespace Qorgau.Web.Infrastructure.Audit;

/// <summary>
/// Writes signed checkpoints of the audit log (to the database and the anchor file) and checks the
/// log against them. The signing key is derived from the installation secret, never stored.
/// </summary>
public sealed class AuditCheckpoints(
    QorgauDbContext db,
    InstallationSecretFile installationSecret,
    AuditAnchorFile anchorFile,
    TimeProvider clock,
    ILogger<AuditCheckpoints> logger)
{
    public const string KeyPurpose = "audit-checkpoints";
    private const int Batch = 500;
    private static readonly SemaphoreSlim WriterGate = new(1, 1);

    private (byte[] PrivateKey, byte[] PublicKey) Keys => installationSecret.Secret.DeriveSigningKeyPair(KeyPurpose);

    /// <summary>Why the last <see cref="WriteAsync"/> wrote nothing, when the log did not continue from its last checkpoint.</summary>
    public AuditProblem? Refusal { get; private set; }

    /// <summary>The public half, to check checkpoints with (printed by <c>audit verify</c>).</summary>
    public byte[] PublicKey => Keys.PublicKey;

    /// <summary>
    /// Signs the current head when it moved since the last checkpoint. Refuses (and logs) when the
    /// entries since the last checkpoint do not continue from it: a checkpoint must never vouch for
    /// a log that was already trimmed or rewritten.
    /// </summary>
    public async Task<AuditCheckpoint?> WriteAsync(CancellationToken cancellationToken = default)
    {
        await WriterGate.WaitAsync(cancellationToken);
        try
        {
            var head = await db.AuditEntries.AsNoTracking().OrderByDescending(a => a.Id).Select(a => new { a.Id, a.Hash }).FirstOrDefaultAsync(cancellationToken);
            if (head is null)
            {
                return null;
            }

            var last = await LastSignedAsync(cancellationToken);
            if (last is not null && last.EntryCount == head.Id && last.HeadHash == head.Hash)
            {
                return null;
            }

            if (await ContinuesFromAsync(last, head.Id, cancellationToken) is { } problem)
            {
                Refusal = problem;
                logger.LogError("No audit checkpoint written: the log does not continue from its last checkpoint ({Problem}). Run 'qorgau audit verify'.", problem.Reason);
                return null;
            }

            var checkpoint = AuditAnchor.Create(head.Id, head.Hash, clock.GetUtcNow(), Keys.PrivateKey);
            db.AuditCheckpoints.Add(checkpoint);
            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
            try
            {
                await anchorFile.AppendAsync(checkpoint, cancellationToken);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Net.Sockets.SocketException)
            {
                logger.LogError("The audit checkpoint of entry {Count} is in the database but could not be written to the anchor file {Path}: {Error}", head.Id, anchorFile.Path, e.GetType().Name);
            }

            return checkpoint;
        }
        finally
        {
            WriterGate.Release();
        }
    }

    /// <summary>The whole log against every anchor: the anchor file, the checkpoint table and the chain itself.</summary>
    public async Task<AuditVerification> VerifyAsync(CancellationToken cancellationToken = default)
    {
        var problems = new List<AuditProblem>();
        var notes = new List<string>();
        var publicKey = PublicKey;

        var (stored, unreadableCheckpoint) = await ReadCheckpointRowsAsync(cancellationToken);
        if (unreadableCheckpoint is { } badRow)
        {
            problems.Add(new AuditProblem(0, $"checkpoint row {badRow} cannot be read: its stored values no longer parse, so it was altered outside the application"));
        }

        var genuine = new List<AuditCheckpoint>();
        foreach (var row in stored)
        {
            if (AuditAnchor.IsSignedBy(row, publicKey))
            {
                genuine.Add(row);
            }
            else
            {
                problems.Add(new AuditProblem(row.EntryCount, $"checkpoint row {row.Id} (entry {row.EntryCount}) is not signed by this installation's audit key: it was forged or altered in the database"));
            }
        }

        var storedBySignature = stored.ToLookup(row => row.Signature);
        var lines = await anchorFile.ReadAsync(cancellationToken);
        var inFile = 0;
        if (lines is null)
        {
            notes.Add($"No anchor file at {anchorFile.Path}: the log was checked against the database's checkpoints only. If this node wrote checkpoints, the file was removed.");
        }
        else
        {
            foreach (var (number, text) in lines)
            {
                var checkpoint = AuditAnchor.ParseLine(text);
                if (checkpoint is null || !AuditAnchor.IsSignedBy(checkpoint, publicKey))
                {
                    problems.Add(new AuditProblem(checkpoint?.EntryCount ?? 0, $"line {number} of the anchor file {anchorFile.Path} is not a checkpoint signed by this installation's audit key"));
                    continue;
                }

                inFile++;
                genuine.Add(checkpoint);
                if (!storedBySignature[checkpoint.Signature].Any(row => row.SameAs(checkpoint)))
                {
                    problems.Add(new AuditProblem(checkpoint.EntryCount, $"the checkpoint of entry {checkpoint.EntryCount} on line {number} of the anchor file is missing from the database or differs there: the database's checkpoints were tampered with"));
                }
            }
        }

        var check = new AuditChainCheck(genuine);
        if ((await WalkAsync(check, 0, long.MaxValue, cancellationToken) ?? check.Finish()) is { } chainProblem)
        {
            problems.Insert(0, chainProblem);
        }

        if (problems.Count == 0)
        {
            var furthest = genuine.MaxBy(c => c.EntryCount);
            notes.Insert(0, furthest is null
                ? "No signed checkpoint yet: the chain holds together, but nothing outside the database vouches for its length."
                : $"{stored.Count} signed checkpoints in the database and {inFile} in the anchor file match it; the last vouches for entries 1 to {furthest.EntryCount}.");
            if (furthest is not null && check.Count > furthest.EntryCount)
            {
                notes.Add($"Entries {furthest.EntryCount + 1} to {check.Count} are chained but not yet under a checkpoint.");
            }
        }

        return new AuditVerification(check.Count, problems, notes);
    }

    private async Task<AuditCheckpoint?> LastSignedAsync(CancellationToken cancellationToken)
    {
        var publicKey = PublicKey;
        try
        {
            var recent = await db.AuditCheckpoints.AsNoTracking().OrderByDescending(c => c.Id).Take(20).ToListAsync(cancellationToken);
            return recent.FirstOrDefault(c => AuditAnchor.IsSignedBy(c, publicKey));
        }
        catch (Exception e) when (e is FormatException or InvalidCastException or InvalidOperationException)
        {
            return null;
        }
    }

    private async Task<AuditProblem?> ContinuesFromAsync(AuditCheckpoint? last, long headId, CancellationToken cancellationToken)
    {
        var check = new AuditChainCheck(last is null ? [] : [last], last);
        return await WalkAsync(check, (last?.EntryCount ?? 1) - 1, headId, cancellationToken) ?? check.Finish();
    }

    /// <summary>Feeds entries with ids after <paramref name="afterId"/> up to <paramref name="lastId"/>, in batches; a row that will not load is named by its id.</summary>
    private async Task<AuditProblem?> WalkAsync(AuditChainCheck check, long afterId, long lastId, CancellationToken cancellationToken)
    {
        while (true)
        {
            List<AuditEntry> batch;
            try
            {
                batch = await db.AuditEntries.AsNoTracking().Where(a => a.Id > afterId && a.Id <= lastId).OrderBy(a => a.Id).Take(Batch).ToListAsync(cancellationToken);
            }
            catch (Exception e) when (e is FormatException or InvalidCastException or InvalidOperationException or OverflowException)
            {
                return await FirstUnreadableAsync(check, afterId, lastId, cancellationToken);
            }

            if (batch.Count == 0)
            {
                return null;
            }

            foreach (var entry in batch)
            {
                if (check.Add(entry) is { } problem)
                {
                    return problem;
                }
            }

            afterId = batch[^1].Id;
        }
    }

    // A batch failed to load: entries one by one up to the one that does not parse.
    private async Task<AuditProblem?> FirstUnreadableAsync(AuditChainCheck check, long afterId, long lastId, CancellationToken cancellationToken)
    {
        var ids = await db.AuditEntries.Where(a => a.Id > afterId && a.Id <= lastId).OrderBy(a => a.Id).Select(a => a.Id).Take(Batch).ToListAsync(cancellationToken);
        foreach (var id in ids)
        {
            AuditEntry entry;
            try
            {
                entry = await db.AuditEntries.AsNoTracking().SingleAsync(a => a.Id == id, cancellationToken);
            }
            catch (Exception e) when (e is FormatException or InvalidCastException or InvalidOperationException or OverflowException)
            {
                return check.Unreadable(id);
            }

            if (check.Add(entry) is { } problem)
            {
                return problem;
            }
        }

        return ids.Count == 0 ? null : await WalkAsync(check, ids[^1], lastId, cancellationToken);
    }

    private async Task<(List<AuditCheckpoint> Rows, long? Unreadable)> ReadCheckpointRowsAsync(CancellationToken cancellationToken)
    {
        try
        {
            return (await db.AuditCheckpoints.AsNoTracking().OrderBy(c => c.Id).ToListAsync(cancellationToken), null);
        }
        catch (Exception e) when (e is FormatException or InvalidCastException or InvalidOperationException or OverflowException)
        {
            var rows = new List<AuditCheckpoint>();
            long? unreadable = null;
            foreach (var id in await db.AuditCheckpoints.OrderBy(c => c.Id).Select(c => c.Id).ToListAsync(cancellationToken))
            {
                try
                {
                    rows.Add(await db.AuditCheckpoints.AsNoTracking().SingleAsync(c => c.Id == id, cancellationToken));
                }
                catch (Exception inner) when (inner is FormatException or InvalidCastException or InvalidOperationException or OverflowException)
                {
                    unreadable ??= id;
                }
            }

            return (rows, unreadable);
        }
    }
}

/// <summary>What <c>audit verify</c> found: entries checked, problems (the chain's first), and notes for the operator.</summary>
public sealed record AuditVerification(long Count, IReadOnlyList<AuditProblem> Problems, IReadOnlyList<string> Notes);
