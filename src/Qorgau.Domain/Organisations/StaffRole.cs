namespace Qorgau.Domain.Organisations;

/// <summary>The staff roles of DESIGN.md. Administrators manage users and settings but read no case content.</summary>
public static class StaffRole
{
    public const string IntakeOperator = "intake-operator";
    public const string CaseWorker = "case-worker";
    public const string Investigator = "investigator";
    public const string Monitor = "monitor";
    public const string Supervisor = "supervisor";
    public const string Analyst = "analyst";
    public const string Administrator = "administrator";

    public static readonly IReadOnlyList<string> All =
        [IntakeOperator, CaseWorker, Investigator, Monitor, Supervisor, Analyst, Administrator];
}
