using CsCheck;
using Qorgau.Domain.Care;
using Qorgau.Domain.Cases;
using Qorgau.Domain.Profiles;
using Qorgau.Domain.Statistics;

namespace Qorgau.UnitTests.Statistics;

public sealed class FunnelStageDaysTests
{
    private static readonly JurisdictionProfile Profile = TestProfile.Kazakhstan;
    private static readonly TimeZoneInfo Zone = JurisdictionTime.ZoneOf(Profile);

    private static readonly CaseEvent[] Pool =
    [
        Event(CaseEventKind.Received, "online"),
        Event(CaseEventKind.Received, CaseEventDetail.Write(new Dictionary<string, string?> { ["channel"] = "letter", ["source"] = "import" })),
        Event(CaseEventKind.Read, null),
        Event(CaseEventKind.WithdrawalRequested, Guid.Empty.ToString()),
        Action(CaseAction.Register, ("article", "146-2")),
        Action(CaseAction.Requalify, ("from", "146-2"), ("article", "362-1"), ("flags", CaseFlag.RequalifiedAwayFromTorture)),
        Action(CaseAction.Requalify, ("from", "362-1"), ("article", "146-2")),
        Action(CaseAction.Terminate, ("reason", "no-corpus-delicti")),
        Action(CaseAction.Terminate, ("reason", "amnesty"), ("flags", CaseFlag.BarredReason("amnesty"))),
        Action(CaseAction.Reopen),
        Action(CaseAction.Indict),
        Action(CaseAction.Verdict, ("convictions", "1"), ("penalty-imprisonment", "1"), ("suspended", "0"), ("acquittals", "0")),
        Action(CaseAction.Verdict, ("convictions", "0"), ("acquittals", "1"), ("on-appeal", "true")),
        Action(CaseAction.Verdict, ("convictions", "2"), ("penalty-imprisonment", "2"), ("suspended", "1"), ("plea-agreement", "true")),
        Action(CaseAction.Merge, ("to", "Q-1")),
        Event(CareEventKind.CompensationFiled, "{}"),
        Event(CareEventKind.CompensationDecided, CaseEventDetail.Write(new Dictionary<string, string?> { ["decision"] = "granted", ["awarded"] = "100" })),
        Event(CareEventKind.CompensationPaid, CaseEventDetail.Write(new Dictionary<string, string?> { ["amount"] = "100", ["source"] = "import" })),
    ];

    [Fact]
    public void A_case_terminated_reopened_and_terminated_again_with_a_bar_flag_reads_from_the_table_as_from_its_events_on_every_date()
    {
        var events = Timeline(
            (2019, 3, 1, Event(CaseEventKind.Received, "online")),
            (2019, 3, 20, Action(CaseAction.Register, ("article", "146-2"))),
            (2019, 9, 1, Action(CaseAction.Terminate, ("reason", "no-corpus-delicti"))),
            (2020, 2, 1, Action(CaseAction.Reopen)),
            (2021, 1, 5, Action(CaseAction.Terminate, ("reason", "amnesty"), ("flags", CaseFlag.BarredReason("amnesty")))));

        ShouldAgreeOnEveryDate(events);
        var row = FunnelStageDays.Of(Profile, events);
        row.Stages[FunnelStage.Terminated].ShouldBe(events[2].OccurredAtUtc);
        row.Stages[FunnelStage.TerminatedFlagged].ShouldBe(events[4].OccurredAtUtc);
    }

