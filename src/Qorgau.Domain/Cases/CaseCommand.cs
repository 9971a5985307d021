using Qorgau.Domain.Proceedings;
using Qorgau.Domain.Profiles;

namespace Qorgau.Domain.Cases;

/// <summary>A workflow action as a person or an API client asked for it; which fields matter depends on the action.</summary>
public sealed record CaseCommand
{
    public required string Action { get; init; }

    /// <summary>The date of the decision; today (in the profile's time zone) when left out.</summary>
    public DateOnly? On { get; init; }

    public string? Article { get; init; }

    public string? RegisterNumber { get; init; }

    /// <summary>For a registration or requalification: the body that investigates (an agency code), when stated.</summary>
    public string? InvestigatingBody { get; init; }

    /// <summary>A termination or out-of-scope reason code, or the stated ground of a requalification or reopening.</summary>
    public string? Reason { get; init; }

    /// <summary>For a merge: the public id of the case this one duplicates.</summary>
    public string? Into { get; init; }

    /// <summary>For a referral: the code of the receiving organisation.</summary>
    public string? Organisation { get; init; }

    public string? Court { get; init; }

    public bool PleaAgreement { get; init; }

    public AppealBy? AppealBy { get; init; }

    public IReadOnlyList<SentenceCommand> Sentences { get; init; } = [];
}

/// <summary>The verdict on one accused official: an existing record, or a new one described by agency, position and rank.</summary>
public sealed record SentenceCommand(
    Guid? Official,
    string? Agency,
    string? Position,
    string? Rank,
    VerdictOutcome? Outcome,
    string? Article,
    int? CustodialMonths,
    bool Suspended,
    decimal? Fine,
    int? BanFromOfficeMonths) : ISentenceFields
{
    public int? RestrictionOfLibertyMonths { get; init; }

    public int? CorrectionalLabourMonths { get; init; }

    public decimal? CorrectionalLabourMrp { get; init; }

    public int? CommunityServiceHours { get; init; }

    public decimal? FineMrp { get; init; }

    /// <summary>The sentence as the law names it (<see cref="SentenceTerms"/>).</summary>
    public SentenceTerms Terms => SentenceTerms.Of(this);
}

/// <summary>What the rules need to know about a case and the records a command points at.</summary>
public sealed record CaseFacts(
    Guid CaseId,
    Guid OrganisationId,
    CaseStatus Status,
    DateOnly ReceivedOn,
    string? AccusedAgencyCode,
    bool ConsentToShare,
    Proceeding? Proceeding,
    IReadOnlyList<Withdrawal> Withdrawals,
    IReadOnlyCollection<Guid> OfficialIds)
{
    /// <summary>The case a merge points at, when the command names one that exists.</summary>
    public MergeTarget? MergeTarget { get; init; }

    /// <summary>The organisation a referral points at, when the command names one that exists.</summary>
    public ReferralTarget? ReferralTarget { get; init; }

    /// <summary>Another supervisor approved setting the independence guard aside for this referral.</summary>
    public bool IndependenceOverridden { get; init; }

    /// <summary>A referral waits for its key handover: nothing else happens to the case until then.</summary>
    public bool ReferralPending { get; init; }

    /// <summary>The first day of the incident, when known: the 2023 bars follow the date of the act.</summary>
    public DateOnly? IncidentOn { get; init; }

    /// <summary>
    /// The organisation decides (a special prosecutor): a decision the profile bars is refused. Otherwise
    /// it records what the state decided, and a barred decision is recorded with a flag (<see cref="CaseFlag"/>).
    /// </summary>
    public bool OrganisationDecides { get; init; } = true;

    /// <summary>The case's kind of ill-treatment (ill-treatment-types.csv): a bare article is inferred to the part that covers it.</summary>
    public string? IllTreatmentCode { get; init; }

    /// <summary>A second supervisor confirms a requalification away from torture that waited for confirmation.</summary>
    public bool RequalificationConfirmed { get; init; }

    /// <summary>The date of the act the bars are judged by.</summary>
    public ActDate Act => ActDate.Of(IncidentOn, ReceivedOn);
}

public sealed record MergeTarget(Guid CaseId, Guid OrganisationId, CaseStatus Status);

public sealed record ReferralTarget(Guid OrganisationId, string? AffiliationAgencyCode, bool HasKeys);
