using System.ComponentModel.DataAnnotations;
using System.IO.Pipelines;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Qorgau.Data;
using Qorgau.Domain;
using Qorgau.Domain.Audit;
using Qorgau.Domain.Cases;
using Qorgau.Domain.Evidence;
using Qorgau.Domain.Organisations;
using Qorgau.Domain.Security;
using Qorgau.Web.Features.Cases;
using Qorgau.Web.Features.Intake;
using Qorgau.Web.Infrastructure.Audit;
using Qorgau.Web.Infrastructure.Blobs;

namespace Qorgau.Web.Features.Evidence;

/// <summary>Who signs a custody entry: the member acting, the organisation whose key signs, and that key.</summary>
public sealed record CustodySigner(StaffUser User, Organisation Organisation, byte[] SigningKey);

/// <summary>The words of a custody entry (received: from whom, how; handed over: to whom, why; exported: for whom). Stored under the case key.</summary>
public sealed record CustodyDetails(string? Party = null, string? Note = null);

/// <summary>What staff state about a new item.</summary>
public sealed record NewEvidence(string Kind, string? Description, string? ReceivedFrom, string? ReceivedHow, Guid? MedicalExaminationId);

public sealed class EvidenceOptions
{
    public const string SectionName = "Evidence";

    /// <summary>The largest evidence file accepted (CCTV footage can be long).</summary>
    [Range(1, long.MaxValue)]
    public long MaxItemBytes { get; set; } = 4L * 1024 * 1024 * 1024;
}

