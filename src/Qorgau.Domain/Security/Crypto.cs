using System.Security.Cryptography;
using System.Text;
using NSec.Cryptography;

namespace Qorgau.Domain.Security;

/// <summary>
/// The few compositions of libsodium primitives (through NSec) that Qorgau uses: random keys,
/// authenticated encryption bound to a context, sealing a key to an X25519 public key, and wrapping
/// a private key under a password-derived key. No primitive is implemented here.
/// </summary>
public static class Crypto
{
    public const int KeySize = 32;

    private const byte FormatVersion = 1;
    private static readonly XChaCha20Poly1305 Aead = AeadAlgorithm.XChaCha20Poly1305;
    private static readonly X25519 Agreement = KeyAgreementAlgorithm.X25519;
    private static readonly KeyBlobFormat RawPrivate = KeyBlobFormat.RawPrivateKey;
    private static readonly KeyBlobFormat RawPublic = KeyBlobFormat.RawPublicKey;

    /// <summary>A fresh random symmetric key (a case key, a session secret).</summary>
    public static byte[] NewKey() => RandomNumberGenerator.GetBytes(KeySize);

    /// <summary>
    /// Encrypts with XChaCha20-Poly1305 and a random nonce. The context (for a case field: the case id
    /// and the field name) is authenticated, so the ciphertext cannot be moved to another context.
    /// Layout: version (1) ‖ nonce (24) ‖ ciphertext and tag.
    /// </summary>
    public static byte[] Encrypt(ReadOnlySpan<byte> key, ReadOnlySpan<byte> plaintext, ReadOnlySpan<byte> context)
    {
        using var aeadKey = ImportAeadKey(key);
        var output = new byte[1 + Aead.NonceSize + plaintext.Length + Aead.TagSize];
        output[0] = FormatVersion;
        var nonce = output.AsSpan(1, Aead.NonceSize);
        RandomNumberGenerator.Fill(nonce);
        Aead.Encrypt(aeadKey, nonce, Versioned(context), plaintext, output.AsSpan(1 + Aead.NonceSize));
        return output;
    }

    /// <exception cref="CryptographicException">The key or context is wrong, or the ciphertext was altered.</exception>
    public static byte[] Decrypt(ReadOnlySpan<byte> key, ReadOnlySpan<byte> ciphertext, ReadOnlySpan<byte> context)
    {
        if (ciphertext.Length < 1 + Aead.NonceSize + Aead.TagSize || ciphertext[0] != FormatVersion)
        {
            throw new CryptographicException("The ciphertext is not in a format this version reads.");
        }

        using var aeadKey = ImportAeadKey(key);
        var plaintext = new byte[ciphertext.Length - 1 - Aead.NonceSize - Aead.TagSize];
        var nonce = ciphertext.Slice(1, Aead.NonceSize);
        if (!Aead.Decrypt(aeadKey, nonce, Versioned(context), ciphertext[(1 + Aead.NonceSize)..], plaintext))
        {
            throw new CryptographicException("The ciphertext does not open with this key in this context, or it was altered.");
        }

        return plaintext;
    }

    public static byte[] EncryptText(ReadOnlySpan<byte> key, string plaintext, string context) =>
        Encrypt(key, Encoding.UTF8.GetBytes(plaintext), Encoding.UTF8.GetBytes(context));

    public static string DecryptText(ReadOnlySpan<byte> key, ReadOnlySpan<byte> ciphertext, string context) =>
        Encoding.UTF8.GetString(Decrypt(key, ciphertext, Encoding.UTF8.GetBytes(context)));

    /// <summary>A new X25519 key pair as raw bytes (private, public).</summary>
    public static (byte[] PrivateKey, byte[] PublicKey) NewAgreementKeyPair()
    {
        using var key = Key.Create(Agreement, new KeyCreationParameters { ExportPolicy = KeyExportPolicies.AllowPlaintextExport });
        return (key.Export(RawPrivate), key.PublicKey.Export(RawPublic));
    }

    /// <summary>The X25519 public key of a raw private key.</summary>
    public static byte[] PublicKeyOf(ReadOnlySpan<byte> privateKey)
    {
        using var key = Key.Import(Agreement, privateKey, RawPrivate);
        return key.PublicKey.Export(RawPublic);
    }

