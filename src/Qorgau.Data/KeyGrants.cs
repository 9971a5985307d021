namespace Qorgau.Data;

/// <summary>An organisation's private keys, sealed to one of its key holders.</summary>
public sealed class OrganisationKeyHolder
{
    public Guid OrganisationId { get; init; }

    public Guid UserId { get; init; }

    public required byte[] SealedSecrets { get; set; }

    public DateTime GrantedAtUtc { get; init; }
}

public enum KeyRecipient
{
    User,
    Organisation,
    Complainant,
}

/// <summary>A case key sealed to one recipient. Deleting the row revokes that recipient's access and nobody else's.</summary>
public sealed class CaseKeyGrant
{
    /// <summary>Random, not UUIDv7: intake writes one with every complaint, and a time-ordered id would carry the filing's millisecond.</summary>
    public Guid Id { get; init; } = Guid.NewGuid();

    public Guid CaseId { get; init; }

    public KeyRecipient RecipientKind { get; init; }

    public Guid RecipientId { get; init; }

    public required byte[] SealedKey { get; set; }

    public DateTime GrantedAtUtc { get; set; }
}
