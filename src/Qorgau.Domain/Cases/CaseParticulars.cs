using System.Text.Json;
using System.Text.Json.Serialization;
using Qorgau.Domain.Security;

namespace Qorgau.Domain.Cases;

/// <summary>
/// What intake knows about a complaint that no rule needs in clear, yet that re-identifies the
/// complainant when joined with a prison log or a phone record: the exact instant it arrived, the
/// language, who wrote, whether the victim is still held and whether contact is allowed. Held only
/// under the case key (<see cref="CaseField.Particulars"/>); the row keeps the coarse facts that
/// routing, deadlines and statistics need (<see cref="Case.ReceivedOn"/>, <see cref="Case.IsUrgent"/>,
/// <see cref="Case.ConsentToShare"/>).
/// </summary>
public sealed record CaseParticulars(
    DateTime ReceivedAtUtc,
    string? Language,
    ReporterRelation? ReporterRelation,
    bool? VictimStillHeld,
    bool? ContactAllowed)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public byte[] Encrypt(byte[] caseKey, Guid caseId) =>
        Crypto.EncryptText(caseKey, JsonSerializer.Serialize(this with { ReceivedAtUtc = DateTime.SpecifyKind(ReceivedAtUtc, DateTimeKind.Utc) }, Json), CaseField.Context(caseId, CaseField.Particulars));

    /// <summary>
    /// The particulars of a case for someone holding its key: from the ciphertext, or, for a case stored
    /// before they were encrypted, from the legacy columns (no exact instant: only the date survives).
    /// </summary>
    public static CaseParticulars Of(Case record, byte[] caseKey) =>
        record.ParticularsCipher is { } cipher
            ? JsonSerializer.Deserialize<CaseParticulars>(Crypto.DecryptText(caseKey, cipher, CaseField.Context(record.Id, CaseField.Particulars)), Json)!
            : new CaseParticulars(default, record.Language, record.ReporterRelation, record.VictimStillHeld, record.ContactAllowed);

    /// <summary>Whether the exact instant is known (cases filed before it was encrypted kept only their date).</summary>
    [JsonIgnore]
    public bool KnowsInstant => ReceivedAtUtc != default;
}

/// <summary>The exact size and time of an attachment, under the case key (<see cref="CaseField.AttachmentDetailsContext"/>).</summary>
public sealed record AttachmentDetails(long Length, DateTime AddedAtUtc)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public byte[] Encrypt(byte[] caseKey, Guid caseId, Guid attachmentId) =>
        Crypto.EncryptText(caseKey, JsonSerializer.Serialize(this with { AddedAtUtc = DateTime.SpecifyKind(AddedAtUtc, DateTimeKind.Utc) }, Json), CaseField.AttachmentDetailsContext(caseId, attachmentId));

    /// <summary>From the ciphertext, or for a file stored before it was encrypted, from the legacy length column and the day.</summary>
    public static AttachmentDetails Of(CaseAttachment attachment, byte[] caseKey) =>
        attachment.DetailsCipher is { } cipher
            ? JsonSerializer.Deserialize<AttachmentDetails>(Crypto.DecryptText(caseKey, cipher, CaseField.AttachmentDetailsContext(attachment.CaseId, attachment.Id)), Json)!
            : new AttachmentDetails(attachment.Length ?? attachment.SizeBand, default);
}

/// <summary>
/// The grain of what stays in clear. Sizes go in bands: the stored blob is padded with zeros up to
/// its band, so neither the row nor the file's length tells the exact size. The band is Padmé
/// (Nikitin et al., "Reducing metadata leakage from encrypted files and communication with PURBs",
/// PETS 2019): the length rounded up to keep only the top ⌊log₂⌊log₂ L⌋⌋ + 1 bits, at most 12 %
/// larger, leaking O(log log L) bits where a power-of-two band would double some files.
/// </summary>
public static class MetadataGrain
{
    /// <summary>Every file smaller than this is padded to it: small files (a photo of a note) all look alike.</summary>
    public const long SmallestBand = 4096;

    public static long SizeBand(long length)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        if (length <= SmallestBand)
        {
            return SmallestBand;
        }

        var exponent = 63 - (int)long.LeadingZeroCount(length);
        var bitsOfExponent = 32 - int.LeadingZeroCount(exponent);
        var dropped = exponent - bitsOfExponent;
        var mask = (1L << dropped) - 1;
        return (length + mask) & ~mask;
    }

    /// <summary>The start of a day in the profile's time zone, as a UTC instant: the only time a filing's records carry in clear.</summary>
    public static DateTime StartOfDayUtc(DateOnly day, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified), zone);
}
