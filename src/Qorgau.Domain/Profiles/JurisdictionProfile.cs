using Qorgau.Domain.Organisations;

namespace Qorgau.Domain.Profiles;

/// <summary>
/// Everything country-specific: the regions, agencies, facility types, legal articles, termination
/// reasons, deadlines and rules of one jurisdiction. Loaded from a profile folder, never hard-coded.
/// </summary>
public sealed record JurisdictionProfile(
    string Code,
    LocalizedName Name,
    string DefaultCulture,
    string TimeZone,
    TortureBar? SuspendedSentenceBar,
    int DisclosureThreshold,
    IReadOnlyList<Region> Regions,
    IReadOnlyList<Agency> Agencies,
    IReadOnlyList<FacilityType> FacilityTypes,
    IReadOnlyList<LegalArticle> Articles,
    IReadOnlyList<TerminationReason> TerminationReasons,
    IReadOnlyList<Deadline> Deadlines,
    IReadOnlyList<ProfileTerm> Methods,
    IReadOnlyList<ProfileTerm> IllTreatmentTypes,
    IReadOnlyList<ProfileTerm> AgeBands,
    IReadOnlyList<ProfileTerm> LegalStatuses,
    IReadOnlyList<ProfileTerm> Vulnerabilities)
{
    /// <summary>The agencies as a tree (<c>parent</c> column): the independence guard judges affiliation on it.</summary>
    public AgencyTree AgencyTree { get; } = new(Agencies);

    /// <summary>The monthly calculation index by date (<c>monthly-index.csv</c>): fines in МРП in tenge.</summary>
    public MonthlyIndex MonthlyIndex { get; init; } = MonthlyIndex.None;

    /// <summary>Figures published by others, shown beside Qorgau's own with their sources (<c>reference-series.csv</c>).</summary>
    public IReadOnlyList<Statistics.ReferenceSeries> ReferenceSeries { get; init; } = [];

    /// <summary>Public-opinion polls as published (<c>surveys.csv</c>).</summary>
    public IReadOnlyList<Statistics.Survey> Surveys { get; init; } = [];

    /// <summary>The policy appraisal's worked example (<c>policy-matrix.csv</c>); null when the profile has none.</summary>
    public Statistics.PolicyMatrix? PolicyMatrix { get; init; }

    /// <summary>The independent bodies the public pages name (<c>contacts.csv</c>).</summary>
    public IReadOnlyList<PublicContact> Contacts { get; init; } = [];

    /// <summary>Who receives video preservation requests, per agency (<c>preservation-addressees.csv</c>).</summary>
    public IReadOnlyList<PreservationAddressee> PreservationAddressees { get; init; } = [];

    /// <summary>How long closed cases and unused receipts are kept by default, and the floors (<c>retention.csv</c>).</summary>
    public Qorgau.Domain.Retention.RetentionDefaults Retention { get; init; } = Qorgau.Domain.Retention.RetentionDefaults.None;

    /// <summary>What a visit checks in each area it enters (<c>conditions.csv</c>); empty when the profile has none.</summary>
    public IReadOnlyList<Monitoring.ConditionItem> ConditionItems { get; init; } = [];

    public Region? FindRegion(string code) => Regions.FirstOrDefault(r => r.Code == code);

    public Agency? FindAgency(string code) => Agencies.FirstOrDefault(a => a.Code == code);

    public FacilityType? FindFacilityType(string code) => FacilityTypes.FirstOrDefault(t => t.Code == code);

    public LegalArticle? FindArticle(string code) => Articles.FirstOrDefault(a => a.Code == code);

    /// <summary>The parts of an article (<c>146-1</c>, <c>146-2</c> of <c>146</c>); empty when the profile records it whole.</summary>
    public IReadOnlyList<LegalArticle> PartsOf(string code) => [.. Articles.Where(a => a.PartOf == code)];

    public TerminationReason? FindTerminationReason(string code) => TerminationReasons.FirstOrDefault(r => r.Code == code);

    public Deadline? FindDeadline(string code) => Deadlines.FirstOrDefault(d => d.Code == code);

    /// <summary>The prosecutor a preservation request about this agency's facility goes to: its own row, else its nearest ancestor's.</summary>
    public PreservationAddressee? PreservationAddresseeFor(string agencyCode) =>
        AgencyTree.AncestorsOf(agencyCode).Prepend(agencyCode)
            .Select(code => PreservationAddressees.FirstOrDefault(a => a.Agencies.Contains(code)))
            .FirstOrDefault(a => a is not null);
}

/// <summary>Any coded item of a profile: a stable ASCII code and its names.</summary>
public interface IProfileItem
{
    string Code { get; }

