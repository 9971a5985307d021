using System.Globalization;
using System.Text;
using Qorgau.Domain.Security;

namespace Qorgau.Domain.Evidence;

/// <summary>
/// The rules of the custody log: how an entry's canonical bytes are formed, chained and signed, and
/// how a log is checked for an altered, removed, inserted or reordered entry or a wrong key.
/// </summary>
public static class CustodyChain
{
    /// <summary>The "previous hash" of the first entry.</summary>
    public static readonly string Genesis = new('0', 64);

    /// <summary>Microseconds: what both SQLite and PostgreSQL store, so the signed time survives a round trip.</summary>
    public static DateTime Truncate(DateTimeOffset now) => new(now.UtcTicks - (now.UtcTicks % 10), DateTimeKind.Utc);

    /// <summary>A new entry after <paramref name="previous"/> (null for the first), signed with the organisation's key.</summary>
    public static CustodyEntry Append(EvidenceItem item, CustodyEntry? previous, string kind, DateTimeOffset now, Guid actorId, Guid organisationId, Func<Guid, byte[]> encryptDetails, byte[] signingPrivateKey)
    {
        var id = Guid.CreateVersion7();
        var detailsCipher = encryptDetails(id);
        var facts = new CustodyFacts(
            item.Id, (previous?.Sequence ?? 0) + 1, kind, Truncate(now), actorId, Sha256Hex(detailsCipher), item.OriginalSha256, item.CiphertextSha256, previous?.Hash ?? Genesis);
        var bytes = facts.ToBytes();
        return new CustodyEntry
        {
            Id = id,
            ItemId = item.Id,
            CaseId = item.CaseId,
            Sequence = facts.Sequence,
            Kind = kind,
            OccurredAtUtc = facts.OccurredAtUtc,
            ActorUserId = actorId,
            OrganisationId = organisationId,
            DetailsCipher = detailsCipher,
            OriginalSha256 = item.OriginalSha256,
            CiphertextSha256 = item.CiphertextSha256,
            PreviousHash = facts.PreviousHash,
            Hash = Sha256Hex(bytes),
            Signature = Signatures.Sign(signingPrivateKey, bytes),
        };
    }

    /// <summary>What an entry's signature covers, as stored.</summary>
    public static CustodyFacts FactsOf(CustodyEntry entry) =>
        new(entry.ItemId, entry.Sequence, entry.Kind, entry.OccurredAtUtc, entry.ActorUserId, Sha256Hex(entry.DetailsCipher), entry.OriginalSha256, entry.CiphertextSha256, entry.PreviousHash);

    /// <summary>Checks one item's log as stored in the database.</summary>
    public static IReadOnlyList<Problem> Verify(EvidenceItem item, IReadOnlyList<CustodyEntry> entriesBySequence, Func<Guid, byte[]?> signingPublicKeyOf) =>
        Verify(item.Id, item.OriginalSha256, item.CiphertextSha256, [.. entriesBySequence.Select(CustodyLink.Of)], signingPublicKeyOf);

    /// <summary>
    /// Checks one item's log, in the order stored (by sequence): it starts with <c>received</c> at 1,
    /// numbers follow one another, each entry names the hash of the one before, its hash and signature
    /// hold under its organisation's public key, and it states the item's hashes as the item does.
    /// </summary>
    public static IReadOnlyList<Problem> Verify(Guid itemId, string originalSha256, string ciphertextSha256, IReadOnlyList<CustodyLink> links, Func<Guid, byte[]?> signingPublicKeyOf)
    {
        var problems = new List<Problem>();
        if (links.Count == 0 || links[0].Facts.Kind != CustodyKind.Received || links.Skip(1).Any(l => l.Facts.Kind == CustodyKind.Received))
        {
            problems.Add(CustodyProblemField.Of(CustodyProblemCode.NoReceivedEntry, links.Count == 0 ? null : links[0].Facts.Sequence));
        }

        var previousHash = Genesis;
        var expected = 1;
        foreach (var link in links)
        {
            var facts = link.Facts;
            if (facts.Sequence != expected)
            {
                problems.Add(CustodyProblemField.Of(facts.Sequence > expected ? CustodyProblemCode.Missing : CustodyProblemCode.OutOfOrder, expected));
            }

            if (facts.PreviousHash != previousHash)
            {
                problems.Add(CustodyProblemField.Of(CustodyProblemCode.BrokenLink, facts.Sequence));
            }

            problems.AddRange(CheckLink(link, itemId, originalSha256, ciphertextSha256, signingPublicKeyOf));
            previousHash = link.Hash;
            expected = facts.Sequence + 1;
        }

        return problems;
    }

