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
    public static async Task<AuditProblem?> VerifyAsync(IAsyncEnumerable<AuditEntry> entriesInOrder, CancellationToken cancellationToken = default)
    {
        var expectedId = 1L;
        var previousHash = Genesis;
        await foreach (var entry in entriesInOrder.WithCancellation(cancellationToken))
        {
            if (entry.Id != expectedId)
            {
                return entry.Id > expectedId
                    ? new AuditProblem(expectedId, $"entry {expectedId} is missing: the log jumps from {expectedId - 1} to {entry.Id}")
                    : new AuditProblem(entry.Id, $"entry {entry.Id} appears out of sequence");
            }

            if (entry.PreviousHash != previousHash)
            {
                return new AuditProblem(entry.Id, $"entry {entry.Id} does not follow entry {entry.Id - 1}: an entry was removed, inserted or replaced before it");
            }

            if (ComputeHash(entry) != entry.Hash)
            {
                return new AuditProblem(entry.Id, $"entry {entry.Id} was altered: its content no longer matches its hash");
            }

            previousHash = entry.Hash;
            expectedId++;
        }

        return null;
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