/// <summary>
/// Evidence items of a case: streamed in through the case key's stream cipher with the SHA-256 of the
/// original and of the ciphertext computed on the way, streamed out again, and a signed, chained
/// custody entry for every receipt, viewing, export and handover.
/// </summary>
public sealed class EvidenceLocker(QorgauDbContext db, IBlobStore blobs, CaseFiles files, AuditLog audit, IOptions<EvidenceOptions> options, TimeProvider clock)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <exception cref="EvidenceTooLargeException">The file is larger than allowed; nothing is kept.</exception>
    /// <exception cref="EvidenceTypeMismatchException">An upload's first bytes contradict its name or declared type; nothing is kept.</exception>
    public async Task<EvidenceItem> AddAsync(Case record, byte[] caseKey, NewEvidence input, string? fileName, string? contentType, Stream content, CustodySigner signer, CancellationToken cancellationToken, Guid? sourceAttachmentId = null)
    {
        if (sourceAttachmentId is null)
        {
            (var head, content) = await Infrastructure.Forms.FileHead.ReadAsync(content, Domain.Intake.FileSignatures.HeadLength, cancellationToken);
            if (!Domain.Intake.FileSignatures.Agree(fileName, contentType, head))
            {
                throw new EvidenceTypeMismatchException();
            }
        }

        var id = Guid.CreateVersion7();
        var original = new HashingReadStream(content, options.Value.MaxItemBytes);
        string? ciphertextSha256 = null;
        var context = Encoding.UTF8.GetBytes(EvidenceField.BlobContext(record.Id, id));
        var blobId = await blobs.CreateAsync(
            async output =>
            {
                await using var hashed = new HashingWriteStream(output);
                await StreamCipher.EncryptAsync(original, hashed, caseKey, context, cancellationToken: cancellationToken);
                ciphertextSha256 = hashed.Sha256Hex();
            },
            cancellationToken);
        var item = new EvidenceItem
        {
            Id = id,
            CaseId = record.Id,
            Kind = input.Kind,
            ContentType = NormalisedType(contentType),
            Length = original.BytesRead,
            AddedAtUtc = clock.GetUtcNow().UtcDateTime,
            AddedByUserId = signer.User.Id,
            FileNameCipher = Crypto.EncryptText(caseKey, SafeFileName(fileName), EvidenceField.NameContext(record.Id, id)),
            DescriptionCipher = string.IsNullOrWhiteSpace(input.Description) ? null : Crypto.EncryptText(caseKey, input.Description.Trim(), EvidenceField.DescriptionContext(record.Id, id)),
            BlobId = blobId,
            OriginalSha256 = original.Sha256Hex(),
            CiphertextSha256 = ciphertextSha256!,
            MedicalExaminationId = input.MedicalExaminationId,
            SourceAttachmentId = sourceAttachmentId,
        };
        try
        {
            await SaveReceivedAsync(record, caseKey, item, input, signer, cancellationToken);
        }
        catch
        {
            await blobs.DeleteAsync(blobId, CancellationToken.None);
            throw;
        }

        return item;
    }

    /// <summary>A complainant's attachment becomes an evidence item: decrypted and re-encrypted stream to stream, never whole in memory.</summary>
    public async Task<EvidenceItem> RegisterAttachmentAsync(Case record, byte[] caseKey, CaseAttachment attachment, NewEvidence input, CustodySigner signer, CancellationToken cancellationToken)
    {
        var pipe = new Pipe();
        var producer = Task.Run(
            async () =>
            {
                try
                {
                    await files.CopyPlaintextAsync(attachment, caseKey, pipe.Writer.AsStream(leaveOpen: true), cancellationToken);
                    await pipe.Writer.CompleteAsync();
                }
                catch (Exception e)
                {
                    await pipe.Writer.CompleteAsync(e);
                }
            },
            cancellationToken);
        await using var plaintext = pipe.Reader.AsStream();
        var name = CaseFiles.FileNameOf(attachment, caseKey);
        var item = await AddAsync(record, caseKey, input, name, attachment.ContentType, plaintext, signer, cancellationToken, attachment.Id);
        await producer;
        return item;
    }

    /// <summary>Appends a signed entry to the item's chain (retrying when another append took the same place), with its audit entry.</summary>
    public async Task<CustodyEntry> AppendAsync(Case record, byte[] caseKey, EvidenceItem item, string kind, CustodyDetails details, CustodySigner signer, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var entry = await NewEntryAsync(caseKey, item, kind, details, signer, cancellationToken);
            try
            {
                db.CustodyEntries.Add(entry);
                AddCaseEvent(record, item, kind, signer.User.Id);
                await db.SaveChangesAsync(cancellationToken);
                await audit.WriteAsync(new AuditEvent($"evidence.{kind}", signer.User.Id, record.OrganisationId, "evidence", item.Id.ToString(), $"case={record.Id} sequence={entry.Sequence}"), cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                return entry;
            }
            catch (DbUpdateException) when (attempt < 3)
            {
                await transaction.RollbackAsync(cancellationToken);
                db.ChangeTracker.Clear();
            }
        }
    }

    public async Task CopyPlaintextAsync(EvidenceItem item, byte[] caseKey, Stream output, CancellationToken cancellationToken)
    {
        await using var input = blobs.OpenRead(item.BlobId);
        await StreamCipher.DecryptAsync(input, output, caseKey, Encoding.UTF8.GetBytes(EvidenceField.BlobContext(item.CaseId, item.Id)), cancellationToken);
    }

    public static string NameOf(EvidenceItem item, byte[] caseKey) =>
        Crypto.DecryptText(caseKey, item.FileNameCipher, EvidenceField.NameContext(item.CaseId, item.Id));

    public static string? DescriptionOf(EvidenceItem item, byte[] caseKey) =>
        item.DescriptionCipher is null ? null : Crypto.DecryptText(caseKey, item.DescriptionCipher, EvidenceField.DescriptionContext(item.CaseId, item.Id));

    public static CustodyDetails DetailsOf(CustodyEntry entry, byte[] caseKey) =>
        JsonSerializer.Deserialize<CustodyDetails>(Crypto.DecryptText(caseKey, entry.DetailsCipher, EvidenceField.CustodyDetailsContext(entry.CaseId, entry.Id)), Json) ?? new CustodyDetails();

    public Task<List<CustodyEntry>> LogAsync(Guid itemId, CancellationToken cancellationToken) =>
        db.CustodyEntries.AsNoTracking().Where(e => e.ItemId == itemId).OrderBy(e => e.Sequence).ToListAsync(cancellationToken);

    /// <summary>
    /// Everything that can be checked without a key: the blob's SHA-256, then the custody chain and its
    /// signatures. With the case key, also the SHA-256 of the decrypted original.
    /// </summary>
    public async Task<IReadOnlyList<Problem>> VerifyAsync(EvidenceItem item, Func<Guid, byte[]?> signingPublicKeyOf, byte[]? caseKey, CancellationToken cancellationToken)
    {
        var problems = new List<Problem>();
        if (await CiphertextSha256Async(item, cancellationToken) is not { } stored)
        {
            problems.Add(CustodyProblemField.Of(CustodyProblemCode.BlobMissing, null));
        }
        else if (stored != item.CiphertextSha256)
        {
            problems.Add(CustodyProblemField.Of(CustodyProblemCode.CiphertextMismatch, null));
        }

        problems.AddRange(CustodyChain.Verify(item, await LogAsync(item.Id, cancellationToken), signingPublicKeyOf));
        if (caseKey is not null && problems.All(p => p.Code != CustodyProblemCode.BlobMissing) && await OriginalSha256Async(item, caseKey, cancellationToken) != item.OriginalSha256)
        {
            problems.Add(CustodyProblemField.Of(CustodyProblemCode.OriginalMismatch, null));
        }

        return problems;
    }

    /// <summary>The organisations' signing public keys, by id.</summary>
    public async Task<Func<Guid, byte[]?>> SigningKeysAsync(CancellationToken cancellationToken)
    {
        var keys = await db.Organisations.AsNoTracking().Where(o => o.SigningPublicKey != null).ToDictionaryAsync(o => o.Id, o => o.SigningPublicKey!, cancellationToken);
        return id => keys.GetValueOrDefault(id);
    }

    private async Task<string?> CiphertextSha256Async(EvidenceItem item, CancellationToken cancellationToken)
    {
        try
        {
            await using var input = blobs.OpenRead(item.BlobId);
            return Convert.ToHexStringLower(await SHA256.HashDataAsync(input, cancellationToken));
        }
        catch (FileNotFoundException)
        {
            return null;
        }
    }

    private async Task<string?> OriginalSha256Async(EvidenceItem item, byte[] caseKey, CancellationToken cancellationToken)
    {
        await using var sink = new HashingWriteStream(null);
        try
        {
            await CopyPlaintextAsync(item, caseKey, sink, cancellationToken);
            return sink.Sha256Hex();
        }
        catch (CryptographicException)
        {
            return null;
        }
    }

    private async Task SaveReceivedAsync(Case record, byte[] caseKey, EvidenceItem item, NewEvidence input, CustodySigner signer, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.EvidenceItems.Add(item);
        db.CustodyEntries.Add(await NewEntryAsync(caseKey, item, CustodyKind.Received, new CustodyDetails(Trimmed(input.ReceivedFrom), Trimmed(input.ReceivedHow)), signer, cancellationToken));
        AddCaseEvent(record, item, CustodyKind.Received, signer.User.Id);
        await db.SaveChangesAsync(cancellationToken);
        await audit.WriteAsync(new AuditEvent("evidence.added", signer.User.Id, record.OrganisationId, "evidence", item.Id.ToString(), $"case={record.Id} kind={item.Kind} bytes={item.Length}"), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    private async Task<CustodyEntry> NewEntryAsync(byte[] caseKey, EvidenceItem item, string kind, CustodyDetails details, CustodySigner signer, CancellationToken cancellationToken)
    {
        var previous = db.CustodyEntries.Local.Where(e => e.ItemId == item.Id).MaxBy(e => e.Sequence)
            ?? await db.CustodyEntries.AsNoTracking().Where(e => e.ItemId == item.Id).OrderByDescending(e => e.Sequence).FirstOrDefaultAsync(cancellationToken);
        var text = JsonSerializer.Serialize(details, Json);
        return CustodyChain.Append(item, previous, kind, clock.GetUtcNow(), signer.User.Id, signer.Organisation.Id, entryId => Crypto.EncryptText(caseKey, text, EvidenceField.CustodyDetailsContext(item.CaseId, entryId)), signer.SigningKey);
    }

    private void AddCaseEvent(Case record, EvidenceItem item, string kind, Guid actorId)
    {
        if (kind == CustodyKind.Viewed)
        {
            return; // a viewing is already an "accessed" event of the case; the custody log holds the rest
        }

        db.CaseEvents.Add(CaseEvents.Evidence(record.Id, clock.GetUtcNow().UtcDateTime, actorId, EvidenceEventKind.For(kind), item.Id, item.Kind));
    }

    private static string? Trimmed(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static string NormalisedType(string? contentType)
    {
        var type = contentType?.Split(';')[0].Trim().ToLowerInvariant();
        return string.IsNullOrEmpty(type) || type.Length > 100 ? "application/octet-stream" : type;
    }

    private static string SafeFileName(string? fileName)
    {
        var name = Path.GetFileName(fileName ?? string.Empty).Trim();
        name = new string([.. name.Where(c => !char.IsControl(c) && c is not '/' and not '\\')]);
        return name.Length == 0 ? "evidence" : name[..Math.Min(name.Length, 200)];
    }
}

/// <summary>The case events evidence writes, so the timeline shows them.</summary>
public static class EvidenceEventKind
{
    public const string Added = "evidence.added";
    public const string HandedOver = "evidence.handed-over";
    public const string Exported = "evidence.exported";

    public static string For(string custodyKind) => custodyKind switch
    {
        CustodyKind.Received => Added,
        CustodyKind.HandedOver => HandedOver,
        _ => Exported,
    };
}

/// <summary>An uploaded file's first bytes are not of the type its name or declared type says (see <see cref="Domain.Intake.FileSignatures"/>).</summary>
public sealed class EvidenceTypeMismatchException() : Exception("The evidence file's content does not match its name or declared type.");
