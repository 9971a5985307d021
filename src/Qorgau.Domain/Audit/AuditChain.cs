using System.Globalization;
using System.Text;
using Qorgau.Domain.Security;

namespace Qorgau.Domain.Audit;

/// <summary>Numbers and chains audit entries, and checks a chain for any altered, removed or inserted entry.</summary>
public static class AuditChain
{
    /// <summary>The "previous hash" of entry 1.</summary>
    public static readonly string Genesis = new('0', 64);

    public static AuditEntry Next(long previousId, string previousHash, AuditEvent happened, DateTimeOffset now)
    {
        // Microseconds: what both SQLite and PostgreSQL store, so the hash survives a round trip.
        var at = new DateTime(now.UtcTicks - (now.UtcTicks % 10), DateTimeKind.Utc);
        var hash = HashOf(previousId + 1, at, happened, previousHash);
        return new AuditEntry
        {
            Id = previousId + 1,
            OccurredAtUtc = at,
            Action = happened.Action,
            ActorUserId = happened.ActorUserId,
            OrganisationId = happened.OrganisationId,
            SubjectType = happened.SubjectType,
            SubjectId = happened.SubjectId,
            Details = happened.Details,
            PreviousHash = previousHash,
            Hash = hash,
        };
    }

    /// <summary>SHA-256 over every field, each length-prefixed so no two entries serialise alike.</summary>
    public static string ComputeHash(AuditEntry entry) =>
        HashOf(entry.Id, entry.OccurredAtUtc, new AuditEvent(entry.Action, entry.ActorUserId, entry.OrganisationId, entry.SubjectType, entry.SubjectId, entry.Details), entry.PreviousHash);

    private static string HashOf(long id, DateTime at, AuditEvent e, string previousHash)
    {
        var builder = new StringBuilder();
        foreach (var field in Fields(id, at, e, previousHash))
        {
            var value = field ?? "\u2400";
            builder.Append(value.Length.ToString(CultureInfo.InvariantCulture)).Append(':').Append(value).Append(';');
        }

        return Convert.ToHexStringLower(Crypto.Sha256(Encoding.UTF8.GetBytes(builder.ToString())));
    }

    /// <summary>Walks entries in Id order; the first problem found, or null when the chain is intact.</summary>
    public static Task<AuditProblem?> VerifyAsync(IAsyncEnumerable<AuditEntry> entriesInOrder, CancellationToken cancellationToken = default) =>
        VerifyAsync(entriesInOrder, [], cancellationToken);

    /// <summary>The same, also against checkpoints already known to be genuinely signed.</summary>
    public static async Task<AuditProblem?> VerifyAsync(IAsyncEnumerable<AuditEntry> entriesInOrder, IEnumerable<AuditCheckpoint> signedCheckpoints, CancellationToken cancellationToken = default)
    {
        var check = new AuditChainCheck(signedCheckpoints);
        await foreach (var entry in entriesInOrder.WithCancellation(cancellationToken))
        {
            if (check.Add(entry) is { } problem)
            {
                return problem;
            }
        }

        return check.Finish();
    }

    private static IEnumerable<string?> Fields(long id, DateTime at, AuditEvent e, string previousHash) =>
    [
        id.ToString(CultureInfo.InvariantCulture),
        at.ToString("yyyy-MM-ddTHH:mm:ss.ffffffZ", CultureInfo.InvariantCulture),
        e.Action,
        e.ActorUserId?.ToString(),
        e.OrganisationId?.ToString(),
        e.SubjectType,
        e.SubjectId,
        e.Details,
        previousHash,
    ];
}

public sealed record AuditProblem(long EntryId, string Reason);

/// <summary>
/// Checks a chain entry by entry (so a caller can stream it and report a row it cannot read) against
/// its own hashes and against signed checkpoints: removing the tail is caught by a checkpoint that
/// counted more entries; removing, inserting or changing an entry and recomputing every later hash
/// is caught by the first checkpoint after it, whose signed head no longer matches.
/// </summary>
public sealed class AuditChainCheck
{
    private readonly ILookup<long, AuditCheckpoint> _checkpoints;
    private readonly AuditCheckpoint? _furthest;
    private long _expectedId;
    private string? _previousHash;
    private long _lastAnchored;

