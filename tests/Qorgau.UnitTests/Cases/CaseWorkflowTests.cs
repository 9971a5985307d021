using Qorgau.Domain.Cases;

namespace Qorgau.UnitTests.Cases;

public sealed class CaseWorkflowTests
{
    /// <summary>The lifecycle of DESIGN.md written out by hand: every action each status allows and the status it leads to.</summary>
    public static readonly IReadOnlyList<(CaseStatus Status, string Action, CaseStatus Next)> Expected =
    [
        (CaseStatus.Received, CaseAction.Accept, CaseStatus.Admissible),
        (CaseStatus.Received, CaseAction.Merge, CaseStatus.Merged),
        (CaseStatus.Received, CaseAction.Refer, CaseStatus.Referred),
        (CaseStatus.Received, CaseAction.Reject, CaseStatus.OutOfScope),
        (CaseStatus.Received, CaseAction.Withdraw, CaseStatus.Withdrawn),
        (CaseStatus.Referred, CaseAction.Accept, CaseStatus.Admissible),
        (CaseStatus.Referred, CaseAction.Merge, CaseStatus.Merged),
        (CaseStatus.Referred, CaseAction.Refer, CaseStatus.Referred),
        (CaseStatus.Referred, CaseAction.Reject, CaseStatus.OutOfScope),
        (CaseStatus.Referred, CaseAction.Withdraw, CaseStatus.Withdrawn),
        (CaseStatus.Admissible, CaseAction.Register, CaseStatus.Registered),
        (CaseStatus.Admissible, CaseAction.Merge, CaseStatus.Merged),
        (CaseStatus.Admissible, CaseAction.Refer, CaseStatus.Referred),
        (CaseStatus.Admissible, CaseAction.Reject, CaseStatus.OutOfScope),
        (CaseStatus.Admissible, CaseAction.Withdraw, CaseStatus.Withdrawn),
        (CaseStatus.Registered, CaseAction.Requalify, CaseStatus.Registered),
        (CaseStatus.Registered, CaseAction.Terminate, CaseStatus.Terminated),
        (CaseStatus.Registered, CaseAction.Indict, CaseStatus.InCourt),
        (CaseStatus.Terminated, CaseAction.Reopen, CaseStatus.Registered),
        (CaseStatus.InCourt, CaseAction.Requalify, CaseStatus.InCourt),
        (CaseStatus.InCourt, CaseAction.Terminate, CaseStatus.Terminated),
        (CaseStatus.InCourt, CaseAction.Verdict, CaseStatus.Verdict),
        (CaseStatus.Verdict, CaseAction.Appeal, CaseStatus.Appeal),
        (CaseStatus.Verdict, CaseAction.Finalise, CaseStatus.Final),
        (CaseStatus.Appeal, CaseAction.Verdict, CaseStatus.Verdict),
        (CaseStatus.Appeal, CaseAction.Finalise, CaseStatus.Final),
    ];

    public static TheoryData<CaseStatus, string, CaseStatus> AllowedMoves
    {
        get
        {
            var data = new TheoryData<CaseStatus, string, CaseStatus>();
            foreach (var (status, action, next) in Expected)
            {
                data.Add(status, action, next);
            }

            return data;
        }
    }

    /// <summary>Every other pair of status and action: 12 statuses x 13 actions - 26 allowed = 130.</summary>
    public static TheoryData<CaseStatus, string> RefusedMoves
    {
        get
        {
            var data = new TheoryData<CaseStatus, string>();
            foreach (var status in Enum.GetValues<CaseStatus>())
            {
                foreach (var action in ExpectedActions)
                {
                    if (!Expected.Any(e => e.Status == status && e.Action == action))
                    {
                        data.Add(status, action);
                    }
                }
            }

            return data;
        }
    }

    public static TheoryData<CaseStatus> AllStatuses => [.. Enum.GetValues<CaseStatus>()];

    private static readonly string[] ExpectedActions =
        ["accept", "merge", "refer", "reject", "withdraw", "register", "requalify", "terminate", "reopen", "indict", "verdict", "appeal", "finalise"];

    public static IReadOnlyList<string> ExpectedAllowedIn(CaseStatus status) =>
        [.. Expected.Where(e => e.Status == status).Select(e => e.Action)];

    [Fact]
    public void The_action_codes_are_the_stable_thirteen_and_three_of_them_end_the_allegation()
    {
        CaseAction.All.ShouldBe(ExpectedActions);
        CaseAction.Ending.ShouldBe(["reject", "withdraw", "terminate"]);
        RefusedMoves.Count.ShouldBe(130);
    }

