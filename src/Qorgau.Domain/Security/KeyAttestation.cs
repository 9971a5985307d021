using System.Text;

namespace Qorgau.Domain.Security;

/// <summary>
/// What is signed to make a public key trustworthy: the installation key signs an organisation's
/// two public keys, and an organisation's Ed25519 key signs an admitted member's X25519 key with
/// the roles they were admitted in. Someone who can write only to the database can swap a key but
/// cannot produce these signatures, so nothing is sealed to a swapped key.
/// </summary>
public static class KeyAttestation
{
    /// <summary>The installation secret's purpose for the key that signs organisations' public keys.</summary>
    public const string InstallationPurpose = "public-keys";

    public static byte[] OrganisationStatement(Guid organisationId, byte[] agreementPublicKey, byte[] signingPublicKey) =>
        Encoding.UTF8.GetBytes($"qorgau-organisation-keys-v1\n{organisationId:D}\n{Convert.ToBase64String(agreementPublicKey)}\n{Convert.ToBase64String(signingPublicKey)}\n");

    /// <param name="affiliation">The member's own affiliation (an agency code, or null): clearing it in the database, which would lift the independence guard, breaks the signature.</param>
    public static byte[] MemberStatement(Guid organisationId, Guid userId, byte[] publicKey, string admittedRoles, string? affiliation) =>
        Encoding.UTF8.GetBytes($"qorgau-member-key-v2\n{organisationId:D}\n{userId:D}\n{Convert.ToBase64String(publicKey)}\n{admittedRoles}\n{affiliation}\n");

    /// <summary>The roles as one canonical text: sorted, comma-separated.</summary>
    public static string RolesText(IEnumerable<string> roles) => string.Join(',', roles.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal));

    /// <summary>An admission covers the roles it was given in; a role added later needs a new admission.</summary>
    public static bool Covers(string admittedRoles, IEnumerable<string> currentRoles)
    {
        var admitted = admittedRoles.Split(',', StringSplitOptions.RemoveEmptyEntries);
        return currentRoles.All(r => admitted.Contains(r, StringComparer.Ordinal));
    }

    public static bool VerifyOrganisation(byte[] installationPublicKey, Guid organisationId, byte[]? agreementPublicKey, byte[]? signingPublicKey, byte[]? signature) =>
        agreementPublicKey is not null && signingPublicKey is not null && signature is not null
        && Signatures.Verify(installationPublicKey, OrganisationStatement(organisationId, agreementPublicKey, signingPublicKey), signature);

    public static bool VerifyMember(byte[] organisationSigningPublicKey, Guid organisationId, Guid userId, byte[]? publicKey, string? admittedRoles, string? affiliation, byte[]? signature) =>
        publicKey is not null && admittedRoles is not null && signature is not null
        && Signatures.Verify(organisationSigningPublicKey, MemberStatement(organisationId, userId, publicKey, admittedRoles, affiliation), signature);
}
