namespace Qorgau.Domain.Intake;

/// <summary>
/// The type of an uploaded file as its first bytes show it (magic numbers), against the type the
/// browser declared and the extension of its name: a file called <c>photo.jpg</c> that starts like a
/// program or a web page is refused. Container formats are checked by their container (any ISO media
/// "ftyp" box for MP4, MOV, 3GP, M4A and HEIC; any Matroska header for WebM), since phones label them
/// loosely.
/// </summary>
public static class FileSignatures
{
    /// <summary>How many first bytes the check needs.</summary>
    public const int HeadLength = 16;

    private static readonly Signature[] Known =
    [
        new("image/jpeg", [".jpg", ".jpeg", ".jpe", ".jfif"], h => StartsWith(h, 0xFF, 0xD8, 0xFF)),
        new("image/png", [".png"], h => StartsWith(h, 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A)),
        new("image/gif", [".gif"], h => Ascii(h, 0, "GIF87a") || Ascii(h, 0, "GIF89a")),
        new("image/webp", [".webp"], h => Ascii(h, 0, "RIFF") && Ascii(h, 8, "WEBP")),
        new("image/heic", [".heic", ".heif"], IsIsoMedia),
        new("image/heif", [".heic", ".heif"], IsIsoMedia),
        new("application/pdf", [".pdf"], h => Ascii(h, 0, "%PDF-")),
        new("text/plain", [".txt", ".text", ".log"], IsText),
        new("application/msword", [".doc"], h => StartsWith(h, 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1)),
        new("application/vnd.openxmlformats-officedocument.wordprocessingml.document", [".docx"], h => StartsWith(h, 0x50, 0x4B, 0x03, 0x04)),
        new("audio/mpeg", [".mp3"], h => Ascii(h, 0, "ID3") || IsMpegFrame(h)),
        new("audio/mp4", [".m4a", ".mp4", ".aac"], IsIsoMedia),
        new("audio/ogg", [".ogg", ".oga", ".opus"], h => Ascii(h, 0, "OggS")),
        new("audio/wav", [".wav"], h => Ascii(h, 0, "RIFF") && Ascii(h, 8, "WAVE")),
        new("audio/x-wav", [".wav"], h => Ascii(h, 0, "RIFF") && Ascii(h, 8, "WAVE")),
        new("audio/webm", [".webm", ".weba"], IsMatroska),
        new("audio/aac", [".aac"], h => Ascii(h, 0, "ADIF") || Ascii(h, 0, "ID3") || (h.Length >= 2 && h[0] == 0xFF && (h[1] & 0xF6) == 0xF0)),
        new("audio/amr", [".amr"], h => Ascii(h, 0, "#!AMR")),
        new("video/mp4", [".mp4", ".m4v"], IsIsoMedia),
        new("video/quicktime", [".mov", ".qt"], h => IsIsoMedia(h) || Ascii(h, 4, "moov") || Ascii(h, 4, "mdat") || Ascii(h, 4, "wide") || Ascii(h, 4, "free")),
        new("video/webm", [".webm", ".mkv"], IsMatroska),
        new("video/3gpp", [".3gp", ".3gpp"], IsIsoMedia),
    ];

    /// <summary>
    /// Whether the first bytes agree with the declared type and the name's extension. A type this table
    /// does not know (evidence may be any format: CCTV exports, archives) is judged by its extension
    /// alone: refused only when the extension names a known type the bytes are not.
    /// </summary>
    public static bool Agree(string? fileName, string? contentType, ReadOnlySpan<byte> head)
    {
        var extension = Extension(fileName);
        var declared = contentType?.Split(';')[0].Trim();
        foreach (var signature in Known)
        {
            if (string.Equals(signature.ContentType, declared, StringComparison.OrdinalIgnoreCase) && !signature.Matches(head))
            {
                return false;
            }
        }

        if (extension.Length == 0)
        {
            return true;
        }

        var forExtension = Known.Where(s => s.Extensions.Contains(extension)).ToList();
        if (forExtension.Count == 0)
        {
            // An extension of no allowed type, under an allowed declared type: the name is not what it says.
            return !Known.Any(s => string.Equals(s.ContentType, declared, StringComparison.OrdinalIgnoreCase));
        }

        foreach (var signature in forExtension)
        {
            if (signature.Matches(head))
            {
                return true;
            }
        }

        return false;
    }

    private static string Extension(string? fileName)
    {
        var name = (fileName ?? string.Empty).Trim();
        var dot = name.LastIndexOf('.');
        return dot < 0 || dot == name.Length - 1 || name.AsSpan(dot).ContainsAny('/', '\\') ? string.Empty : name[dot..].ToLowerInvariant();
    }

    private static bool StartsWith(ReadOnlySpan<byte> head, params ReadOnlySpan<byte> prefix) => head.StartsWith(prefix);

    private static bool Ascii(ReadOnlySpan<byte> head, int offset, string text)
    {
        if (head.Length < offset + text.Length)
        {
            return false;
        }

        for (var i = 0; i < text.Length; i++)
        {
            if (head[offset + i] != text[i])
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsIsoMedia(ReadOnlySpan<byte> head) => Ascii(head, 4, "ftyp");

    private static bool IsMatroska(ReadOnlySpan<byte> head) => StartsWith(head, 0x1A, 0x45, 0xDF, 0xA3);

    private static bool IsMpegFrame(ReadOnlySpan<byte> head) => head.Length >= 2 && head[0] == 0xFF && (head[1] & 0xE0) == 0xE0;

    /// <summary>Text: no control bytes but tab, line breaks and form feed (an empty file is text too).</summary>
    private static bool IsText(ReadOnlySpan<byte> head)
    {
        foreach (var b in head)
        {
            if (b < 0x20 && b is not (0x09 or 0x0A or 0x0D or 0x0C))
            {
                return false;
            }
        }

        return true;
    }

    private delegate bool HeadTest(ReadOnlySpan<byte> head);

    private sealed record Signature(string ContentType, string[] Extensions, HeadTest Test)
    {
        public bool Matches(ReadOnlySpan<byte> head) => Test(head);
    }
}
