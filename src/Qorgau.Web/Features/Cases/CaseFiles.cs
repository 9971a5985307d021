using System.Globalization;
using System.Text;
using Qorgau.Data;
using Qorgau.Domain;
using Qorgau.Domain.Cases;
using Qorgau.Domain.Intake;
using Qorgau.Domain.Profiles;
using Qorgau.Domain.Security;
using Qorgau.Domain.Streams;
using Qorgau.Web.Infrastructure.Blobs;
using Qorgau.Web.Infrastructure.Forms;

namespace Qorgau.Web.Features.Cases;

/// <summary>
/// Attachments of a case: encrypted under the case key as they stream in (chunk by chunk, never whole
/// in memory, never in clear on disk), padded with zeros to the size band so the blob's length tells
/// only the band, and decrypted as they stream out (the padding cut off).
/// </summary>
public sealed class CaseFiles(QorgauDbContext db, IBlobStore blobs, AttachmentLimits limits, JurisdictionProfile profile, TimeProvider clock)
{
    /// <exception cref="AttachmentRejectedException">The type is not allowed, the first bytes are not of that type or of the name's extension, or the file is too large; nothing is kept.</exception>
    public async Task<CaseAttachment> AddAsync(Guid caseId, byte[] caseKey, string? fileName, string? contentType, Stream content, MessageAuthor addedBy, CancellationToken cancellationToken)
    {
        if (!limits.IsAllowedType(contentType))
        {
            throw new AttachmentRejectedException(AttachmentProblemCode.TypeNotAllowed);
        }

        (var head, content) = await FileHead.ReadAsync(content, FileSignatures.HeadLength, cancellationToken);
        if (!FileSignatures.Agree(fileName, contentType, head))
        {
            throw new AttachmentRejectedException(AttachmentProblemCode.TypeMismatch);
        }

        var id = Guid.NewGuid();
        var counted = new LengthLimitedStream(content, limits.MaxAttachmentBytes);
        var padded = new BandPaddedStream(counted);
        var context = Encoding.UTF8.GetBytes(CaseField.AttachmentContext(caseId, id));
        var blobId = await blobs.CreateAsync(output => StreamCipher.EncryptAsync(padded, output, caseKey, context, cancellationToken: cancellationToken), cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var attachment = new CaseAttachment
        {
            Id = id,
            CaseId = caseId,
            AddedBy = addedBy,
            AddedOn = ProfileCalendar.DateOf(profile, now),
            ContentType = contentType!.Split(';')[0].Trim().ToLowerInvariant(),
            SizeBand = padded.Band,
            DetailsCipher = new AttachmentDetails(counted.BytesRead, now).Encrypt(caseKey, caseId, id),
            FileNameCipher = Crypto.EncryptText(caseKey, SafeFileName(fileName), CaseField.AttachmentNameContext(caseId, id)),
            BlobId = blobId,
        };
        db.CaseAttachments.Add(attachment);
        return attachment;
    }

    /// <summary>The time of an attachment's timeline event: the start of its day, like everything about it in clear.</summary>
    public DateTime EventTimeOf(CaseAttachment attachment) => ProfileCalendar.StartOfDayUtc(profile, attachment.AddedOn);

    /// <summary>A time-ordered id whose time is <see cref="EventTimeOf"/>, so the id tells no more than the row.</summary>
    public Guid EventIdOf(CaseAttachment attachment) => Guid.CreateVersion7(new DateTimeOffset(EventTimeOf(attachment)));

    public static string FileNameOf(CaseAttachment attachment, byte[] caseKey) =>
        Crypto.DecryptText(caseKey, attachment.FileNameCipher, CaseField.AttachmentNameContext(attachment.CaseId, attachment.Id));

    /// <summary>Decrypts into <paramref name="output"/>; a tampered or truncated blob stops with a CryptographicException.</summary>
    public async Task CopyPlaintextAsync(CaseAttachment attachment, byte[] caseKey, Stream output, CancellationToken cancellationToken)
    {
        await using var input = blobs.OpenRead(attachment.BlobId);
        var context = Encoding.UTF8.GetBytes(CaseField.AttachmentContext(attachment.CaseId, attachment.Id));
        var length = AttachmentDetails.Of(attachment, caseKey).Length;
        await StreamCipher.DecryptAsync(input, new TruncatingStream(output, length), caseKey, context, cancellationToken);
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

    /// <summary>Passes the upload through, then zeros up to its size band (<see cref="MetadataGrain.SizeBand"/>).</summary>
    private sealed class BandPaddedStream(LengthLimitedStream inner) : ForwardReadStream
    {
        private long _padding = -1;

        /// <summary>Known once the upload has ended.</summary>
        public long Band { get; private set; }

        public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            if (_padding < 0)
            {
                var read = await inner.ReadAsync(buffer, cancellationToken);
                if (read > 0 || buffer.Length == 0)
                {
                    return read;
                }

                Band = MetadataGrain.SizeBand(inner.BytesRead);
                _padding = Band - inner.BytesRead;
            }

            var zeros = (int)Math.Min(buffer.Length, _padding);
            buffer.Span[..zeros].Clear();
            _padding -= zeros;
            return zeros;
        }
    }

    /// <summary>Writes the first <paramref name="length"/> bytes and drops the rest (the band's padding, authenticated with the rest).</summary>
    private sealed class TruncatingStream(Stream inner, long length) : ForwardWriteStream
    {
        private long _left = length;

        public override void Write(byte[] buffer, int offset, int count) => WriteAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

        public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            var kept = (int)Math.Min(buffer.Length, _left);
            _left -= kept;
            if (kept > 0)
            {
                await inner.WriteAsync(buffer[..kept], cancellationToken);
            }
        }

        public override void Flush() => inner.Flush();

        public override Task FlushAsync(CancellationToken cancellationToken) => inner.FlushAsync(cancellationToken);
    }

