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

    /// <summary>The roles that read case content. Analysts see aggregates only; administrators nothing.</summary>
    public static readonly IReadOnlyList<string> CaseRoles = [IntakeOperator, CaseWorker, Investigator, Monitor, Supervisor];

    /// <summary>One of the case roles and not an administrator: an administrator account never reads a case, whatever else it holds.</summary>
    public static bool WorksOnCases(Func<string, bool> hasRole) =>
        CaseRoles.Any(hasRole) && !hasRole(Administrator);
}