    [Theory]
    [MemberData(nameof(AllStatuses))]
    public void Each_status_allows_exactly_the_actions_of_the_lifecycle(CaseStatus status)
    {
        CaseWorkflow.AllowedIn(status).ShouldBe(ExpectedAllowedIn(status), ignoreOrder: true);
        CaseWorkflow.AllowedIn(status).Count.ShouldBe(ExpectedAllowedIn(status).Count);
    }

    [Fact]
    public void Triage_happens_in_received_and_referred_and_registration_only_once_admissible()
    {
        CaseWorkflow.AllowedIn(CaseStatus.Received).ShouldBe(["accept", "merge", "refer", "reject", "withdraw"], ignoreOrder: true);
        CaseWorkflow.AllowedIn(CaseStatus.Referred).ShouldBe(["accept", "merge", "refer", "reject", "withdraw"], ignoreOrder: true);
        CaseWorkflow.AllowedIn(CaseStatus.Admissible).ShouldBe(["register", "merge", "refer", "reject", "withdraw"], ignoreOrder: true);
        CaseWorkflow.IsAllowed(CaseStatus.Received, CaseAction.Register).ShouldBeFalse();
        CaseWorkflow.IsAllowed(CaseStatus.Admissible, CaseAction.Accept).ShouldBeFalse();
    }

    [Theory]
    [InlineData(CaseStatus.Merged)]
    [InlineData(CaseStatus.OutOfScope)]
    [InlineData(CaseStatus.Withdrawn)]
    [InlineData(CaseStatus.Final)]
    public void An_ended_case_allows_nothing(CaseStatus status)
    {
        CaseWorkflow.AllowedIn(status).ShouldBeEmpty();
        foreach (var action in CaseAction.All)
        {
            CaseWorkflow.IsAllowed(status, action).ShouldBeFalse();
        }
    }

    [Fact]
    public void A_terminated_case_can_only_be_reopened() =>
        CaseWorkflow.AllowedIn(CaseStatus.Terminated).ShouldBe(["reopen"]);

    [Theory]
    [MemberData(nameof(AllowedMoves))]
    public void An_allowed_action_leads_where_the_lifecycle_says(CaseStatus status, string action, CaseStatus next)
    {
        CaseWorkflow.IsAllowed(status, action).ShouldBeTrue();
        CaseWorkflow.Next(status, action).ShouldBe(next);
    }

    [Theory]
    [MemberData(nameof(RefusedMoves))]
    public void Any_other_action_is_not_allowed(CaseStatus status, string action) =>
        CaseWorkflow.IsAllowed(status, action).ShouldBeFalse();

    [Theory]
    [InlineData(CaseStatus.Registered)]
    [InlineData(CaseStatus.InCourt)]
    public void Requalification_keeps_the_status(CaseStatus status) =>
        CaseWorkflow.Next(status, CaseAction.Requalify).ShouldBe(status);

    [Fact]
    public void Reopening_goes_back_to_registered() =>
        CaseWorkflow.Next(CaseStatus.Terminated, CaseAction.Reopen).ShouldBe(CaseStatus.Registered);

    [Theory]
    [InlineData("close")]
    [InlineData("Accept")]
    [InlineData("")]
    public void Next_of_something_that_is_not_an_action_throws(string action)
    {
        var thrown = Should.Throw<ArgumentOutOfRangeException>(() => CaseWorkflow.Next(CaseStatus.Received, action));
        thrown.ParamName.ShouldBe("action");
        CaseWorkflow.IsAllowed(CaseStatus.Received, action).ShouldBeFalse();
    }

    [Fact]
    public void The_active_statuses_are_those_still_someones_work()
    {
        CaseWorkflow.ActiveStatuses.ShouldBe(
            [CaseStatus.Received, CaseStatus.Referred, CaseStatus.Admissible, CaseStatus.Registered, CaseStatus.InCourt, CaseStatus.Verdict, CaseStatus.Appeal],
            ignoreOrder: true);
        CaseWorkflow.ActiveStatuses.Count.ShouldBe(7);
    }

    [Theory]
    [InlineData(CaseStatus.Received, true)]
    [InlineData(CaseStatus.Referred, true)]
    [InlineData(CaseStatus.Admissible, true)]
    [InlineData(CaseStatus.Registered, true)]
    [InlineData(CaseStatus.InCourt, true)]
    [InlineData(CaseStatus.Verdict, true)]
    [InlineData(CaseStatus.Appeal, true)]
    [InlineData(CaseStatus.Terminated, false)]
    [InlineData(CaseStatus.Merged, false)]
    [InlineData(CaseStatus.OutOfScope, false)]
    [InlineData(CaseStatus.Withdrawn, false)]
    [InlineData(CaseStatus.Final, false)]
    public void IsActive_tells_open_work_from_closed_cases(CaseStatus status, bool active) =>
        CaseWorkflow.IsActive(status).ShouldBe(active);
}
