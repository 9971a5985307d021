namespace Qorgau.Domain.Audit;

/// <summary>
/// One append-only audit record. It holds identifiers and codes, never sensitive content. Each entry
/// carries the hash of the one before it, so altering, removing or inserting a row breaks the chain.
/// </summary>
public sealed class AuditEntry
{
    /// <summary>Sequence number: 1, 2, 3... without gaps.</summary>
    public long Id { get; init; }

    public DateTime OccurredAtUtc { get; init; }

    /// <summary>A dotted code such as <c>login.failed</c> or <c>case.read</c>.</summary>
    public required string Action { get; init; }

    public Guid? ActorUserId { get; init; }

    public Guid? OrganisationId { get; init; }

    public string? SubjectType { get; init; }

    public string? SubjectId { get; init; }

    /// <summary>More identifiers or codes (<c>role=analyst</c>); never free text a person typed.</summary>
    public string? Details { get; init; }

    public required string PreviousHash { get; init; }

    public required string Hash { get; init; }
}

/// <summary>What happened, before it is numbered and chained.</summary>
public sealed record AuditEvent(
    string Action,
    Guid? ActorUserId = null,
    Guid? OrganisationId = null,
    string? SubjectType = null,
    string? SubjectId = null,
    string? Details = null);
