namespace Qorgau.Data;

/// <summary>
/// One signed-in browser. It holds the user's private key encrypted under a random secret that lives
/// only in that browser's cookie, so any app node can serve the session while a database dump opens
/// nothing. Deleting or revoking the row ends the session everywhere.
/// </summary>
public sealed class StaffSession
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid UserId { get; init; }

    public DateTime CreatedAtUtc { get; init; }

    public DateTime LastSeenAtUtc { get; set; }

    public DateTime? RevokedAtUtc { get; set; }

    public required byte[] EncryptedPrivateKey { get; init; }
}
