using System.Security.Cryptography;
using System.Text;

namespace Qorgau.Domain.Security;

/// <summary>
/// The sealing rules of the key hierarchy, as pure functions: case keys sealed to users and
/// organisations, organisation keys sealed to key holders and to a printable recovery key. Each seal
/// names what it holds in its context, so a sealed key cannot be presented as another.
/// </summary>
public static class Keyring
{
    /// <summary>An organisation's private keys: X25519 (opens case keys) then Ed25519 (signs custody entries).</summary>
    public sealed record OrganisationSecrets(byte[] AgreementPrivateKey, byte[] SigningPrivateKey)
    {
        public byte[] ToBytes() => [.. AgreementPrivateKey, .. SigningPrivateKey];

        public static OrganisationSecrets FromBytes(byte[] bytes) =>
            bytes.Length == 2 * Crypto.KeySize
                ? new(bytes[..Crypto.KeySize], bytes[Crypto.KeySize..])
                : throw new CryptographicException("The organisation key bundle has the wrong length.");
    }

    public sealed record NewOrganisationKeys(OrganisationSecrets Secrets, byte[] AgreementPublicKey, byte[] SigningPublicKey, byte[] RecoveryKey, byte[] RecoveryWrapped);

    public static NewOrganisationKeys CreateOrganisationKeys(Guid organisationId)
    {
        var (agreementPrivate, agreementPublic) = Crypto.NewAgreementKeyPair();
        var (signingPrivate, signingPublic) = Signatures.NewKeyPair();
        var secrets = new OrganisationSecrets(agreementPrivate, signingPrivate);
        var recoveryKey = Crypto.NewKey();
        var wrapped = Crypto.Encrypt(recoveryKey, secrets.ToBytes(), Context($"organisation-recovery:{organisationId:N}"));
        return new NewOrganisationKeys(secrets, agreementPublic, signingPublic, recoveryKey, wrapped);
    }

    public static byte[] SealOrganisationSecrets(OrganisationSecrets secrets, byte[] holderPublicKey, Guid organisationId) =>
        Crypto.Seal(secrets.ToBytes(), holderPublicKey, $"organisation-keys:{organisationId:N}");

    public static OrganisationSecrets OpenOrganisationSecrets(byte[] sealedSecrets, byte[] holderPrivateKey, Guid organisationId) =>
        OrganisationSecrets.FromBytes(Crypto.Open(sealedSecrets, holderPrivateKey, $"organisation-keys:{organisationId:N}"));

    public static OrganisationSecrets RecoverOrganisationSecrets(byte[] recoveryWrapped, byte[] recoveryKey, Guid organisationId) =>
        OrganisationSecrets.FromBytes(Crypto.Decrypt(recoveryKey, recoveryWrapped, Context($"organisation-recovery:{organisationId:N}")));

    public static byte[] SealCaseKey(byte[] caseKey, byte[] recipientPublicKey, Guid caseId) =>
        Crypto.Seal(caseKey, recipientPublicKey, $"case-key:{caseId:N}");

    public static byte[] OpenCaseKey(byte[] sealedCaseKey, byte[] recipientPrivateKey, Guid caseId) =>
        Crypto.Open(sealedCaseKey, recipientPrivateKey, $"case-key:{caseId:N}");

    /// <summary>The recovery key as a person copies it onto paper: 52 base32 letters in groups of four.</summary>
    public static string FormatRecoveryKey(byte[] recoveryKey) =>
        string.Join('-', Base32.Encode(recoveryKey).Chunk(4).Select(c => new string(c)));

    public static byte[]? ParseRecoveryKey(string text)
    {
        var letters = new string([.. text.ToUpperInvariant().Where(char.IsLetterOrDigit)]);
        var bytes = Base32.Decode(letters);
        return bytes is { Length: Crypto.KeySize } ? bytes : null;
    }

    private static byte[] Context(string text) => Encoding.UTF8.GetBytes(text);

    /// <summary>RFC 4648 base32 without padding: only for displaying and reading back a key.</summary>
    private static class Base32
    {
        private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

        public static string Encode(byte[] data)
        {
            var output = new StringBuilder();
            int buffer = 0, bits = 0;
            foreach (var b in data)
            {
                buffer = (buffer << 8) | b;
                bits += 8;
                while (bits >= 5)
                {
                    output.Append(Alphabet[(buffer >> (bits - 5)) & 31]);
                    bits -= 5;
                }
            }

            if (bits > 0)
            {
                output.Append(Alphabet[(buffer << (5 - bits)) & 31]);
            }

            return output.ToString();
        }

        public static byte[]? Decode(string text)
        {
            var output = new List<byte>();
            int buffer = 0, bits = 0;
            foreach (var c in text)
            {
                var value = Alphabet.IndexOf(c, StringComparison.Ordinal);
                if (value < 0)
                {
                    return null;
                }

                buffer = (buffer << 5) | value;
                bits += 5;
                if (bits >= 8)
                {
                    output.Add((byte)(buffer >> (bits - 8)));
                    bits -= 8;
                }
            }

            return [.. output];
        }
    }
}
