namespace Qorgau.Domain.Cases;

/// <summary>What the complainant is told about their case: a few plain states, never internal detail.</summary>
public static class ComplainantStatus
{
    public const string Received = "received";
    public const string Read = "read";
    public const string InProgress = "in-progress";
    public const string Merged = "merged";
    public const string Referred = "referred";
    public const string OutOfScope = "out-of-scope";
    public const string InCourt = "in-court";
    public const string Closed = "closed";

    public static string Of(Case record) => record.Status switch
    {
        CaseStatus.Received => record.FirstReadAtUtc is null ? Received : Read,
        CaseStatus.Admissible or CaseStatus.Registered => InProgress,
        CaseStatus.Merged => Merged,
        CaseStatus.Referred => Referred,
        CaseStatus.OutOfScope => OutOfScope,
        CaseStatus.InCourt or CaseStatus.Verdict or CaseStatus.Appeal => InCourt,
        CaseStatus.Terminated or CaseStatus.Final or CaseStatus.Withdrawn => Closed,
        _ => InProgress,
    };
}
