using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Qorgau.Data;
using Qorgau.Domain.Cases;
using Qorgau.Domain.Evidence;
using Qorgau.Domain.Profiles;
using Qorgau.Domain.Security;

namespace Qorgau.Web.Features.Evidence;

/// <summary>
/// The evidence package for a court or prosecutor: a zip written straight to the response (no temporary
/// file, nothing in clear on disk) with the files under their names, <c>manifest.json</c>, <c>SHA256SUMS</c>,
/// the manifest's Ed25519 signature and the organisation's public key as PEM. Every item gets a signed
/// <c>exported</c> custody entry first, so the package carries its own export.
/// </summary>
public sealed class EvidencePackage(QorgauDbContext db, EvidenceLocker locker, TimeProvider clock, IStringLocalizer<SharedResource> localizer, JurisdictionProfile profile)
{
    public async Task WriteAsync(Stream output, Case record, byte[] caseKey, IReadOnlyList<EvidenceItem> items, string recipient, CustodySigner signer, CancellationToken cancellationToken)
    {
        foreach (var item in items)
        {
            await locker.AppendAsync(record, caseKey, item, CustodyKind.Exported, new CustodyDetails(recipient), signer, cancellationToken);
        }

        var files = items.Select((item, index) => (Item: item, Path: FilePath(index, EvidenceLocker.NameOf(item, caseKey)))).ToList();
        var manifest = await ManifestAsync(record, caseKey, files, recipient, signer, cancellationToken);
        var manifestBytes = JsonSerializer.SerializeToUtf8Bytes(manifest, PackageManifest.Json);
        var sums = new StringBuilder();
        sums.Append(CultureInfo.InvariantCulture, $"{CustodyChain.Sha256Hex(manifestBytes)}  {PackageManifest.ManifestFile}\n");
        foreach (var (item, path) in files)
        {
            sums.Append(CultureInfo.InvariantCulture, $"{item.OriginalSha256}  {path}\n");
        }

        var body = new AsyncOnlyStream(output);
        await WriteZipAsync(body, caseKey, files, manifestBytes, sums.ToString(), signer, cancellationToken);
        await body.FlushAsync(cancellationToken);
    }

    private async Task WriteZipAsync(Stream output, byte[] caseKey, List<(EvidenceItem Item, string Path)> files, byte[] manifestBytes, string sums, CustodySigner signer, CancellationToken cancellationToken)
    {
        await using var zip = await ZipArchive.CreateAsync(output, ZipArchiveMode.Create, leaveOpen: true, entryNameEncoding: null, cancellationToken);
        await AddAsync(zip, PackageManifest.ManifestFile, manifestBytes, cancellationToken);
        await AddAsync(zip, PackageManifest.SignatureFile, Signatures.Sign(signer.SigningKey, manifestBytes), cancellationToken);
        await AddAsync(zip, PackageManifest.PublicKeyFile, Encoding.ASCII.GetBytes(CustodySigning.PublicKeyPem(signer.Organisation.SigningPublicKey!)), cancellationToken);
        await AddAsync(zip, PackageManifest.SumsFile, Encoding.UTF8.GetBytes(sums), cancellationToken);
        await AddAsync(zip, "VERIFY.txt", Encoding.UTF8.GetBytes(VerifyText), cancellationToken);
        foreach (var (item, path) in files)
        {
            var entry = zip.CreateEntry(path, CompressionLevel.NoCompression);
            await using var stream = await entry.OpenAsync(cancellationToken);
            await using var hashed = new HashingWriteStream(stream);
            await locker.CopyPlaintextAsync(item, caseKey, hashed, cancellationToken);
            if (hashed.Sha256Hex() != item.OriginalSha256)
            {
                // The response is already streaming: stopping it leaves a truncated zip that fails to open, never a package that lies.
                throw new InvalidDataException($"Evidence item {item.Id} does not match its SHA-256; the package was abandoned.");
            }
        }
    }

    public const string VerifyText = """
        This evidence package verifies with standard tools, from this folder once unzipped:

          sha256sum -c SHA256SUMS
          openssl pkeyutl -verify -pubin -inkey signing-key.pem -rawin -in manifest.json -sigfile manifest.json.sig

        The first checks every file and the manifest; the second checks that the manifest was signed with
        the organisation's Ed25519 key. Each custody entry in manifest.json carries the exact bytes that
        were signed (signedBytesBase64) and its signature (signatureBase64), so each verifies the same way.
        Or, with Qorgau: qorgau evidence verify-package PACKAGE.zip

        """;

