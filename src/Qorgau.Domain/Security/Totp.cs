using System.Globalization;
using System.Security.Cryptography;
using NSec.Cryptography;

namespace Qorgau.Domain.Security;

/// <summary>
/// Authenticator codes (RFC 6238: HMAC-SHA1 over the 30-second time step, 6 digits), told apart by their
/// time step so that a code once accepted is never accepted again (OWASP ASVS 2.8.4).
/// </summary>
public static class Totp
{
    public const int StepSeconds = 30;

    /// <summary>Steps accepted on either side of now, for a phone's clock and typing time (ASP.NET Core Identity's window).</summary>
    public const int Window = 2;

    private const string Base32Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    public static long StepAt(DateTimeOffset time) => time.ToUnixTimeSeconds() / StepSeconds;

    public static string Code(ReadOnlySpan<byte> key, long step)
    {
        Span<byte> message = stackalloc byte[8];
        System.Buffers.Binary.BinaryPrimitives.WriteInt64BigEndian(message, step);
#pragma warning disable CA5350 // RFC 6238 authenticators use HMAC-SHA1; its weakness as a hash does not touch HMAC.
        var hash = HMACSHA1.HashData(key, message);
#pragma warning restore CA5350
        var offset = hash[^1] & 0x0F;
        var value = ((hash[offset] & 0x7F) << 24) | (hash[offset + 1] << 16) | (hash[offset + 2] << 8) | hash[offset + 3];
        return (value % 1_000_000).ToString("D6", CultureInfo.InvariantCulture);
    }

    /// <summary>The time step within the window around <paramref name="now"/> whose code this is, the latest first; null if none.</summary>
    public static long? MatchingStep(string base32Key, string code, DateTimeOffset now)
    {
        if (code.Length != 6 || !code.All(char.IsAsciiDigit) || DecodeBase32(base32Key) is not { Length: > 0 } key)
        {
            return null;
        }

        var current = StepAt(now);
        for (var step = current + Window; step >= current - Window; step--)
        {
            if (CryptographicOperations.FixedTimeEquals(System.Text.Encoding.ASCII.GetBytes(Code(key, step)), System.Text.Encoding.ASCII.GetBytes(code)))
            {
                return step;
            }
        }

        return null;
    }

    /// <summary>Decodes a base32 authenticator key (spaces and case ignored); null when it is not base32.</summary>
    public static byte[]? DecodeBase32(string text)
    {
        var bytes = new List<byte>();
        int buffer = 0, bits = 0;
        foreach (var c in text.ToUpperInvariant().Where(c => c is not (' ' or '=')))
        {
            var value = Base32Alphabet.IndexOf(c, StringComparison.Ordinal);
            if (value < 0)
            {
                return null;
            }

            buffer = (buffer << 5) | value;
            bits += 5;
            if (bits >= 8)
            {
                bytes.Add((byte)(buffer >> (bits - 8)));
                bits -= 8;
            }
        }

        return [.. bytes];
    }
}

/// <summary>
/// Second-factor recovery codes at rest: each kept only as a keyed hash (HMAC-SHA-256 under a key from
/// the installation secret, bound to the user), so a database dump yields no code and, without the
/// key file, no way to test guesses of one.
/// </summary>
public static class RecoveryCodeHash
{
    public static string Of(ReadOnlySpan<byte> key, Guid userId, string code)
    {
        using var macKey = Key.Import(MacAlgorithm.HmacSha256, key, KeyBlobFormat.RawSymmetricKey);
        var normalised = code.Trim().ToUpperInvariant();
        return Convert.ToBase64String(MacAlgorithm.HmacSha256.Mac(macKey, System.Text.Encoding.UTF8.GetBytes($"recovery-code:{userId}:{normalised}")));
    }
}
