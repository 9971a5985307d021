using NSec.Cryptography;

namespace Qorgau.Domain.Security;

/// <summary>Ed25519 signatures (an organisation signs evidence custody entries).</summary>
public static class Signatures
{
    private static readonly Ed25519 Algorithm = SignatureAlgorithm.Ed25519;

    public static (byte[] PrivateKey, byte[] PublicKey) NewKeyPair()
    {
        using var key = Key.Create(Algorithm, new KeyCreationParameters { ExportPolicy = KeyExportPolicies.AllowPlaintextExport });
        return (key.Export(KeyBlobFormat.RawPrivateKey), key.PublicKey.Export(KeyBlobFormat.RawPublicKey));
    }

    public static byte[] Sign(ReadOnlySpan<byte> privateKey, ReadOnlySpan<byte> data)
    {
        using var key = Key.Import(Algorithm, privateKey, KeyBlobFormat.RawPrivateKey);
        return Algorithm.Sign(key, data);
    }

    public static bool Verify(ReadOnlySpan<byte> publicKey, ReadOnlySpan<byte> data, ReadOnlySpan<byte> signature) =>
        PublicKey.TryImport(Algorithm, publicKey, KeyBlobFormat.RawPublicKey, out var key)
        && key is not null
        && Algorithm.Verify(key, data, signature);
}
