using Qorgau.Domain.Cases;
using Qorgau.Domain.Proceedings;

namespace Qorgau.Domain.Import;

/// <summary>What a historical case ended on before court: the two ways a pre-trial investigation is decided.</summary>
public enum HistoricalDecision
{
    Terminated,
    Indicted,
}

/// <summary>One row of the historical import, its values typed; null means the file left it empty (unknown).</summary>
public sealed record HistoricalCaseRow
{
    public required int Line { get; init; }

    public required string ExternalId { get; init; }

    public DateOnly ReceivedOn { get; init; }

    /// <summary>The first day of the incident: the 2023 bars follow the date of the act (the received date stands in when unknown).</summary>
    public DateOnly? IncidentOn { get; init; }

    public IntakeChannel Channel { get; init; } = IntakeChannel.Other;

    public string? Region { get; init; }

    public string? FacilityType { get; init; }

    public string? AccusedAgency { get; init; }

    public string? IllTreatment { get; init; }

    public VictimSex? VictimSex { get; init; }

    public string? VictimAgeBand { get; init; }

    public DateOnly? RegisteredOn { get; init; }

    public string? ArticleAtRegistration { get; init; }

    public string? ArticleFinal { get; init; }

    /// <summary>The body that investigated (an agency code); one the profile does not allow for the article imports flagged.</summary>
    public string? InvestigatingBody { get; init; }

    public HistoricalDecision? Decision { get; init; }

    public DateOnly? DecisionOn { get; init; }

    public string? TerminationReason { get; init; }

    public VerdictOutcome? Verdict { get; init; }

    public DateOnly? VerdictOn { get; init; }

    public int? OfficialsConvicted { get; init; }

    public int? CustodialMonths { get; init; }

    public bool? Suspended { get; init; }

    public decimal? CompensationPaid { get; init; }

    /// <summary>The number in the pre-trial register; <see cref="HistoricalCaseStory.UnknownRegisterNumber"/> when unknown.</summary>
    public string? RegisterNumber { get; init; }

    public string? Court { get; init; }

    public bool? PleaAgreement { get; init; }

    /// <summary>The fine of each convicted official.</summary>
    public decimal? Fine { get; init; }

    public int? BanFromOfficeMonths { get; init; }

    public int? RestrictionOfLibertyMonths { get; init; }

    public int? CorrectionalLabourMonths { get; init; }

    public decimal? CorrectionalLabourMrp { get; init; }

    public int? CommunityServiceHours { get; init; }

    /// <summary>The fine of each convicted official in МРП; in tenge too (<see cref="Fine"/>) if given, else at the МРП of the date of the act.</summary>
    public decimal? FineMrp { get; init; }

    public DateOnly? AppealedOn { get; init; }

    public AppealBy? AppealedBy { get; init; }

    /// <summary>When the verdict became final: the verdict's date when left out and not appealed; an appealed case without it stays on appeal.</summary>
    public DateOnly? FinalOn { get; init; }
}
