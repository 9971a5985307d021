using System.Text;
using Microsoft.Extensions.Options;
using Qorgau.Data;
using Qorgau.Domain.Cases;
using Qorgau.Domain.Intake;
using Qorgau.Domain.Security;
using Qorgau.Web.Infrastructure.Blobs;
using Qorgau.Web.Infrastructure.Forms;

namespace Qorgau.Web.Features.Intake;

/// <summary>
/// Attachments of a case: encrypted under the case key as they stream in (chunk by chunk, never whole
/// in memory, never in clear on disk) and decrypted as they stream out.
/// </summary>
public sealed class CaseFiles(QorgauDbContext db, IBlobStore blobs, IOptions<IntakeOptions> options, TimeProvider clock)
{
    /// <exception cref="AttachmentRejectedException">The type is not allowed, the first bytes are not of that type or of the name's extension, or the file is too large; nothing is kept.</exception>
    public async Task<CaseAttachment> AddAsync(Guid caseId, byte[] caseKey, string? fileName, string? contentType, Stream content, MessageAuthor addedBy, CancellationToken cancellationToken)
    {
        var limits = options.Value;
        if (!limits.IsAllowedType(contentType))
        {
            throw new AttachmentRejectedException(AttachmentProblem.TypeNotAllowed);
        }

        (var head, content) = await FileHead.ReadAsync(content, FileSignatures.HeadLength, cancellationToken);
        if (!FileSignatures.Agree(fileName, contentType, head))
        {
            throw new AttachmentRejectedException(AttachmentProblem.TypeMismatch);
        }

        var id = Guid.CreateVersion7();
        var counted = new LengthLimitedStream(content, limits.MaxAttachmentBytes);
        var context = Encoding.UTF8.GetBytes(CaseField.AttachmentContext(caseId, id));
        var blobId = await blobs.CreateAsync(output => StreamCipher.EncryptAsync(counted, output, caseKey, context, cancellationToken: cancellationToken), cancellationToken);
        var attachment = new CaseAttachment
        {
            Id = id,
            CaseId = caseId,
            AddedBy = addedBy,
            AddedAtUtc = clock.GetUtcNow().UtcDateTime,
            ContentType = contentType!.Split(';')[0].Trim().ToLowerInvariant(),
            Length = counted.BytesRead,
            FileNameCipher = Crypto.EncryptText(caseKey, SafeFileName(fileName), CaseField.AttachmentNameContext(caseId, id)),
            BlobId = blobId,
        };
        db.CaseAttachments.Add(attachment);
        return attachment;
    }

    public static string FileNameOf(CaseAttachment attachment, byte[] caseKey) =>
        Crypto.DecryptText(caseKey, attachment.FileNameCipher, CaseField.AttachmentNameContext(attachment.CaseId, attachment.Id));

    /// <summary>Decrypts into <paramref name="output"/>; a tampered or truncated blob stops with a CryptographicException.</summary>
    public async Task CopyPlaintextAsync(CaseAttachment attachment, byte[] caseKey, Stream output, CancellationToken cancellationToken)
    {
        await using var input = blobs.OpenRead(attachment.BlobId);
        var context = Encoding.UTF8.GetBytes(CaseField.AttachmentContext(attachment.CaseId, attachment.Id));
        await StreamCipher.DecryptAsync(input, output, caseKey, context, cancellationToken);
    }

    /// <summary>Removes the blobs of attachments that were not saved (the filing failed).</summary>
    public async Task DiscardAsync(IEnumerable<CaseAttachment> attachments)
    {
        foreach (var attachment in attachments)
        {
            await blobs.DeleteAsync(attachment.BlobId);
        }
    }

    private static string SafeFileName(string? fileName)
    {
        var name = Path.GetFileName(fileName ?? string.Empty).Trim();
        name = new string([.. name.Where(c => !char.IsControl(c))]);
        return name.Length == 0 ? "attachment" : name[..Math.Min(name.Length, 200)];
    }

    /// <summary>Counts what passes through and stops at the limit, so an oversized upload is refused while it streams.</summary>
    private sealed class LengthLimitedStream(Stream inner, long limit) : Stream
    {
        public long BytesRead { get; private set; }

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => BytesRead; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Count(inner.Read(buffer, offset, count));

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            Count(await inner.ReadAsync(buffer, cancellationToken));

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        private int Count(int read)
        {
            BytesRead += read;
            return BytesRead > limit ? throw new AttachmentRejectedException(AttachmentProblem.TooLarge) : read;
        }
    }
}

public enum AttachmentProblem
{
    TypeNotAllowed,

    /// <summary>The first bytes are not of the declared type, or not of the type the name's extension says.</summary>
    TypeMismatch,
    TooLarge,
    TooMany,
}

public sealed class AttachmentRejectedException(AttachmentProblem problem) : Exception($"The attachment was refused: {problem}.")
{
    public AttachmentProblem Problem { get; } = problem;
}
