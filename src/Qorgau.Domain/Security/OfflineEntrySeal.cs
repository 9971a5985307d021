using System.Security.Cryptography;
using System.Text;

namespace Qorgau.Domain.Security;

/// <summary>An entry as the browser keeps it: the ephemeral public key (uncompressed P-256 point, 65 bytes), the nonce and AES-GCM's output (ciphertext ‖ tag).</summary>
public sealed record SealedEntry(byte[] EphemeralPublicKey, byte[] Nonce, byte[] Ciphertext);

/// <summary>
/// The offline visit form's sealing, the way WebCrypto does it (docs/decisions/0007): ECDH P-256 between an
/// ephemeral key and the visit's sealing key, the shared secret (the x coordinate, what WebCrypto's
/// <c>deriveBits</c> returns) through HKDF-SHA256 (salt and info below), AES-256-GCM with a 96-bit nonce
/// and the visit id as associated data. BCL primitives rather than libsodium's, because browsers have
/// neither X25519 everywhere nor XChaCha20; they are confined to this class.
/// </summary>
public static class OfflineEntrySeal
{
    public const string Info = "qorgau-offline-entry";
    public const int NonceSize = 12;
    public const int TagSize = 16;
    private const int PointSize = 65;

    /// <summary>A new sealing key pair: the private key as PKCS#8, the public key as SPKI (what WebCrypto imports).</summary>
    public static (byte[] PrivateKey, byte[] PublicKey) NewKeyPair()
    {
        using var key = ECDiffieHellman.Create(ECCurve.NamedCurves.nistP256);
        return (key.ExportPkcs8PrivateKey(), key.ExportSubjectPublicKeyInfo());
    }

    /// <summary>Seals as the browser does (tests and tools; the browser seals in <c>offline-visit.js</c>).</summary>
    public static SealedEntry Seal(ReadOnlySpan<byte> recipientPublicKey, ReadOnlySpan<byte> plaintext, Guid visitId)
    {
        using var recipient = ECDiffieHellman.Create();
        recipient.ImportSubjectPublicKeyInfo(recipientPublicKey, out _);
        using var ephemeral = ECDiffieHellman.Create(ECCurve.NamedCurves.nistP256);
        var point = ephemeral.ExportParameters(false).Q;
        var key = EntryKey(ephemeral, recipient.PublicKey, visitId);
        var nonce = RandomNumberGenerator.GetBytes(NonceSize);
        var ciphertext = new byte[plaintext.Length + TagSize];
        using (var aes = new AesGcm(key, TagSize))
        {
            aes.Encrypt(nonce, plaintext, ciphertext.AsSpan(0, plaintext.Length), ciphertext.AsSpan(plaintext.Length), Associated(visitId));
        }

        CryptographicOperations.ZeroMemory(key);
        return new SealedEntry([0x04, .. point.X!, .. point.Y!], nonce, ciphertext);
    }

    /// <exception cref="CryptographicException">Not sealed to this key for this visit, or altered.</exception>
    public static byte[] Open(ReadOnlySpan<byte> recipientPrivateKey, SealedEntry entry, Guid visitId)
    {
        if (entry.EphemeralPublicKey.Length != PointSize || entry.EphemeralPublicKey[0] != 0x04
            || entry.Nonce.Length != NonceSize || entry.Ciphertext.Length < TagSize)
        {
            throw new CryptographicException("The sealed entry is malformed.");
        }

        using var recipient = ECDiffieHellman.Create();
        recipient.ImportPkcs8PrivateKey(recipientPrivateKey, out _);
        using var sender = ECDiffieHellman.Create(new ECParameters
        {
            Curve = ECCurve.NamedCurves.nistP256,
            Q = new ECPoint { X = entry.EphemeralPublicKey[1..33], Y = entry.EphemeralPublicKey[33..] },
        });
        var key = EntryKey(recipient, sender.PublicKey, visitId);
        var length = entry.Ciphertext.Length - TagSize;
        var plaintext = new byte[length];
        try
        {
            using var aes = new AesGcm(key, TagSize);
            aes.Decrypt(entry.Nonce, entry.Ciphertext.AsSpan(0, length), entry.Ciphertext.AsSpan(length), plaintext, Associated(visitId));
            return plaintext;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(key);
        }
    }

    private static byte[] EntryKey(ECDiffieHellman own, ECDiffieHellmanPublicKey other, Guid visitId)
    {
        var secret = own.DeriveRawSecretAgreement(other);
        try
        {
            return HKDF.DeriveKey(HashAlgorithmName.SHA256, secret, 32, Associated(visitId), Encoding.UTF8.GetBytes(Info));
        }
        finally
        {
            CryptographicOperations.ZeroMemory(secret);
        }
    }

    /// <summary>The visit id as the browser writes it (lower-case, with hyphens), in UTF-8: HKDF's salt and GCM's associated data.</summary>
    private static byte[] Associated(Guid visitId) => Encoding.UTF8.GetBytes(visitId.ToString("D"));
}
