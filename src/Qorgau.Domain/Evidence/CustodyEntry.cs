namespace Qorgau.Domain.Evidence;

/// <summary>
/// One step in an evidence item's chain of custody. Append-only; each entry holds the hash of the one
/// before it (of the same item) and the organisation's Ed25519 signature over its canonical bytes
/// (<see cref="CustodyChain.SignedBytes"/>). The details (from whom, how, to whom, why) are under the case key.
/// </summary>
public sealed class CustodyEntry
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid ItemId { get; init; }

    public Guid CaseId { get; init; }

    /// <summary>1 for the <c>received</c> entry, then one more for each entry after it.</summary>
    public int Sequence { get; init; }

    /// <summary>One of <see cref="CustodyKind.All"/>.</summary>
    public required string Kind { get; init; }

    public DateTime OccurredAtUtc { get; init; }

    public Guid ActorUserId { get; init; }

    /// <summary>The organisation whose key signed the entry (the case's organisation at that time).</summary>
    public Guid OrganisationId { get; init; }

    public required byte[] DetailsCipher { get; init; }

    /// <summary>The item's SHA-256 of the original as signed in this entry (hex); must equal the item row's.</summary>
    public required string OriginalSha256 { get; init; }

    /// <summary>The item's SHA-256 of the ciphertext as signed in this entry (hex); must equal the item row's.</summary>
    public required string CiphertextSha256 { get; init; }

    /// <summary>SHA-256 (hex) of the previous entry's signed bytes; zeros for the first.</summary>
    public required string PreviousHash { get; init; }

    /// <summary>SHA-256 (hex) of this entry's signed bytes.</summary>
    public required string Hash { get; init; }

    /// <summary>Ed25519 signature of the signed bytes by the organisation's key.</summary>
    public required byte[] Signature { get; init; }
}

/// <summary>The kinds of custody entry.</summary>
public static class CustodyKind
{
    public const string Received = "received";
    public const string Viewed = "viewed";
    public const string Exported = "exported";
    public const string HandedOver = "handed-over";

    public static readonly IReadOnlyList<string> All = [Received, Viewed, Exported, HandedOver];
}
