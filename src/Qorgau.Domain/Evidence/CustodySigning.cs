using NSec.Cryptography;
using Qorgau.Domain.Security;

namespace Qorgau.Domain.Evidence;

/// <summary>
/// The custody signer grant: a copy of the organisation's Ed25519 signing key alone (not its X25519
/// key, which opens case keys), sealed to one member's X25519 public key, so that members who are not
/// key holders can sign custody entries.
/// </summary>
public static class CustodySigning
{
    public static byte[] SealToMember(byte[] signingPrivateKey, byte[] memberPublicKey, Guid organisationId, Guid memberId) =>
        Crypto.Seal(signingPrivateKey, memberPublicKey, Context(organisationId, memberId));

    /// <exception cref="System.Security.Cryptography.CryptographicException">Sealed to another key or member, or altered.</exception>
    public static byte[] OpenForMember(byte[] sealedKey, byte[] memberPrivateKey, Guid organisationId, Guid memberId) =>
        Crypto.Open(sealedKey, memberPrivateKey, Context(organisationId, memberId));

    /// <summary>The Ed25519 public key of a raw signing private key.</summary>
    public static byte[] PublicKeyOf(byte[] signingPrivateKey)
    {
        using var key = Key.Import(SignatureAlgorithm.Ed25519, signingPrivateKey, KeyBlobFormat.RawPrivateKey);
        return key.PublicKey.Export(KeyBlobFormat.RawPublicKey);
    }

    /// <summary>The public key as PEM (SubjectPublicKeyInfo), for <c>openssl pkeyutl -verify</c>.</summary>
    public static string PublicKeyPem(byte[] signingPublicKey) =>
        System.Text.Encoding.ASCII.GetString(PublicKey.Import(SignatureAlgorithm.Ed25519, signingPublicKey, KeyBlobFormat.RawPublicKey).Export(KeyBlobFormat.PkixPublicKeyText));

    /// <summary>Reads a PEM public key back; null when it is not an Ed25519 key.</summary>
    public static byte[]? PublicKeyFromPem(string pem) =>
        PublicKey.TryImport(SignatureAlgorithm.Ed25519, System.Text.Encoding.ASCII.GetBytes(pem), KeyBlobFormat.PkixPublicKeyText, out var key) && key is not null
            ? key.Export(KeyBlobFormat.RawPublicKey)
            : null;

    private static string Context(Guid organisationId, Guid memberId) => $"custody-signer:{organisationId:N}:{memberId:N}";
}
