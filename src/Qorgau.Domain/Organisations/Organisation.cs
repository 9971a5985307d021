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
