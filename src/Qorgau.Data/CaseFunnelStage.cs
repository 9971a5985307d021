using Qorgau.Domain.Cases;

namespace Qorgau.Data;

/// <summary>
/// The table of first-reached days: one row per case and funnel stage it has reached, with the instant it first
/// reached it (<c>FunnelStageDays.Of</c>, from <c>CaseStages</c>), when the case was first merged, and the case's
/// classification as it stands (what the funnel breaks down and filters by). Written in the same transaction as
/// the events and changes it derives from (docs/statistics.md, "The table of first-reached days"); the funnel is
/// one indexed <c>GROUP BY</c> over it.
/// </summary>
public sealed class CaseFunnelStage
{
    public Guid CaseId { get; init; }

    public required string Stage { get; init; }

    public DateTime ReachedAtUtc { get; set; }

    public DateTime? MergedAtUtc { get; set; }

    public Guid OrganisationId { get; set; }

    public string? RegionCode { get; set; }

    public string? FacilityTypeCode { get; set; }

    public string? AccusedAgencyCode { get; set; }

    public VictimSex? VictimSex { get; set; }

    public string? VictimAgeBand { get; set; }

    public Guid? FacilityId { get; set; }

    /// <summary>The proceeding's investigating body as it stands; null when the case was never registered.</summary>
    public string? InvestigatingBody { get; set; }

    /// <summary>The article and part the criminal case was registered under; null when it was never registered.</summary>
    public string? ArticleAtRegistration { get; set; }
}