    /// <summary>
    /// Seals a secret (a case key, an organisation private key) so that only the holder of the
    /// recipient's X25519 private key can open it: an ephemeral X25519 agreement, HKDF-SHA-256 over
    /// both public keys and the context, then XChaCha20-Poly1305.
    /// Layout: ephemeral public key (32) ‖ <see cref="Encrypt"/> output.
    /// </summary>
    public static byte[] Seal(ReadOnlySpan<byte> secret, ReadOnlySpan<byte> recipientPublicKey, string context)
    {
        var recipient = PublicKey.Import(Agreement, recipientPublicKey, RawPublic);
        using var ephemeral = Key.Create(Agreement);
        var ephemeralPublic = ephemeral.PublicKey.Export(RawPublic);
        var wrappingKey = DeriveSealKey(ephemeral, recipient, ephemeralPublic, recipientPublicKey, context);
        var sealedBox = Encrypt(wrappingKey, secret, Encoding.UTF8.GetBytes(context));
        CryptographicOperations.ZeroMemory(wrappingKey);
        return [.. ephemeralPublic, .. sealedBox];
    }

    /// <exception cref="CryptographicException">The box was sealed to another key or context, or altered.</exception>
    public static byte[] Open(ReadOnlySpan<byte> sealedBox, ReadOnlySpan<byte> recipientPrivateKey, string context)
    {
        if (sealedBox.Length <= Agreement.PublicKeySize)
        {
            throw new CryptographicException("The sealed box is too short.");
        }

        var ephemeralPublic = sealedBox[..Agreement.PublicKeySize];
        if (!PublicKey.TryImport(Agreement, ephemeralPublic, RawPublic, out var ephemeral) || ephemeral is null)
        {
            throw new CryptographicException("The sealed box does not start with a valid public key.");
        }

        using var recipient = Key.Import(Agreement, recipientPrivateKey, RawPrivate, new KeyCreationParameters { ExportPolicy = KeyExportPolicies.AllowPlaintextExport });
        var recipientPublic = recipient.PublicKey.Export(RawPublic);
        var wrappingKey = DeriveSealKey(recipient, ephemeral, ephemeralPublic, recipientPublic, context);
        try
        {
            return Decrypt(wrappingKey, sealedBox[Agreement.PublicKeySize..], Encoding.UTF8.GetBytes(context));
        }
        finally
        {
            CryptographicOperations.ZeroMemory(wrappingKey);
        }
    }

    /// <summary>HMAC-SHA-256 of <paramref name="data"/> under a 32-byte key (the receipt pepper).</summary>
    public static byte[] Mac(ReadOnlySpan<byte> key, ReadOnlySpan<byte> data)
    {
        using var macKey = Key.Import(MacAlgorithm.HmacSha256, key, KeyBlobFormat.RawSymmetricKey);
        return MacAlgorithm.HmacSha256.Mac(macKey, data);
    }

    /// <summary>SHA-256, for hash chains and evidence fingerprints.</summary>
    public static byte[] Sha256(ReadOnlySpan<byte> data) => SHA256.HashData(data);

    private static byte[] DeriveSealKey(Key privateKey, PublicKey otherPublic, ReadOnlySpan<byte> ephemeralPublic, ReadOnlySpan<byte> recipientPublic, string context)
    {
        using var shared = Agreement.Agree(privateKey, otherPublic)
            ?? throw new CryptographicException("The key agreement failed (a low-order public key).");
        byte[] salt = [.. ephemeralPublic, .. recipientPublic];
        return KeyDerivationAlgorithm.HkdfSha256.DeriveBytes(shared, salt, Encoding.UTF8.GetBytes("qorgau-seal-v1:" + context), KeySize);
    }

    private static Key ImportAeadKey(ReadOnlySpan<byte> key)
    {
        if (key.Length != KeySize)
        {
            throw new CryptographicException($"A key must be {KeySize} bytes.");
        }

        return Key.Import(Aead, key, KeyBlobFormat.RawSymmetricKey);
    }

    private static byte[] Versioned(ReadOnlySpan<byte> context) => [FormatVersion, .. context];
}
