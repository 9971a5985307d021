namespace Qorgau.Domain.Evidence;

/// <summary>
/// One piece of evidence on a case: an encrypted blob with the SHA-256 of the original (computed as it
/// streamed in) and of the stored ciphertext (so integrity can be checked without any key). The file
/// name and description are under the case key; kind, size, type and dates are in clear.
/// </summary>
public sealed class EvidenceItem
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid CaseId { get; init; }

    /// <summary>One of <see cref="EvidenceKind.All"/>.</summary>
    public required string Kind { get; init; }

    public required string ContentType { get; init; }

    /// <summary>The length of the original in bytes.</summary>
    public long Length { get; init; }

    public DateTime AddedAtUtc { get; init; }

    public Guid AddedByUserId { get; init; }

    public required byte[] FileNameCipher { get; init; }

    public byte[]? DescriptionCipher { get; init; }

    public required string BlobId { get; init; }

    /// <summary>SHA-256 of the original, lowercase hex.</summary>
    public required string OriginalSha256 { get; set; }

    /// <summary>SHA-256 of the stored blob (the ciphertext), lowercase hex.</summary>
    public required string CiphertextSha256 { get; set; }

    /// <summary>The forensic examination these photos document, if any: one of the same case's examinations.</summary>
    public Guid? MedicalExaminationId { get; init; }

    /// <summary>The complainant's attachment this item was registered from, if any.</summary>
    public Guid? SourceAttachmentId { get; init; }
}

/// <summary>The kinds of evidence item, as codes in the database and forms.</summary>
public static class EvidenceKind
{
    public const string Photo = "photo";
    public const string Video = "video";
    public const string Audio = "audio";
    public const string Document = "document";
    public const string MedicalRecord = "medical-record";
    public const string Cctv = "cctv";

    public static readonly IReadOnlyList<string> All = [Photo, Video, Audio, Document, MedicalRecord, Cctv];

    public static bool IsKnown(string? code) => code is not null && All.Contains(code);
}

/// <summary>The associated-data contexts of evidence ciphertexts: each binds a ciphertext to its case, item and field.</summary>
public static class EvidenceField
{
    public static string BlobContext(Guid caseId, Guid itemId) => $"case:{caseId:N}:evidence:{itemId:N}";

    public static string NameContext(Guid caseId, Guid itemId) => $"case:{caseId:N}:evidence-name:{itemId:N}";

    public static string DescriptionContext(Guid caseId, Guid itemId) => $"case:{caseId:N}:evidence-description:{itemId:N}";

    public static string CustodyDetailsContext(Guid caseId, Guid entryId) => $"case:{caseId:N}:custody:{entryId:N}";
}
