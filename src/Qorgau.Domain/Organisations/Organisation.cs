namespace Qorgau.Domain.Organisations;

/// <summary>A tenant of the installation: the NPM, an NGO of the coalition, special prosecutors, legal aid...</summary>
public sealed class Organisation
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public required string Code { get; init; }

    public required LocalizedName Name { get; set; }

    public OrganisationKind Kind { get; set; }

    /// <summary>The agency this organisation belongs to, if any; the independence guard refuses to route a case against that agency here.</summary>
    public string? AffiliationAgencyCode { get; set; }

    public bool TakesPublicComplaints { get; set; }

    /// <summary>Receives public complaints when the complainant picks no organisation.</summary>
    public bool IsDefaultIntake { get; set; }

    public bool IsDemo { get; set; }

    /// <summary>X25519 public key: case keys are sealed to the organisation with it.</summary>
    public byte[]? PublicKey { get; set; }

    /// <summary>Ed25519 public key: verifies the organisation's signatures on evidence custody entries.</summary>
    public byte[]? SigningPublicKey { get; set; }

    /// <summary>The organisation's private keys encrypted under the recovery key printed once at creation.</summary>
    public byte[]? RecoveryWrappedKeys { get; set; }

    /// <summary>The installation key's Ed25519 signature over both public keys (<c>KeyAttestation</c>): nothing is sealed to keys it does not cover.</summary>
    public byte[]? PublicKeysSignature { get; set; }
}

public enum OrganisationKind
{
    NationalPreventiveMechanism,
    Ombudsman,
    Ngo,
    SpecialProsecutor,
    LegalAid,
    CrisisCentre,
    Other,
}
