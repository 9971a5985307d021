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

/// <summary>
/// A file attached to a case: the bytes are an encrypted blob padded to its size band, the file name,
/// exact size and time are ciphertext (<see cref="AttachmentDetails"/>).
/// </summary>
public sealed class CaseAttachment
{
    /// <summary>Random, not UUIDv7 (which would carry the upload's millisecond).</summary>
    public Guid Id { get; init; } = Guid.NewGuid();

    public Guid CaseId { get; init; }

    public MessageAuthor AddedBy { get; init; }

    /// <summary>The day, in the profile's time zone; the instant is in <see cref="DetailsCipher"/>.</summary>
    public DateOnly AddedOn { get; init; }

    /// <summary>The declared media type, checked against the allowed list; needed to serve the file back.</summary>
    public required string ContentType { get; init; }

    /// <summary>The plaintext length rounded up to its band (<see cref="MetadataGrain.SizeBand"/>); the blob holds that many bytes.</summary>
    public long SizeBand { get; init; }

    /// <summary>Legacy: the exact plaintext length of a file stored before sizes were banded (its blob is not padded either); null from then on.</summary>
    public long? Length { get; init; }

    /// <summary><see cref="AttachmentDetails"/> under the case key; null for a file stored before.</summary>
    public byte[]? DetailsCipher { get; init; }

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

    /// <summary>The monitor who holds the confidential follow-up interview; never one affiliated with the accused agency.</summary>
    public Guid? InterviewerUserId { get; set; }

    public WithdrawalOutcome? Outcome { get; set; }

    public DateTime? OutcomeRecordedAtUtc { get; set; }

    public Guid? OutcomeByUserId { get; set; }

    /// <summary>The interview notes and protective measures, under the case key.</summary>
    public byte[]? NotesCipher { get; set; }

    public bool IsFollowUpPending => Outcome is null;
}

/// <summary>What the follow-up interview after a withdrawal found. Only <see cref="Voluntary"/> lets the case end on it.</summary>
public enum WithdrawalOutcome
{
    Voluntary,

    /// <summary>Pressure is suspected: protective measures are taken and the case goes on.</summary>
    PressureSuspected,

    /// <summary>The organisation goes on of its own motion whatever the complainant's wish.</summary>
    ContinueOwnMotion,
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
    public const string Accessed = "accessed";
    public const string MergedFrom = "merged-from";
    public const string ReferralHandedOver = "referral.handed-over";
    public const string Assigned = "assigned";
    public const string Unassigned = "unassigned";
    public const string IndependenceRefused = "independence.refused";
    public const string OverrideRequested = "independence.override-requested";
    public const string OverrideDecided = "independence.override-decided";
    public const string OfficialAdded = "official.added";
    public const string InterviewerAssigned = "withdrawal.interviewer";
    public const string WithdrawalOutcomeRecorded = "withdrawal.outcome";
    public const string DeadlineOverdue = "deadline.overdue";

    /// <summary>A requalification away from torture proposed in an organisation that decides, waiting for a second supervisor (<c>action.requalify</c> follows on confirmation).</summary>
    public const string RequalificationProposed = "requalification.proposed";

    /// <summary>The data step that recorded a bare article's part on existing cases (detail: from, article, flags).</summary>
    public const string ArticlePartInferred = "qualification.part-inferred";

    /// <summary>A workflow action: "action.register", "action.requalify"... the detail holds the new status and the action's fields.</summary>
    public static string Of(string action) => "action." + action;

    public static bool IsAction(string kind, out string action)
    {
        action = kind.StartsWith("action.", StringComparison.Ordinal) ? kind["action.".Length..] : string.Empty;
        return action.Length > 0;
    }
}
