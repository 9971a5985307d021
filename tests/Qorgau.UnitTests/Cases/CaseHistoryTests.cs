using Qorgau.Domain;
using Qorgau.Domain.Cases;
using Qorgau.Domain.Intake;

namespace Qorgau.UnitTests.Cases;

public sealed class CaseHistoryTests
{
    private static readonly Guid CaseId = new("00000000-0000-0000-0000-0000000000c1");
    private static readonly Guid Investigator = new("00000000-0000-0000-0000-0000000000b1");
    private static readonly Guid Lawyer = new("00000000-0000-0000-0000-0000000000b2");
    private static readonly DateTime Start = new(2026, 3, 2, 8, 0, 0, DateTimeKind.Utc);

    /// <summary>A case's timeline, one event a day from <see cref="Start"/>, as the case work writes it.</summary>
    private static readonly CaseEvent[] Timeline =
    [
        Event(0, CaseEventKind.Received),
        Event(1, CaseEventKind.Read),
        Event(2, CaseEventKind.Assigned, (CaseEventDetail.User, Investigator.ToString()), (CaseEventDetail.Role, "investigator")),
        Action(3, CaseAction.Accept, CaseStatus.Admissible),
        Action(4, CaseAction.Register, CaseStatus.Registered, ("article", "146"), ("number", "ERDR-1")),
        Event(5, CaseEventKind.Assigned, (CaseEventDetail.User, Lawyer.ToString()), (CaseEventDetail.Role, "case-worker")),
        Action(6, CaseAction.Requalify, CaseStatus.Registered, ("from", "146"), ("article", "362")),
        Event(7, CaseEventKind.Unassigned, (CaseEventDetail.User, Investigator.ToString()), (CaseEventDetail.Role, "investigator")),
        Action(8, CaseAction.Indict, CaseStatus.InCourt, ("court", "Almaty city court")),
        Action(9, CaseAction.Terminate, CaseStatus.Terminated, ("reason", "amnesty")),
    ];

    private static CaseEvent Event(int day, string kind, params (string Key, string? Value)[] detail) => new()
    {
        CaseId = CaseId,
        OccurredAtUtc = Start.AddDays(day),
        Kind = kind,
        Detail = detail.Length == 0 ? null : CaseEventDetail.Write(detail.ToDictionary(d => d.Key, d => d.Value)),
    };

    private static CaseEvent Action(int day, string action, CaseStatus to, params (string Key, string? Value)[] detail) =>
        Event(day, CaseEventKind.Of(action), [(CaseEventDetail.To, EnumCode.Of(to)), .. detail]);

    [Fact]
    public void Before_anything_happened_the_case_is_received_with_nothing_on_it()
    {
        var snapshot = CaseHistory.StateAt(Timeline, Start.AddSeconds(-1));

        snapshot.Status.ShouldBe(CaseStatus.Received);
        snapshot.Article.ShouldBeNull();
        snapshot.Assignees.ShouldBeEmpty();
        snapshot.Events.ShouldBe(0);
        snapshot.AsOfUtc.ShouldBe(Start.AddSeconds(-1));
    }

    [Fact]
    public void An_event_at_the_very_moment_asked_for_counts()
    {
        var snapshot = CaseHistory.StateAt(Timeline, Start.AddDays(4));

        snapshot.Status.ShouldBe(CaseStatus.Registered);
        snapshot.Article.ShouldBe("146");
        snapshot.Events.ShouldBe(5);
    }

    [Fact]
    public void A_moment_just_before_an_event_ignores_it()
    {
        var snapshot = CaseHistory.StateAt(Timeline, Start.AddDays(4).AddTicks(-1));

        snapshot.Status.ShouldBe(CaseStatus.Admissible);
        snapshot.Article.ShouldBeNull();
        snapshot.Assignees.ShouldBe(new Dictionary<Guid, string> { [Investigator] = "investigator" });
        snapshot.Events.ShouldBe(4);
    }

    [Fact]
    public void Assignees_are_rebuilt_with_their_roles_while_both_work_on_the_case()
    {
        var snapshot = CaseHistory.StateAt(Timeline, Start.AddDays(6).AddHours(1));

        snapshot.Status.ShouldBe(CaseStatus.Registered);
        snapshot.Article.ShouldBe("362");
        snapshot.Assignees.Count.ShouldBe(2);
        snapshot.Assignees[Investigator].ShouldBe("investigator");
        snapshot.Assignees[Lawyer].ShouldBe("case-worker");
        snapshot.Events.ShouldBe(7);
    }

    [Fact]
    public void An_unassignment_removes_the_person_and_an_action_without_article_keeps_the_last_one()
    {
        var inCourt = CaseHistory.StateAt(Timeline, Start.AddDays(8));

        inCourt.Status.ShouldBe(CaseStatus.InCourt);
        inCourt.Article.ShouldBe("362");
        inCourt.Assignees.Keys.ShouldBe([Lawyer]);
        inCourt.Events.ShouldBe(9);
    }