    private async Task<PackageManifest> ManifestAsync(Case record, byte[] caseKey, List<(EvidenceItem Item, string Path)> files, string recipient, CustodySigner signer, CancellationToken cancellationToken)
    {
        var ids = files.Select(f => f.Item.Id).ToList();
        var logs = (await db.CustodyEntries.AsNoTracking().Where(e => ids.Contains(e.ItemId)).OrderBy(e => e.Sequence).ToListAsync(cancellationToken)).ToLookup(e => e.ItemId);
        var people = await PeopleAsync([.. logs.SelectMany(l => l).Select(e => e.ActorUserId).Append(signer.User.Id)], cancellationToken);
        var signers = await db.Organisations.AsNoTracking().Where(o => o.SigningPublicKey != null).ToListAsync(cancellationToken);
        var usedOrganisations = logs.SelectMany(l => l).Select(e => e.OrganisationId).Append(signer.Organisation.Id).ToHashSet();
        return new PackageManifest(
            PackageManifest.FormatName,
            record.PublicId,
            signer.Organisation.Code,
            signer.Organisation.Name.For(CultureInfo.CurrentUICulture),
            clock.GetUtcNow().UtcDateTime,
            people[signer.User.Id],
            recipient,
            [.. signers.Where(o => usedOrganisations.Contains(o.Id)).Select(o => new PackageSigner(o.Id, o.Code, Convert.ToBase64String(o.SigningPublicKey!)))],
            [.. files.Select(f => ItemOf(f.Item, f.Path, caseKey, logs[f.Item.Id], people))]);
    }

    private PackageItem ItemOf(EvidenceItem item, string path, byte[] caseKey, IEnumerable<CustodyEntry> log, IReadOnlyDictionary<Guid, PackagePerson> people) => new(
        item.Id,
        item.Kind,
        path,
        EvidenceLocker.NameOf(item, caseKey),
        EvidenceLocker.DescriptionOf(item, caseKey),
        item.ContentType,
        item.Length,
        item.OriginalSha256,
        item.CiphertextSha256,
        DateTime.SpecifyKind(item.AddedAtUtc, DateTimeKind.Utc),
        item.MedicalExaminationId,
        [.. log.Select(e => EntryOf(e, caseKey, people))]);

    private PackageCustodyEntry EntryOf(CustodyEntry entry, byte[] caseKey, IReadOnlyDictionary<Guid, PackagePerson> people)
    {
        var details = EvidenceLocker.DetailsOf(entry, caseKey);
        var actor = people.GetValueOrDefault(entry.ActorUserId) ?? new PackagePerson(entry.ActorUserId, "?", []);
        var facts = CustodyChain.FactsOf(entry);
        return new PackageCustodyEntry(
            entry.Sequence,
            entry.Kind,
            DateTime.SpecifyKind(entry.OccurredAtUtc, DateTimeKind.Utc),
            actor,
            entry.OrganisationId,
            EvidenceText.Statement(localizer, profile, entry, actor.Name, actor.Roles, details),
            details.Party,
            details.Note,
            facts.DetailsSha256,
            entry.OriginalSha256,
            entry.CiphertextSha256,
            entry.PreviousHash,
            entry.Hash,
            Convert.ToBase64String(facts.ToBytes()),
            Convert.ToBase64String(entry.Signature));
    }

    private async Task<Dictionary<Guid, PackagePerson>> PeopleAsync(List<Guid> ids, CancellationToken cancellationToken)
    {
        var roles = (await (from ur in db.UserRoles
                            join r in db.Roles on ur.RoleId equals r.Id
                            where ids.Contains(ur.UserId)
                            select new { ur.UserId, r.Name }).ToListAsync(cancellationToken)).ToLookup(x => x.UserId, x => x.Name!);
        return await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id))
            .ToDictionaryAsync(u => u.Id, u => new PackagePerson(u.Id, u.DisplayName, [.. roles[u.Id].Order(StringComparer.Ordinal)]), cancellationToken);
    }

    private static async Task AddAsync(ZipArchive zip, string name, byte[] content, CancellationToken cancellationToken)
    {
        var entry = zip.CreateEntry(name, CompressionLevel.Optimal);
        await using var stream = await entry.OpenAsync(cancellationToken);
        await stream.WriteAsync(content, cancellationToken);
    }

    /// <summary>"files/01-photo.jpg": numbered so that two items of the same name stay apart; no character sha256sum would escape.</summary>
    private static string FilePath(int index, string name)
    {
        var safe = new string([.. name.Select(c => char.IsControl(c) || c is '/' or '\\' ? '_' : c)]);
        return string.Create(CultureInfo.InvariantCulture, $"files/{index + 1:00}-{safe}");
    }
}
