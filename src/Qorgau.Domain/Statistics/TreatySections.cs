namespace Qorgau.Domain.Statistics;

/// <summary>One heading of the treaty-body tables and the funnel stages it reports, in the order the tables show them.</summary>
public sealed record TreatySection(string Code, IReadOnlyList<string> Stages);

/// <summary>
/// What the Committee against Torture's list of issues asks for, as funnel stages: each section is a set
/// of <see cref="FunnelStage"/> codes, counted by the funnel's definitions and nothing else, so the
/// treaty-body tables and the public funnel can never disagree (docs/statistics.md).
/// </summary>
public static class TreatySections
{
    public const string Complaints = "complaints";
    public const string Investigations = "investigations";
    public const string Proceedings = "proceedings";
    public const string Convictions = "convictions";
    public const string PleaAgreements = "pleaAgreements";
    public const string Redress = "redress";

    public static readonly IReadOnlyList<TreatySection> All =
    [
        new(Complaints, [FunnelStage.Received, FunnelStage.Withdrawn]),
        new(Investigations, [FunnelStage.Registered, FunnelStage.Requalified, FunnelStage.Terminated, FunnelStage.TerminatedFlagged]),
        new(Proceedings, [FunnelStage.Indicted]),
        new(Convictions, [FunnelStage.Convicted, FunnelStage.Custodial, FunnelStage.Suspended, FunnelStage.OtherPenalty, FunnelStage.Acquitted]),
        new(PleaAgreements, [FunnelStage.PleaAgreement]),
        new(Redress, [FunnelStage.CompensationClaimed, FunnelStage.CompensationAwarded, FunnelStage.Compensated]),
    ];

    /// <summary>The stages of every section, in order: the columns of a treaty table.</summary>
    public static IEnumerable<string> Stages => All.SelectMany(s => s.Stages);
}
