namespace Qorgau.Data;

/// <summary>
/// A personal access token for the staff API. Only its SHA-256 is stored; the token itself is shown
/// once. It acts with its user's rights at the time of each request, never decrypts anything, and
/// stops working when revoked or when the user is locked out.
/// </summary>
public sealed class PersonalAccessToken
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid UserId { get; init; }

    public required string Name { get; init; }

    public required byte[] TokenHash { get; init; }

    /// <summary>The first characters of the token, so the owner can tell tokens apart.</summary>
    public required string Prefix { get; init; }

    public DateTime CreatedAtUtc { get; init; }

    public DateTime? LastUsedAtUtc { get; set; }

    public DateTime? RevokedAtUtc { get; set; }
}

/// <summary>An in-app reminder of overdue work on a case; it names the case and the deadline, nothing of the content.</summary>
public sealed class StaffReminder
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid UserId { get; init; }

    public Guid CaseId { get; init; }

    public required string DeadlineCode { get; init; }

    public DateOnly DueOn { get; init; }

    public DateTime CreatedAtUtc { get; init; }

    public DateTime? ReadAtUtc { get; set; }
}