    [Fact]
    public void The_latest_state_replays_every_event()
    {
        var snapshot = CaseHistory.StateAt(Timeline, Start.AddYears(1));

        snapshot.Status.ShouldBe(CaseStatus.Terminated);
        snapshot.Article.ShouldBe("362");
        snapshot.Assignees.Keys.ShouldBe([Lawyer]);
        snapshot.Events.ShouldBe(Timeline.Length);
    }

    [Fact]
    public void Events_are_replayed_in_time_order_whatever_order_they_come_in()
    {
        var shuffled = Timeline.AsEnumerable().Reverse().ToArray();

        var snapshot = CaseHistory.StateAt(shuffled, Start.AddDays(6));

        snapshot.Status.ShouldBe(CaseStatus.Registered);
        snapshot.Article.ShouldBe("362");
        CaseHistory.StateAt(shuffled, Start.AddDays(3)).Status.ShouldBe(CaseStatus.Admissible);
        CaseHistory.StateAt(shuffled, Start.AddDays(9)).Status.ShouldBe(CaseStatus.Terminated);
    }

    [Fact]
    public void Multi_word_statuses_are_read_from_their_codes()
    {
        EnumCode.Of(CaseStatus.InCourt).ShouldBe("in-court");
        EnumCode.Of(CaseStatus.OutOfScope).ShouldBe("out-of-scope");

        CaseHistory.StateAt([Event(0, CaseEventKind.Of(CaseAction.Reject), (CaseEventDetail.To, "out-of-scope"))], Start).Status.ShouldBe(CaseStatus.OutOfScope);
        CaseHistory.StateAt([Event(0, CaseEventKind.Of(CaseAction.Indict), (CaseEventDetail.To, "in-court"))], Start).Status.ShouldBe(CaseStatus.InCourt);
    }

    [Fact]
    public void An_action_with_an_unreadable_status_keeps_the_status_before_it()
    {
        CaseEvent[] events =
        [
            Action(0, CaseAction.Accept, CaseStatus.Admissible),
            Event(1, CaseEventKind.Of(CaseAction.Register), (CaseEventDetail.To, "InCourt"), (CaseEventDetail.Article, "146")),
            new CaseEvent { CaseId = CaseId, OccurredAtUtc = Start.AddDays(2), Kind = CaseEventKind.Of(CaseAction.Requalify), Detail = "not json" },
        ];

        var snapshot = CaseHistory.StateAt(events, Start.AddDays(2));

        snapshot.Status.ShouldBe(CaseStatus.Admissible);
        snapshot.Article.ShouldBe("146");
        snapshot.Events.ShouldBe(3);
    }

    [Fact]
    public void Only_action_events_move_the_status()
    {
        CaseEvent[] events =
        [
            Event(0, CaseEventKind.MergedFrom, (CaseEventDetail.To, "merged"), ("from", "QG-0001")),
            Event(1, CaseEventKind.DeadlineOverdue, (CaseEventDetail.To, "final"), (CaseEventDetail.Article, "146")),
        ];

        var snapshot = CaseHistory.StateAt(events, Start.AddDays(2));

        snapshot.Status.ShouldBe(CaseStatus.Received);
        snapshot.Article.ShouldBeNull();
        snapshot.Events.ShouldBe(2);
    }

    [Fact]
    public void A_second_assignment_of_the_same_person_changes_their_role_and_a_bad_user_id_is_ignored()
    {
        CaseEvent[] events =
        [
            Event(0, CaseEventKind.Assigned, (CaseEventDetail.User, Lawyer.ToString()), (CaseEventDetail.Role, "case-worker")),
            Event(1, CaseEventKind.Assigned, (CaseEventDetail.User, Lawyer.ToString()), (CaseEventDetail.Role, "investigator")),
            Event(2, CaseEventKind.Assigned, (CaseEventDetail.User, "someone"), (CaseEventDetail.Role, "monitor")),
            Event(3, CaseEventKind.Assigned, (CaseEventDetail.User, Investigator.ToString())),
            Event(4, CaseEventKind.Unassigned, (CaseEventDetail.User, "someone")),
        ];

        var snapshot = CaseHistory.StateAt(events, Start.AddDays(4));

        snapshot.Assignees.Count.ShouldBe(2);
        snapshot.Assignees[Lawyer].ShouldBe("investigator");
        snapshot.Assignees[Investigator].ShouldBe(string.Empty);
        snapshot.Events.ShouldBe(5);
    }

    [Fact]
    public void Event_detail_is_a_flat_json_object_without_the_empty_fields()
    {
        var json = CaseEventDetail.Write(new Dictionary<string, string?> { ["to"] = "registered", ["article"] = "146", ["court"] = null });

        json.ShouldBe("""{"to":"registered","article":"146"}""");
        CaseEventDetail.Read(json).ShouldBe(new Dictionary<string, string> { ["to"] = "registered", ["article"] = "146" });
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("registered")]
    [InlineData("{not json")]
    [InlineData("{\"to\": 5}")]
    public void Detail_that_is_not_a_json_object_of_strings_reads_as_empty(string? detail) =>
        CaseEventDetail.Read(detail).ShouldBeEmpty();
}
