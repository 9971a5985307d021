using System.Security.Cryptography;
using Qorgau.Domain.Security;

namespace Qorgau.Domain.Intake;

/// <summary>
/// The complainant's receipt: 16 random digits, shown once and never stored. HMAC-SHA-256 of the
/// receipt under the installation's pepper (a key kept outside the database), then Argon2id over that
/// and the installation's salt, gives 64 bytes: the first half finds the case, the second is the
/// complainant's X25519 private key, which opens the case key sealed to it. Without the pepper a
/// database dump cannot test a single guess.
/// </summary>
public static class Receipt
{
    public const int Digits = 16;

    /// <summary>1.2–1.6 s and 512 MiB per derivation on the reference machine (docs/benchmarks.md).</summary>
    public static readonly Argon2Cost Cost = new(524_288, 3);

    public static string New() =>
        string.Create(Digits, 0, (span, _) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = (char)('0' + RandomNumberGenerator.GetInt32(10));
            }
        });

    /// <summary>Four groups of four, as a person copies it: "1234 5678 9012 3456".</summary>
    public static string Format(string receipt) => string.Join(' ', receipt.Chunk(4).Select(c => new string(c)));

    /// <summary>The 16 digits of what a person typed (spaces and dashes allowed), or null if it cannot be a receipt.</summary>
    public static string? Normalize(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var kept = text.Where(c => c is not (' ' or '-' or '\u00A0' or '\t'));
        var digits = new string([.. kept]);
        return digits.Length == Digits && digits.All(char.IsAsciiDigit) ? digits : null;
    }

    public static ComplainantKeys DeriveKeys(string receipt, ReadOnlySpan<byte> installationSalt, ReadOnlySpan<byte> pepper, Argon2Cost cost)
    {
        var peppered = Crypto.Mac(pepper, System.Text.Encoding.UTF8.GetBytes(receipt));
        var derived = Argon2.DeriveKey(peppered, installationSalt, cost, 2 * Crypto.KeySize);
        CryptographicOperations.ZeroMemory(peppered);
        var privateKey = derived[Crypto.KeySize..];
        return new ComplainantKeys(derived[..Crypto.KeySize], privateKey, Crypto.PublicKeyOf(privateKey));
    }
}

/// <param name="Lookup">Stored with the case: finds it from the receipt.</param>
/// <param name="PrivateKey">Never stored: opens the case key sealed to <paramref name="PublicKey"/>.</param>
public sealed record ComplainantKeys(byte[] Lookup, byte[] PrivateKey, byte[] PublicKey);
