using Qorgau.Domain.Organisations;

namespace Qorgau.Domain.Cases;

/// <summary>Which staff roles may take which workflow action.</summary>
public static class CaseActionRoles
{
    private static readonly string[] TriageRoles = [StaffRole.IntakeOperator, StaffRole.CaseWorker, StaffRole.Investigator, StaffRole.Supervisor];
    private static readonly string[] ProceedingRoles = [StaffRole.CaseWorker, StaffRole.Investigator, StaffRole.Supervisor];

    /// <summary>The roles that may take the action: triage is for those who receive complaints, proceedings for those who follow them.</summary>
    public static IReadOnlyList<string> For(string action) =>
        action is CaseAction.Accept or CaseAction.Merge or CaseAction.Refer or CaseAction.Reject or CaseAction.Withdraw or CaseCorrection.Action ? TriageRoles : ProceedingRoles;

    /// <summary>Monitors hold follow-up interviews only; an administrator account takes no action whatever else it holds.</summary>
    public static bool MayAct(Func<string, bool> hasRole, string action) =>
        StaffRole.WorksOnCases(hasRole) && For(action).Any(hasRole);

    /// <summary>
    /// Correcting the classification (<see cref="CaseCorrection"/>, action <c>correct</c>) is for those who
    /// work on the case: a member of its team in a role that takes triage actions, or a supervisor of its organisation.
    /// </summary>
    public static bool MayCorrect(Func<string, bool> hasRole, bool onTeam) =>
        MayAct(hasRole, CaseCorrection.Action) && (onTeam || hasRole(StaffRole.Supervisor));
}
