using System.Globalization;
using System.Security.Cryptography;

namespace Qorgau.TestSupport;

/// <summary>
/// What an authenticator app shows (RFC 6238: HMAC-SHA1, 30 s, 6 digits), so tests can sign in as a person would.
/// The server accepts each time step once (and two steps either side of now), so <see cref="Now"/> hands out
/// a step not yet used for that key: a test may sign in several times within one 30-second step.
/// </summary>
public static class AuthenticatorCode
{
    private const string Base32Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    private static readonly Dictionary<string, long> LastStep = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The clock the server under test keeps (the integration tests pin theirs).</summary>
    public static TimeProvider Clock { get; set; } = TimeProvider.System;

    /// <summary>
    /// A code the server has not accepted yet: the earliest unused step from the previous one on. The server
    /// takes two steps either side of now; when a key has used them all, this waits for the next step.
    /// </summary>
    public static string Now(string base32Key)
    {
        while (true)
        {
            var now = CurrentStep();
            lock (LastStep)
            {
                var step = LastStep.TryGetValue(base32Key, out var last) ? Math.Max(now - 1, last + 1) : now - 1;
                if (step <= now + 2)
                {
                    LastStep[base32Key] = step;
                    return At(base32Key, step);
                }
            }

            Thread.Sleep(TimeSpan.FromSeconds(30 - (Clock.GetUtcNow().ToUnixTimeSeconds() % 30) + 0.2));
        }
    }

    public static long CurrentStep() => Clock.GetUtcNow().ToUnixTimeSeconds() / 30;

    /// <summary>The code of one time step, used or not.</summary>
    public static string At(string base32Key, long counter)
    {
        var message = BitConverter.GetBytes(counter);
        if (BitConverter.IsLittleEndian)
        {
            Array.Reverse(message);
        }

#pragma warning disable CA5350 // RFC 6238 authenticators use HMAC-SHA1.
        var hash = HMACSHA1.HashData(Decode(base32Key), message);
#pragma warning restore CA5350
        var offset = hash[^1] & 0x0F;
        var value = ((hash[offset] & 0x7F) << 24) | (hash[offset + 1] << 16) | (hash[offset + 2] << 8) | hash[offset + 3];
        return (value % 1_000_000).ToString("D6", CultureInfo.InvariantCulture);
    }

    private static byte[] Decode(string text)
    {
        var bytes = new List<byte>();
        int buffer = 0, bits = 0;
        foreach (var c in text.ToUpperInvariant().Where(char.IsLetterOrDigit))
        {
            buffer = (buffer << 5) | Base32Alphabet.IndexOf(c, StringComparison.Ordinal);
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
