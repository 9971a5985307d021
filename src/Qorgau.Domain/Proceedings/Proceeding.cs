namespace Qorgau.Domain.Proceedings;

/// <summary>
/// The criminal proceeding a case opens once registered in the pre-trial register: its number and
/// date, the article it stands under now, and how it was decided. Everything here is in clear: it is
/// what the treaty body asks to be counted. The history of the qualification is in <see cref="Qualification"/>.
/// </summary>
public sealed class Proceeding
{
    public Guid CaseId { get; init; }

    /// <summary>The number in the pre-trial register (ERDR in Kazakhstan).</summary>
    public required string RegisterNumber { get; init; }

    public DateOnly RegisteredOn { get; init; }

    public required string ArticleAtRegistration { get; init; }

    public required string CurrentArticle { get; set; }

    /// <summary>The body that investigates (an agency code: prosecutor, police, anti-corruption...), when stated.</summary>
    public string? InvestigatingBody { get; set; }

    /// <summary>A requalification away from torture waiting for a second supervisor's confirmation (organisations that decide); null when none waits.</summary>
    public string? PendingArticle { get; set; }

    public string? PendingReason { get; set; }

    public DateOnly? PendingOn { get; set; }

    public string? PendingInvestigatingBody { get; set; }

    public Guid? PendingByUserId { get; set; }

    public string? TerminationReason { get; set; }

    public DateOnly? TerminatedOn { get; set; }

    public DateOnly? IndictedOn { get; set; }

    /// <summary>The court the indictment went to; courts are public bodies.</summary>
    public string? Court { get; set; }

    /// <summary>The case went to court under a procedural (plea) agreement.</summary>
    public bool PleaAgreement { get; set; }

    public DateOnly? VerdictOn { get; set; }

    public DateOnly? AppealedOn { get; set; }

    public AppealBy? AppealedBy { get; set; }

    public DateOnly? FinalOn { get; set; }
}

/// <summary>One step of the legal qualification: the article at registration, then each requalification.</summary>
public sealed class Qualification
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid CaseId { get; init; }

    public required string ArticleCode { get; init; }

    /// <summary>The article it replaced; null for the qualification at registration.</summary>
    public string? PreviousArticleCode { get; init; }

    public DateOnly On { get; init; }

    /// <summary>The stated legal ground, in clear: it is about the law, and the page says not to name people in it.</summary>
    public string? Reason { get; init; }

    public Guid? ByUserId { get; init; }

    public DateTime RecordedAtUtc { get; init; }
}

/// <summary>An accused official: agency, position and rank in clear for statistics; the name only under the case key.</summary>
public sealed class AccusedOfficial
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid CaseId { get; init; }

    public required string AgencyCode { get; init; }

    public string? Position { get; init; }

    public string? Rank { get; init; }

    public byte[]? NameCipher { get; init; }

    public DateTime AddedAtUtc { get; init; }
}

/// <summary>The court's decision on one accused official; a later one (on appeal) supersedes it.</summary>
public sealed class Sentence : ISentenceFields
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid CaseId { get; init; }

    public Guid OfficialId { get; init; }

    public DateOnly On { get; init; }

    public bool OnAppeal { get; init; }

    public VerdictOutcome Outcome { get; init; }

    /// <summary>The article of the conviction.</summary>
    public string? ArticleCode { get; init; }

    public int? CustodialMonths { get; init; }

    public bool Suspended { get; init; }

    /// <summary>A fine in the country's currency (tenge for Kazakhstan).</summary>
    public decimal? Fine { get; init; }

    public int? BanFromOfficeMonths { get; init; }

    public int? RestrictionOfLibertyMonths { get; init; }

    public int? CorrectionalLabourMonths { get; init; }

    public decimal? CorrectionalLabourMrp { get; init; }

    public int? CommunityServiceHours { get; init; }

    public decimal? FineMrp { get; init; }

    /// <summary>The МРП in tenge the fine was converted at, when <see cref="Fine"/> was computed from <see cref="FineMrp"/> rather than given.</summary>
    public decimal? FineIndexTenge { get; init; }

    /// <summary>The sentence as the law names it; empty for an acquittal.</summary>
    public SentenceTerms Terms => SentenceTerms.Of(this);
}

public enum VerdictOutcome
{
    Conviction,
    Acquittal,
}

public enum AppealBy
{
    Prosecution,
    Defence,
    Victim,
}