    /// <summary>Counts what passes through and stops at the limit, so an oversized upload is refused while it streams.</summary>
    private sealed class LengthLimitedStream(Stream inner, long limit) : ForwardReadStream
    {
        public long BytesRead { get; private set; }

        public override long Position { get => BytesRead; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Count(inner.Read(buffer, offset, count));

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            Count(await inner.ReadAsync(buffer, cancellationToken));

        private int Count(int read)
        {
            BytesRead += read;
            return BytesRead > limit ? throw new AttachmentRejectedException(AttachmentProblemCode.TooLarge) : read;
        }
    }
}

/// <summary>Why an attachment was refused: codes of the <c>attachments</c> field's <see cref="Problem"/> (<see cref="AttachmentLimits.ProblemOf"/>).</summary>
public static class AttachmentProblemCode
{
    public const string TypeNotAllowed = "TypeNotAllowed";

    /// <summary>The first bytes are not of the declared type, or not of the type the name's extension says.</summary>
    public const string TypeMismatch = "TypeMismatch";
    public const string TooLarge = "TooLarge";
    public const string TooMany = "TooMany";
}

public sealed class AttachmentRejectedException(string code) : Exception($"The attachment was refused: {code}.")
{
    /// <summary>One of <see cref="AttachmentProblemCode"/>.</summary>
    public string Code { get; } = code;
}

/// <summary>What attachments may be: how many to a message, the size of one file and the types accepted (from <c>Intake</c>'s settings).</summary>
public sealed record AttachmentLimits(int MaxAttachments, long MaxAttachmentBytes, IReadOnlyCollection<string> AllowedTypes)
{
    public bool IsAllowedType(string? contentType) =>
        contentType is not null && AllowedTypes.Contains(contentType.Split(';')[0].Trim(), StringComparer.OrdinalIgnoreCase);

    /// <summary>A refused attachment as a problem with the <c>attachments</c> field; its words name the limits (files at a time, megabytes).</summary>
    public Problem ProblemOf(string code) =>
        new("attachments", code, MaxAttachments.ToString(CultureInfo.InvariantCulture), (MaxAttachmentBytes / (1024 * 1024)).ToString(CultureInfo.InvariantCulture));
}
