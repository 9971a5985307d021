namespace Qorgau.Domain.Organisations;

/// <summary>The one row that says this database holds a Qorgau installation, and whether it is a demonstration.</summary>
public sealed class Installation
{
    public const int SingletonId = 1;

    public int Id { get; init; } = SingletonId;

    public required string Name { get; set; }

    public required string ProfileCode { get; init; }

    public DateTime CreatedAtUtc { get; init; }

    public bool IsDemo { get; init; }

    /// <summary>Salt of the receipt derivation (Argon2id); made once, when the first complaint is filed.</summary>
    public byte[]? ReceiptSalt { get; set; }

    /// <summary>
    /// A value derived from the installation secret (never the secret): a node or a restore started with
    /// another secret is refused instead of making a new one that would open no receipt.
    /// </summary>
    public byte[]? SecretCheck { get; set; }

    /// <summary>
    /// The X25519 public key every backup is encrypted to. Its private key is printed once (at <c>init</c> or
    /// <c>backup-key create</c>) and never stored: a stolen database or backup yields nothing without it.
    /// </summary>
    public byte[]? BackupPublicKey { get; set; }
}
