namespace Qorgau.IntegrationTests.Infrastructure;

/// <summary>Test files that start as real files of their type do (the app checks the first bytes against the name).</summary>
public static class TypedFiles
{
    private static readonly Dictionary<string, (string Type, byte[] Head)> ByExtension = new(StringComparer.OrdinalIgnoreCase)
    {
        [".jpg"] = ("image/jpeg", [0xFF, 0xD8, 0xFF, 0xE0]),
        [".png"] = ("image/png", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]),
        [".pdf"] = ("application/pdf", "%PDF-1.7\n"u8.ToArray()),
        [".mp4"] = ("video/mp4", [0, 0, 0, 0x18, .. "ftypmp42"u8.ToArray()]),
        [".m4a"] = ("audio/mp4", [0, 0, 0, 0x18, .. "ftypM4A "u8.ToArray()]),
        [".txt"] = ("text/plain", []),
    };

    /// <summary>Overwrites the first bytes of <paramref name="content"/> with its type's signature; returns the type.</summary>
    public static string Stamp(byte[] content, string fileName)
    {
        var (type, head) = ByExtension.TryGetValue(Path.GetExtension(fileName), out var known) ? known : ("application/octet-stream", []);
        head.AsSpan(0, Math.Min(head.Length, content.Length)).CopyTo(content);
        return type;
    }

    /// <summary>Random bytes that start as a file of the type <paramref name="fileName"/> says.</summary>
    public static byte[] Random(string fileName, int length)
    {
        var bytes = System.Security.Cryptography.RandomNumberGenerator.GetBytes(length);
        Stamp(bytes, fileName);
        return bytes;
    }
}
