namespace Qorgau.Data;

/// <summary>The organisation's custody signing key, sealed to one member who is not a key holder (see <c>CustodySigning</c>).</summary>
public sealed class CustodySignerGrant
{
    public Guid OrganisationId { get; init; }

    public Guid UserId { get; init; }

    public required byte[] SealedKey { get; set; }

    /// <summary>The member's X25519 public key it was sealed to: a different current key (after a reset) means the copy is stale.</summary>
    public required byte[] SealedToPublicKey { get; set; }

    public Guid GrantedByUserId { get; set; }

    public DateTime GrantedAtUtc { get; set; }
}