    /// <param name="signedCheckpoints">Checkpoints whose signatures were verified; others must not be passed.</param>
    /// <param name="resumeAt">Check only from this checkpoint's head entry on (feed entries from its count).</param>
    public AuditChainCheck(IEnumerable<AuditCheckpoint> signedCheckpoints, AuditCheckpoint? resumeAt = null)
    {
        var all = signedCheckpoints.ToList();
        _checkpoints = all.ToLookup(c => c.EntryCount);
        _furthest = all.OrderByDescending(c => c.EntryCount).FirstOrDefault();
        _expectedId = resumeAt is null ? 1 : resumeAt.EntryCount;
        _previousHash = resumeAt is null ? AuditChain.Genesis : null;
        _lastAnchored = resumeAt?.EntryCount - 1 ?? 0;
    }

    /// <summary>Entries checked so far.</summary>
    public long Count => _expectedId - 1;

    /// <summary>The highest entry a matching checkpoint vouches for.</summary>
    public long LastAnchored => _lastAnchored;

    public AuditProblem? Add(AuditEntry entry)
    {
        if (entry.Id != _expectedId)
        {
            return entry.Id > _expectedId ? Missing(entry.Id) : new AuditProblem(entry.Id, $"entry {entry.Id} appears out of sequence");
        }

        if (_previousHash is not null && entry.PreviousHash != _previousHash)
        {
            return new AuditProblem(entry.Id, $"entry {entry.Id} does not follow entry {entry.Id - 1}: an entry was removed, inserted or replaced before it");
        }

        if (AuditChain.ComputeHash(entry) != entry.Hash)
        {
            return new AuditProblem(entry.Id, $"entry {entry.Id} was altered: its content no longer matches its hash");
        }

        foreach (var checkpoint in _checkpoints[entry.Id])
        {
            if (checkpoint.HeadHash != entry.Hash)
            {
                return new AuditProblem(
                    _lastAnchored + 1,
                    $"entries {_lastAnchored + 1} to {entry.Id} were rewritten: entry {entry.Id} no longer has the hash signed in the checkpoint of {Time(checkpoint)}, so an entry from {_lastAnchored + 1} on was removed, inserted or changed and the later hashes recomputed");
            }
        }

        if (_checkpoints.Contains(entry.Id))
        {
            _lastAnchored = entry.Id;
        }

        _previousHash = entry.Hash;
        _expectedId++;
        return null;
    }

    /// <summary>A row with this id exists but its stored values no longer parse.</summary>
    public AuditProblem Unreadable(long id) =>
        id > _expectedId
            ? Missing(id)
            : new AuditProblem(id, $"entry {id} cannot be read: its stored values no longer parse, so it was altered outside the application");

    /// <summary>After the last entry: a checkpoint that counted more entries means the tail was removed.</summary>
    public AuditProblem? Finish() =>
        _furthest is { } furthest && furthest.EntryCount > Count
            ? new AuditProblem(
                Count + 1,
                Count + 1 == furthest.EntryCount
                    ? $"entry {furthest.EntryCount} was removed from the end: the log ends at entry {Count} but the checkpoint of {Time(furthest)} counted {furthest.EntryCount} entries"
                    : $"entries {Count + 1} to {furthest.EntryCount} were removed from the end: the log ends at entry {Count} but the checkpoint of {Time(furthest)} counted {furthest.EntryCount} entries")
            : null;

    private AuditProblem Missing(long foundId) =>
        new(_expectedId, $"entry {_expectedId} is missing: the log jumps from {_expectedId - 1} to {foundId}");

    private static string Time(AuditCheckpoint checkpoint) =>
        checkpoint.CreatedAtUtc.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture);
}