    [Fact]
    public void A_conviction_quashed_on_appeal_and_a_requalification_reversed_keep_their_first_day_in_the_table_as_in_the_events()
    {
        var events = Timeline(
            (2018, 1, 10, Event(CaseEventKind.Received, "hotline")),
            (2018, 2, 1, Action(CaseAction.Register, ("article", "146-2"))),
            (2018, 5, 1, Action(CaseAction.Requalify, ("from", "146-2"), ("article", "362-1"))),
            (2018, 8, 1, Action(CaseAction.Requalify, ("from", "362-1"), ("article", "146-2"))),
            (2018, 12, 31, Action(CaseAction.Indict)),
            (2019, 6, 1, Action(CaseAction.Verdict, ("convictions", "1"), ("penalty-imprisonment", "1"), ("suspended", "0"), ("acquittals", "0"))),
            (2020, 1, 15, Action(CaseAction.Verdict, ("convictions", "0"), ("acquittals", "1"), ("on-appeal", "true"))));

        ShouldAgreeOnEveryDate(events);
        var row = FunnelStageDays.Of(Profile, events);
        row.Stages.Keys.ShouldBe([FunnelStage.Received, FunnelStage.Registered, FunnelStage.Requalified, FunnelStage.Indicted, FunnelStage.Convicted, FunnelStage.Custodial, FunnelStage.Acquitted], ignoreOrder: true);
    }

    [Fact]
    public void A_case_merged_into_another_counts_until_the_day_of_its_merge_and_in_no_stage_after_it()
    {
        var events = Timeline(
            (2020, 4, 1, Event(CaseEventKind.Received, "box")),
            (2020, 4, 20, Action(CaseAction.Register, ("article", "146-1"))),
            (2022, 7, 1, Action(CaseAction.Merge, ("to", "Q-1"))),
            (2023, 1, 1, Action(CaseAction.Merge, ("to", "Q-2"))));

        ShouldAgreeOnEveryDate(events);
        var row = FunnelStageDays.Of(Profile, events);
        row.MergedAtUtc.ShouldBe(events[2].OccurredAtUtc);
        FunnelStageDays.Counts(row.MergedAtUtc, events[2].OccurredAtUtc.AddTicks(-1)).ShouldBeTrue();
        FunnelStageDays.Counts(row.MergedAtUtc, events[2].OccurredAtUtc).ShouldBeFalse();
    }

    [Fact]
    public void Of_a_linked_pair_the_later_case_counts_until_the_link_is_confirmed_and_the_earlier_one_always()
    {
        var earlier = new Qorgau.Domain.Cases.Case { Id = Guid.NewGuid(), PublicId = "QG-AAAA-0001", OrganisationId = Guid.NewGuid(), ReceivedOn = new DateOnly(2024, 3, 1) };
        var later = new Qorgau.Domain.Cases.Case { Id = Guid.NewGuid(), PublicId = "QG-AAAA-0002", OrganisationId = Guid.NewGuid(), ReceivedOn = new DateOnly(2024, 3, 4) };
        var confirmedAt = new DateTime(2024, 5, 10, 8, 0, 0, DateTimeKind.Utc);
        var link = CaseLinkRules.Propose(later, earlier, proposedBy: Guid.NewGuid(), confirmedAt.AddDays(-3));
        var declined = CaseLinkRules.Propose(earlier, later, proposedBy: Guid.NewGuid(), confirmedAt.AddDays(-3));
        CaseLinkRules.Decide(declined, confirm: false, decidedBy: Guid.NewGuid(), confirmedAt);

        FunnelStageDays.Counts(later.Id, null, [link], confirmedAt).ShouldBeTrue("a proposal leaves nothing out");
        CaseLinkRules.Decide(link, confirm: true, decidedBy: Guid.NewGuid(), confirmedAt);

        FunnelStageDays.Counts(later.Id, null, [link], confirmedAt.AddTicks(-1)).ShouldBeTrue();
        FunnelStageDays.Counts(later.Id, null, [link], confirmedAt).ShouldBeFalse();
        FunnelStageDays.Counts(earlier.Id, null, [link], confirmedAt.AddYears(1)).ShouldBeTrue();
        FunnelStageDays.Counts(later.Id, null, [declined], confirmedAt.AddYears(1)).ShouldBeTrue("a declined link leaves nothing out");
    }

