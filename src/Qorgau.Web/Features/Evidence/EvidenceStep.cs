namespace Qorgau.Web.Features.Evidence;

/// <summary>
/// What a custody step answers the evidence page: done (the item it recorded, or a file to send), refused
/// because the member cannot sign custody entries (nothing was recorded), no such item, or the form's
/// problems in the reader's words under each field's name.
/// </summary>
public sealed record EvidenceStep(EvidenceStepOutcome Outcome)
{
    public static EvidenceStep CannotSign { get; } = new(EvidenceStepOutcome.CannotSign);

    public static EvidenceStep NoSuchItem { get; } = new(EvidenceStepOutcome.NoSuchItem);

    public Guid? ItemId { get; init; }

    public EvidenceDownload? Download { get; init; }

    public IReadOnlyDictionary<string, string> Problems { get; init; } = new Dictionary<string, string>();

    public static EvidenceStep Recorded(Guid itemId) => new(EvidenceStepOutcome.Done) { ItemId = itemId };

    public static EvidenceStep Sending(EvidenceDownload download) => new(EvidenceStepOutcome.Done) { Download = download };

    public static EvidenceStep Invalid(IReadOnlyDictionary<string, string> problems) => new(EvidenceStepOutcome.Invalid) { Problems = problems };
}

public enum EvidenceStepOutcome
{
    Done,
    CannotSign,
    NoSuchItem,
    Invalid,
}

/// <summary>A file the page sends: its name, type and length when known, and how to write it (decrypted or built as it streams).</summary>
public sealed record EvidenceDownload(string Name, string ContentType, long? Length, Func<Stream, CancellationToken, Task> CopyToAsync);