    private static IEnumerable<Problem> CheckLink(CustodyLink link, Guid itemId, string originalSha256, string ciphertextSha256, Func<Guid, byte[]?> signingPublicKeyOf)
    {
        var bytes = link.Facts.ToBytes();
        if (link.Facts.ItemId != itemId || Sha256Hex(bytes) != link.Hash)
        {
            yield return CustodyProblemField.Of(CustodyProblemCode.Altered, link.Facts.Sequence);
        }

        if (link.Facts.OriginalSha256 != originalSha256 || link.Facts.CiphertextSha256 != ciphertextSha256)
        {
            yield return CustodyProblemField.Of(CustodyProblemCode.ItemHashMismatch, link.Facts.Sequence);
        }

        var publicKey = signingPublicKeyOf(link.OrganisationId);
        if (publicKey is null)
        {
            yield return CustodyProblemField.Of(CustodyProblemCode.UnknownKey, link.Facts.Sequence);
        }
        else if (!Signatures.Verify(publicKey, bytes, link.Signature))
        {
            yield return CustodyProblemField.Of(CustodyProblemCode.BadSignature, link.Facts.Sequence);
        }
    }

    public static string Sha256Hex(ReadOnlySpan<byte> data) => Convert.ToHexStringLower(Crypto.Sha256(data));
}

/// <summary>One entry as a verifier sees it: what was signed, by which organisation, its hash and signature.</summary>
public sealed record CustodyLink(CustodyFacts Facts, Guid OrganisationId, string Hash, byte[] Signature)
{
    public static CustodyLink Of(CustodyEntry entry) => new(CustodyChain.FactsOf(entry), entry.OrganisationId, entry.Hash, entry.Signature);
}

/// <summary>
/// The canonical bytes of a custody entry: UTF-8 lines <c>name=value</c> in a fixed order under a version
/// line. Every value is an id, a number, a code, a UTC time or lowercase hex, so none can hold a newline
/// and the text reads the same to every verifier (and to a person).
/// </summary>
public sealed record CustodyFacts(
    Guid ItemId, int Sequence, string Kind, DateTime OccurredAtUtc, Guid ActorUserId, string DetailsSha256, string OriginalSha256, string CiphertextSha256, string PreviousHash)
{
    public const string Version = "qorgau-custody-v1";

    public string ToText() => string.Create(CultureInfo.InvariantCulture, $"""
        {Version}
        item={ItemId:D}
        sequence={Sequence}
        kind={Kind}
        time={OccurredAtUtc:yyyy-MM-ddTHH:mm:ss.ffffff}Z
        actor={ActorUserId:D}
        details-sha256={DetailsSha256}
        original-sha256={OriginalSha256}
        ciphertext-sha256={CiphertextSha256}
        previous={PreviousHash}

        """).ReplaceLineEndings("\n");

    public byte[] ToBytes() => Encoding.UTF8.GetBytes(ToText());
}

public static class CustodyProblemCode
{
    public const string NoReceivedEntry = "no-received-entry";
    public const string Missing = "entry-missing";
    public const string OutOfOrder = "out-of-order";
    public const string BrokenLink = "broken-link";
    public const string Altered = "entry-altered";
    public const string ItemHashMismatch = "item-sha256";
    public const string BadSignature = "bad-signature";
    public const string UnknownKey = "unknown-key";
    public const string BlobMissing = "blob-missing";
    public const string CiphertextMismatch = "ciphertext-sha256";
    public const string OriginalMismatch = "original-sha256";
}

/// <summary>The field of a custody problem; its one argument, when it has one, is the sequence number of the entry it is about.</summary>
public static class CustodyProblemField
{
    public const string Name = "custody";

    public static Problem Of(string code, int? sequence) =>
        sequence is null ? new(Name, code) : new(Name, code, sequence.Value.ToString(CultureInfo.InvariantCulture));

    /// <summary>In English, for the command line.</summary>
    public static string Describe(Problem problem)
    {
        var sequence = problem.Args.FirstOrDefault();
        return problem.Code switch
        {
            CustodyProblemCode.NoReceivedEntry => "the custody log does not start with its 'received' entry",
            CustodyProblemCode.Missing => $"custody entry {sequence} is missing",
            CustodyProblemCode.OutOfOrder => $"custody entries are out of order at {sequence}",
            CustodyProblemCode.BrokenLink => $"custody entry {sequence} does not follow the entry before it (previous hash differs)",
            CustodyProblemCode.Altered => $"custody entry {sequence} was altered after it was signed",
            CustodyProblemCode.ItemHashMismatch => $"the item's SHA-256 values differ from those signed in custody entry {sequence} (the item row was altered)",
            CustodyProblemCode.BadSignature => $"the signature of custody entry {sequence} does not verify under the organisation's key",
            CustodyProblemCode.UnknownKey => $"custody entry {sequence} names an organisation without a signing key",
            CustodyProblemCode.BlobMissing => "the stored file is missing",
            CustodyProblemCode.CiphertextMismatch => "the stored file's SHA-256 differs from the item's (the blob was altered)",
            CustodyProblemCode.OriginalMismatch => "the decrypted file's SHA-256 differs from the original's",
            _ => problem.Code,
        };
    }
}