    [Fact]
    public void An_imported_payment_stands_for_the_claim_and_the_award_in_the_table_as_in_the_events()
    {
        var events = Timeline(
            (2017, 5, 1, Event(CaseEventKind.Received, CaseEventDetail.Write(new Dictionary<string, string?> { ["channel"] = "letter", ["source"] = "import" }))),
            (2017, 5, 2, Event(CaseEventKind.WithdrawalRequested, Guid.Empty.ToString())),
            (2019, 9, 9, Event(CareEventKind.CompensationPaid, CaseEventDetail.Write(new Dictionary<string, string?> { ["amount"] = "100", ["source"] = "import" }))));

        ShouldAgreeOnEveryDate(events);
        FunnelStageDays.Of(Profile, events).Stages[FunnelStage.CompensationAwarded].ShouldBe(events[2].OccurredAtUtc);
    }

    [Fact]
    public void On_random_timelines_the_table_gives_what_the_events_give_as_of_every_instant()
    {
        var timelines = Gen.Select(Gen.Int[0, Pool.Length - 1], Gen.Int[0, 40]).List[1, 14];
        timelines.Sample(picks =>
        {
            var events = picks.Select(p => Copy(Pool[p.Item1], new DateTime(2016, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddDays(p.Item2 * 45))).ToList();
            ShouldAgreeOnEveryDate(events);
        });
    }

    [Fact]
    public void Events_the_table_is_not_refreshed_for_change_nothing_the_events_say_about_stages_or_merges()
    {
        var timelines = Gen.Select(Gen.Int[0, Pool.Length - 1], Gen.Int[0, 40]).List[1, 14];
        timelines.Sample(picks =>
        {
            var events = picks.Select(p => Copy(Pool[p.Item1], new DateTime(2016, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddDays(p.Item2 * 45))).ToList();
            var all = FunnelStageDays.Of(Profile, events);
            var read = FunnelStageDays.Of(Profile, events.Where(e => CaseStages.Reads(e.Kind)));
            read.Stages.ShouldBe(all.Stages, ignoreOrder: true);
            read.MergedAtUtc.ShouldBe(all.MergedAtUtc);
        });
    }

    /// <summary>As of each event's instant, a tick before and after, and long before and after: the table's answer is the events' answer.</summary>
    private static void ShouldAgreeOnEveryDate(IReadOnlyList<CaseEvent> events)
    {
        var row = FunnelStageDays.Of(Profile, events);
        var instants = events.SelectMany(e => new[] { e.OccurredAtUtc.AddTicks(-1), e.OccurredAtUtc, e.OccurredAtUtc.AddTicks(1) })
            .Append(DateTime.MinValue).Append(new DateTime(2100, 1, 1, 0, 0, 0, DateTimeKind.Utc));
        foreach (var asOf in instants)
        {
            var fromEvents = CaseStages.Of(Profile, events, asOf);
            FunnelStageDays.Counts(row.MergedAtUtc, asOf).ShouldBe(!fromEvents.Merged, $"counted as of {asOf:O}");
            FunnelStageDays.AsOf(row, asOf).ShouldBe(fromEvents.Stages, ignoreOrder: true, $"stages as of {asOf:O}");
        }
    }

    private static List<CaseEvent> Timeline(params (int Year, int Month, int Day, CaseEvent Event)[] events) =>
        [.. events.Select(e => Copy(e.Event, MetadataGrain.StartOfDayUtc(new DateOnly(e.Year, e.Month, e.Day), Zone)))];

    private static CaseEvent Copy(CaseEvent e, DateTime at) => new() { OccurredAtUtc = at, Kind = e.Kind, Detail = e.Detail };

    private static CaseEvent Event(string kind, string? detail) => new() { Kind = kind, Detail = detail };

    private static CaseEvent Action(string action, params (string Key, string Value)[] detail) =>
        Event(CaseEventKind.Of(action), CaseEventDetail.Write(detail.ToDictionary(d => d.Key, d => (string?)d.Value)));
}
