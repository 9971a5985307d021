namespace Qorgau.Domain.Statistics;

/// <summary>
/// The stages of the accountability funnel, as stable codes (API, open data, pages). Each counts
/// allegations (cases), once, on the day the case first reached the stage; see docs/statistics.md.
/// </summary>
public static class FunnelStage
{
    public const string Received = "received";
    public const string Registered = "registered";
    public const string Requalified = "requalified";
    public const string Terminated = "terminated";

    /// <summary>Terminated on a decision that carries a bar flag (a reason the law bars for torture, judged by the date of the act).</summary>
    public const string TerminatedFlagged = "terminatedFlagged";

    public const string Indicted = "indicted";
    public const string Convicted = "convicted";
    public const string Custodial = "custodial";
    public const string OtherPenalty = "otherPenalty";
    public const string Suspended = "suspended";
    public const string Acquitted = "acquitted";
    public const string PleaAgreement = "pleaAgreement";
    public const string Withdrawn = "withdrawn";
    public const string CompensationClaimed = "compensationClaimed";
    public const string CompensationAwarded = "compensationAwarded";

    /// <summary>Compensation paid.</summary>
    public const string Compensated = "compensated";

    /// <summary>Every stage, in funnel order.</summary>
    public static readonly IReadOnlyList<string> All =
    [
        Received, Registered, Requalified, Terminated, TerminatedFlagged, Indicted, Convicted, Custodial, OtherPenalty, Suspended,
        Acquitted, PleaAgreement, Withdrawn, CompensationClaimed, CompensationAwarded, Compensated,
    ];

    public static bool IsKnown(string code) => All.Contains(code);
}
