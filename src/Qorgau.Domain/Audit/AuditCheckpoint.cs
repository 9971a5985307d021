using System.Globalization;
using System.Text;
using Qorgau.Domain.Security;

namespace Qorgau.Domain.Audit;

/// <summary>
/// A signed statement "the audit log had <see cref="EntryCount"/> entries, the last with hash
/// <see cref="HeadHash"/>, at <see cref="CreatedAtUtc"/>". Signed with an Ed25519 key derived from the
/// installation secret, which the database never holds, so someone who can write only to the database
/// can delete checkpoints but cannot forge or move one. Kept in the database and, as one text line,
/// in an anchor file outside it.
/// </summary>
public sealed class AuditCheckpoint
{
    /// <summary>Row number in the database; not signed (the anchor file has none).</summary>
    public long Id { get; init; }

    public long EntryCount { get; init; }

    public required string HeadHash { get; init; }

    public DateTime CreatedAtUtc { get; init; }

    /// <summary>Ed25519 over <see cref="AuditAnchor.SignedText"/>, base64.</summary>
    public required string Signature { get; init; }

    public bool SameAs(AuditCheckpoint other) =>
        EntryCount == other.EntryCount && HeadHash == other.HeadHash && CreatedAtUtc == other.CreatedAtUtc && Signature == other.Signature;
}

/// <summary>
/// Makes, signs, reads and writes checkpoints. An anchor line is
/// <c>qorgau-audit-checkpoint/1 COUNT HEADHASH TIME SIGNATURE</c>: the entry count in decimal, the
/// head entry's SHA-256 in lowercase hex, the UTC time as <c>yyyy-MM-ddTHH:mm:ss.ffffffZ</c>, and the
/// base64 Ed25519 signature of everything before it on the line (without the last space).
/// </summary>
public static class AuditAnchor
{
    public const string Format = "qorgau-audit-checkpoint/1";
    private const string TimeFormat = "yyyy-MM-ddTHH:mm:ss.ffffffZ";

    public static AuditCheckpoint Create(long entryCount, string headHash, DateTimeOffset now, ReadOnlySpan<byte> signingKey)
    {
        var at = new DateTime(now.UtcTicks - (now.UtcTicks % 10), DateTimeKind.Utc);
        var signature = Signatures.Sign(signingKey, Encoding.UTF8.GetBytes(SignedText(entryCount, headHash, at)));
        return new AuditCheckpoint { EntryCount = entryCount, HeadHash = headHash, CreatedAtUtc = at, Signature = Convert.ToBase64String(signature) };
    }

    public static string SignedText(long entryCount, string headHash, DateTime at) =>
        string.Create(CultureInfo.InvariantCulture, $"{Format} {entryCount} {headHash} {at.ToString(TimeFormat, CultureInfo.InvariantCulture)}");

    /// <summary>Whether the installation's key signed exactly these values.</summary>
    public static bool IsSignedBy(AuditCheckpoint checkpoint, ReadOnlySpan<byte> publicKey)
    {
        Span<byte> signature = stackalloc byte[64];
        return Convert.TryFromBase64String(checkpoint.Signature, signature, out var length)
            && length == 64
            && Signatures.Verify(publicKey, Encoding.UTF8.GetBytes(SignedText(checkpoint.EntryCount, checkpoint.HeadHash, checkpoint.CreatedAtUtc)), signature);
    }

    public static string ToLine(AuditCheckpoint checkpoint) =>
        $"{SignedText(checkpoint.EntryCount, checkpoint.HeadHash, checkpoint.CreatedAtUtc)} {checkpoint.Signature}";

    /// <summary>A checkpoint read back from an anchor line, or null when the line is not one (its signature is not checked here).</summary>
    public static AuditCheckpoint? ParseLine(string line)
    {
        var parts = line.Trim().Split(' ');
        if (parts is not [Format, var countText, var head, var timeText, var signature]
            || !long.TryParse(countText, NumberStyles.None, CultureInfo.InvariantCulture, out var count)
            || head.Length != 64 || !head.All(char.IsAsciiHexDigitLower)
            || !DateTime.TryParseExact(timeText, TimeFormat, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var at))
        {
            return null;
        }

        return new AuditCheckpoint { EntryCount = count, HeadHash = head, CreatedAtUtc = DateTime.SpecifyKind(at, DateTimeKind.Utc), Signature = signature };
    }
}
