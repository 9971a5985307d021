using System.Text.Json;

namespace Qorgau.Domain.Evidence;

/// <summary>
/// <c>manifest.json</c> of an evidence package: the case, the organisation, each item with its file,
/// hashes and custody log in plain words, and for each custody entry the exact bytes that were signed
/// and the signature, so that every entry verifies on its own.
/// </summary>
public sealed record PackageManifest(
    string Format,
    string Case,
    string Organisation,
    string OrganisationName,
    DateTime CreatedAtUtc,
    PackagePerson CreatedBy,
    string Recipient,
    IReadOnlyList<PackageSigner> Signers,
    IReadOnlyList<PackageItem> Items)
{
    public const string FormatName = "qorgau-evidence-package-v1";
    public const string ManifestFile = "manifest.json";
    public const string SignatureFile = "manifest.json.sig";
    public const string PublicKeyFile = "signing-key.pem";
    public const string SumsFile = "SHA256SUMS";

    /// <summary>Indented, with Kazakh and Russian text as UTF-8 rather than escapes, so that a person reads the file as it is.</summary>
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
}

public sealed record PackagePerson(Guid Id, string Name, IReadOnlyList<string> Roles);

/// <summary>An organisation whose key signed entries in this package; the package's own key file is the exporting organisation's.</summary>
public sealed record PackageSigner(Guid Id, string Code, string SigningPublicKeyBase64);

public sealed record PackageItem(
    Guid Id,
    string Kind,
    string File,
    string Name,
    string? Description,
    string ContentType,
    long Size,
    string Sha256,
    string CiphertextSha256,
    DateTime AddedAtUtc,
    Guid? MedicalExaminationId,
    IReadOnlyList<PackageCustodyEntry> Custody);

public sealed record PackageCustodyEntry(
    int Sequence,
    string Kind,
    DateTime TimeUtc,
    PackagePerson Actor,
    Guid OrganisationId,
    string Statement,
    string? Party,
    string? Note,
    string DetailsCiphertextSha256,
    string OriginalSha256,
    string CiphertextSha256,
    string Previous,
    string Hash,
    string SignedBytesBase64,
    string SignatureBase64)
{
    public CustodyFacts Facts(Guid itemId) =>
        new(itemId, Sequence, Kind, DateTime.SpecifyKind(TimeUtc, DateTimeKind.Utc), Actor.Id, DetailsCiphertextSha256, OriginalSha256, CiphertextSha256, Previous);
}
