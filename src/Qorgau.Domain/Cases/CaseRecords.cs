namespace Qorgau.Domain.Cases;

public enum MessageAuthor
{
    Complainant,
    Staff,
}

/// <summary>A message between the complainant and the organisation; the text only as ciphertext.</summary>
public sealed class CaseMessage
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid CaseId { get; init; }

    public MessageAuthor Author { get; init; }

    /// <summary>The staff member who wrote it; never shown to the complainant.</summary>
    public Guid? AuthorUserId { get; init; }

    public DateTime SentAtUtc { get; init; }

    public required byte[] TextCipher { get; init; }
}

/// <summary>A file attached to a case: the bytes are an encrypted blob, the file name is ciphertext.</summary>
public sealed class CaseAttachment
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid CaseId { get; init; }

    public MessageAuthor AddedBy { get; init; }

    public DateTime AddedAtUtc { get; init; }

    /// <summary>The declared media type, checked against the allowed list; needed to serve the file back.</summary>
    public required string ContentType { get; init; }

    /// <summary>The plaintext length in bytes.</summary>
    public long Length { get; init; }

    public required byte[] FileNameCipher { get; init; }

    public required string BlobId { get; init; }
}

/// <summary>A request to withdraw the complaint. It closes nothing: case management decides what follows.</summary>
public sealed class Withdrawal
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid CaseId { get; init; }

    public MessageAuthor RequestedBy { get; init; }

    public DateTime RequestedAtUtc { get; init; }

    public byte[]? ReasonCipher { get; init; }
}

/// <summary>
/// One entry of a case's append-only timeline. Holds codes and identifiers, never sensitive text
/// (that stays in the encrypted records the event points to).
/// </summary>
public sealed class CaseEvent
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid CaseId { get; init; }

    public DateTime OccurredAtUtc { get; init; }

    public required string Kind { get; init; }

    public Guid? ActorUserId { get; init; }

    /// <summary>Non-sensitive detail: a status, a code, the id of the record the event is about.</summary>
    public string? Detail { get; init; }
}

/// <summary>The kinds of <see cref="CaseEvent"/> intake writes.</summary>
public static class CaseEventKind
{
    public const string Received = "received";
    public const string Read = "read";
    public const string MessageFromComplainant = "message.complainant";
    public const string MessageFromStaff = "message.staff";
    public const string AttachmentAdded = "attachment.added";
    public const string WithdrawalRequested = "withdrawal.requested";
}
