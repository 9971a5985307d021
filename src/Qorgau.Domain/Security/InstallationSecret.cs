using NSec.Cryptography;

namespace Qorgau.Domain.Security;

/// <summary>
/// The installation's one secret kept outside the database (a key file, or the environment). Each
/// use gets its own key derived with HKDF-SHA-256 under a purpose label, so a key serves one purpose
/// only and a database dump yields none of them: the receipt pepper, the key that encrypts TOTP
/// secrets at rest, the key that signs audit checkpoints, the key that signs organisations' public keys.
/// </summary>
public sealed class InstallationSecret
{
    public const int Size = 32;

    private static readonly HkdfSha256 Hkdf = KeyDerivationAlgorithm.HkdfSha256;
    private static readonly byte[] Salt = "qorgau-installation-secret-v1"u8.ToArray();
    private readonly byte[] _master;

    public InstallationSecret(ReadOnlySpan<byte> master)
    {
        if (master.Length != Size)
        {
            throw new ArgumentException($"The installation secret must be {Size} bytes.", nameof(master));
        }

        _master = master.ToArray();
    }

    public static InstallationSecret CreateRandom() => new(Crypto.NewKey());

    public byte[] ToBytes() => (byte[])_master.Clone();

    /// <summary>A key for one purpose (for example <c>receipt-pepper</c> or <c>totp-at-rest</c>).</summary>
    public byte[] DeriveKey(string purpose, int length = Crypto.KeySize) =>
        Hkdf.DeriveBytes(_master, Salt, System.Text.Encoding.UTF8.GetBytes(purpose), length);

    /// <summary>An Ed25519 key pair for one purpose (for example <c>audit-checkpoints</c>): the same pair every time.</summary>
    public (byte[] PrivateKey, byte[] PublicKey) DeriveSigningKeyPair(string purpose)
    {
        var seed = DeriveKey("ed25519:" + purpose);
        using var key = Key.Import(SignatureAlgorithm.Ed25519, seed, KeyBlobFormat.RawPrivateKey, new KeyCreationParameters { ExportPolicy = KeyExportPolicies.AllowPlaintextExport });
        return (key.Export(KeyBlobFormat.RawPrivateKey), key.PublicKey.Export(KeyBlobFormat.RawPublicKey));
    }
}
