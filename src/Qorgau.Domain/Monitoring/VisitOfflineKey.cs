namespace Qorgau.Domain.Monitoring;

/// <summary>
/// A visit's sealing key for the offline form (docs/decisions/0007): an ECDH P-256 pair made once, while the
/// visit is under way. The public key (SPKI) goes into the offline page, where the browser seals each entry
/// to it; the private key (PKCS#8) is encrypted under the visit's own key, so only those who open the visit
/// key (its team, their supervisors, the organisation's key holders) open what was sealed.
/// </summary>
public sealed class VisitOfflineKey
{
    public Guid VisitId { get; init; }

    public byte[] PublicKey { get; init; } = [];

    /// <summary>The PKCS#8 private key under the visit key, context <see cref="VisitField.Context"/>(visit, "offline-key", visit).</summary>
    public byte[] PrivateKeyCipher { get; init; } = [];

    public DateTime CreatedAtUtc { get; init; }

    public Guid CreatedByUserId { get; init; }
}