    LocalizedName Name { get; }
}

public sealed record ProfileTerm(string Code, LocalizedName Name) : IProfileItem;

public enum RegionKind
{
    Region,
    City,
}

public sealed record Region(string Code, LocalizedName Name, RegionKind Kind) : IProfileItem;

/// <param name="Parent">The agency this one belongs to (the penal system committee to the Ministry of Internal Affairs), or none.</param>
public sealed record Agency(string Code, LocalizedName Name, bool RunsDetention, bool Investigates, string? Parent = null) : IProfileItem;

public sealed record FacilityType(string Code, LocalizedName Name, string AgencyCode) : IProfileItem;

public sealed record LegalArticle(
    string Code,
    string CriminalCode,
    LocalizedName Name,
    bool IsTorture,
    DateOnly InForceFrom,
    DateOnly? InForceTo,
    string? SucceededBy) : IProfileItem
{
    /// <summary>The article this one is a part of (<c>146-2</c> of <c>146</c>); a qualification under an article that has parts is inferred to one of them.</summary>
    public string? PartOf { get; init; }

    /// <summary>The ill-treatment kinds (ill-treatment-types.csv codes) a part covers: a bare article is inferred to the part that covers the case's kind.</summary>
    public IReadOnlyList<string> IllTreatmentTypes { get; init; } = [];

    /// <summary>Cruel, inhuman or degrading treatment short of torture: an ill-treatment article that is not a torture article.</summary>
    public bool IsCruelTreatment => !IsTorture && IllTreatmentTypes.Count > 0;

    /// <summary>The investigating bodies (agency codes) the profile allows for this article; empty when any investigating body may.</summary>
    public IReadOnlyList<string> InvestigatedBy { get; init; } = [];

    /// <summary>From which date of registration <see cref="InvestigatedBy"/> binds (procedure follows the date of the act of procedure); null for always.</summary>
    public DateOnly? InvestigatedByFrom { get; init; }

    /// <summary>Whether the profile allows <paramref name="agencyCode"/> to investigate under this article in a proceeding registered on <paramref name="registeredOn"/>.</summary>
    public bool MayBeInvestigatedBy(string agencyCode, DateOnly registeredOn) =>
        InvestigatedBy.Count == 0 || registeredOn < InvestigatedByFrom || InvestigatedBy.Contains(agencyCode);

    public bool IsInForceOn(DateOnly date) => date >= InForceFrom && (InForceTo is null || date <= InForceTo);
}

/// <param name="Bar">From which date of the act a case under a torture article cannot end on this ground; null when never.</param>
public sealed record TerminationReason(string Code, LocalizedName Name, TortureBar? Bar = null) : IProfileItem
{
    public bool BarredForTorture => Bar is not null;
}

/// <summary>A bar on how a torture case may end, for acts committed on or after <paramref name="From"/>, with the law it comes from.</summary>
public sealed record TortureBar(DateOnly From, string Source);

/// <summary>The event a deadline counts from.</summary>
public enum DeadlineStart
{
    Received,
    Incident,
    Withdrawal,
    Registered,
    Visit,

    /// <summary>The last opening of a complaint box (or its registration, before the first).</summary>
    Opening,
}

/// <param name="Organisations">
/// Who the deadline binds (the <c>organisations</c> column): organisation kind codes
/// (<c>national-preventive-mechanism</c>, <c>ngo</c>...) and <see cref="Investigating"/>, any organisation that investigates.
/// </param>
public sealed record Deadline(string Code, LocalizedName Name, int Days, DeadlineStart StartsAt, IReadOnlyList<string> Organisations) : IProfileItem
{
    /// <summary>An organisation that investigates: a special prosecutor, or one affiliated with an agency the profile marks as investigating.</summary>
    public const string Investigating = "investigating";

    public DateOnly DueOn(DateOnly start) => start.AddDays(Days);

    public bool Binds(DeadlineHolder holder) =>
        Organisations.Any(o => o == Investigating ? holder.Investigates : o == EnumCode.Of(holder.Kind));
}

/// <summary>The organisation a case belongs to, as far as deadlines care: its kind and whether it investigates.</summary>
public sealed record DeadlineHolder(OrganisationKind Kind, bool Investigates)
{
    public static DeadlineHolder Of(JurisdictionProfile profile, OrganisationKind kind, string? affiliationAgencyCode) =>
        new(kind, kind == OrganisationKind.SpecialProsecutor
            || (affiliationAgencyCode is not null && profile.FindAgency(affiliationAgencyCode)?.Investigates == true));
}
