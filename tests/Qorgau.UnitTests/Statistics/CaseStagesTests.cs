using Qorgau.Domain.Care;
using Qorgau.Domain.Cases;
using Qorgau.Domain.Proceedings;
using Qorgau.Domain.Profiles;
using Qorgau.Domain.Statistics;

namespace Qorgau.UnitTests.Statistics;

public sealed class CaseStagesTests
{
    private static readonly JurisdictionProfile Profile = TestProfile.Kazakhstan;
    private static readonly TimeZoneInfo Zone = JurisdictionTime.ZoneOf(Profile);
    private static readonly DateTime Far = new(2100, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void A_case_requalified_from_torture_to_abuse_of_power_reaches_the_requalified_stage_on_the_day_of_the_requalification()
    {
        var history = new History()
            .Received(2024, 3, 1, "online")
            .Action(2024, 3, 10, CaseAction.Register, ("to", "registered"), ("article", "146-2"))
            .Action(2024, 6, 2, CaseAction.Requalify, ("to", "registered"), ("from", "146-2"), ("article", "362"), ("flags", CaseFlag.RequalifiedAwayFromTorture));

        var stages = CaseStages.Of(Profile, history.Events, Far);

        stages.ArticleOpened.ShouldBe("146-2");
        stages.ReachedAt(FunnelStage.Registered).ShouldBe(History.At(2024, 3, 10));
        stages.ReachedAt(FunnelStage.Requalified).ShouldBe(History.At(2024, 6, 2));
        stages.Requalifications.ShouldHaveSingleItem().AwayFromTorture.ShouldBeTrue();
    }

    [Fact]
    public void A_requalification_from_a_torture_article_counts_by_the_profile_even_without_the_flag()
    {
        var history = new History()
            .Action(2024, 3, 10, CaseAction.Register, ("to", "registered"), ("article", "146-2"))
            .Action(2024, 6, 2, CaseAction.Requalify, ("to", "registered"), ("from", "146-2"), ("article", "361"));

        CaseStages.Of(Profile, history.Events, Far).ReachedAt(FunnelStage.Requalified).ShouldNotBeNull();
    }

    [Fact]
    public void A_requalification_between_two_articles_that_are_not_torture_is_not_counted_as_requalified_away()
    {
        var history = new History()
            .Action(2024, 3, 10, CaseAction.Register, ("to", "registered"), ("article", "362"))
            .Action(2024, 6, 2, CaseAction.Requalify, ("to", "registered"), ("from", "362"), ("article", "361"));

        var stages = CaseStages.Of(Profile, history.Events, Far);

        stages.ReachedAt(FunnelStage.Requalified).ShouldBeNull();
        stages.Requalifications.ShouldHaveSingleItem().AwayFromTorture.ShouldBeFalse();
    }

    [Fact]
    public void A_withdrawal_counts_on_the_day_it_was_asked_and_keeps_the_outcome_of_its_follow_up()
    {
        var history = new History()
            .Received(2024, 1, 5, "hotline")
            .Plain(2024, 2, 1, CaseEventKind.WithdrawalRequested, Guid.NewGuid().ToString())
            .Detailed(2024, 2, 20, CaseEventKind.WithdrawalOutcomeRecorded, ("withdrawal", Guid.NewGuid().ToString()), ("outcome", "pressure-suspected"));

        var stages = CaseStages.Of(Profile, history.Events, Far);

        stages.ReachedAt(FunnelStage.Withdrawn).ShouldBe(History.At(2024, 2, 1));
        stages.WithdrawalOutcome.ShouldBe(WithdrawalOutcome.PressureSuspected);
        stages.ClosedAsWithdrawn.ShouldBeFalse();
    }

    [Fact]
    public void A_withdrawal_whose_follow_up_is_still_pending_has_no_outcome_as_of_a_date_before_the_interview()
    {
        var history = new History()
            .Plain(2024, 2, 1, CaseEventKind.WithdrawalRequested, Guid.NewGuid().ToString())
            .Detailed(2024, 2, 20, CaseEventKind.WithdrawalOutcomeRecorded, ("outcome", "voluntary"))
            .Action(2024, 2, 21, CaseAction.Withdraw, ("to", "withdrawn"));

        CaseStages.Of(Profile, history.Events, History.At(2024, 2, 10)).WithdrawalOutcome.ShouldBeNull();
        var later = CaseStages.Of(Profile, history.Events, Far);
        later.WithdrawalOutcome.ShouldBe(WithdrawalOutcome.Voluntary);
        later.ClosedAsWithdrawn.ShouldBeTrue();
    }

    [Fact]
    public void An_imported_case_reads_its_channel_from_the_json_detail_and_its_payment_as_claim_award_and_payment()
    {
        var history = new History()
            .Detailed(2019, 4, 1, CaseEventKind.Received, ("channel", "letter"), ("source", "import"))
            .Detailed(2020, 5, 1, CareEventKind.CompensationPaid, ("amount", "150000.00"), ("on", "2020-05-01"), ("source", "import"));

        var stages = CaseStages.Of(Profile, history.Events, Far);

        stages.Channel.ShouldBe(IntakeChannel.Letter);
        stages.Imported.ShouldBeTrue();
        stages.CompensationPaid.ShouldBe(150000m);
        stages.ReachedAt(FunnelStage.CompensationClaimed).ShouldBe(History.At(2020, 5, 1));
        stages.ReachedAt(FunnelStage.CompensationAwarded).ShouldBe(History.At(2020, 5, 1));
        stages.ReachedAt(FunnelStage.Compensated).ShouldBe(History.At(2020, 5, 1));
    }

    [Fact]
    public void A_live_case_reads_its_channel_from_the_bare_code_and_a_payment_does_not_stand_for_its_claim()
    {
        var history = new History()
            .Received(2024, 1, 5, "hotline")
            .Detailed(2024, 3, 1, CareEventKind.CompensationFiled, ("amount", "500000.00"))
            .Detailed(2024, 9, 1, CareEventKind.CompensationDecided, ("decision", "partly-granted"), ("awarded", "200000.00"))
            .Detailed(2024, 10, 1, CareEventKind.CompensationPaid, ("amount", "200000.00"));

        var stages = CaseStages.Of(Profile, history.Events, Far);

        stages.Channel.ShouldBe(IntakeChannel.Hotline);
        stages.Imported.ShouldBeFalse();
        stages.ReachedAt(FunnelStage.CompensationClaimed).ShouldBe(History.At(2024, 3, 1));
        stages.ReachedAt(FunnelStage.CompensationAwarded).ShouldBe(History.At(2024, 9, 1));
        stages.CompensationAwarded.ShouldBe(200000m);
    }

    [Fact]
    public void As_of_a_past_date_the_case_stands_where_its_events_up_to_that_date_left_it()
    {
        var history = new History()
            .Received(2023, 1, 5, "online")
            .Action(2023, 2, 1, CaseAction.Register, ("to", "registered"), ("article", "146-2"))
            .Action(2024, 5, 1, CaseAction.Indict, ("to", "in-court"))
            .Action(2025, 2, 1, CaseAction.Verdict, ("to", "verdict"), ("convictions", "1"), ("acquittals", "0"), ("penalty-imprisonment", "1"));

        var atEndOf2023 = CaseStages.Of(Profile, history.Events, History.At(2024, 1, 1).AddTicks(-1));
        atEndOf2023.Stages.Keys.ShouldBe([FunnelStage.Received, FunnelStage.Registered], ignoreOrder: true);

        var atEndOf2025 = CaseStages.Of(Profile, history.Events, History.At(2026, 1, 1).AddTicks(-1));
        atEndOf2025.Stages.Keys.ShouldBe([FunnelStage.Received, FunnelStage.Registered, FunnelStage.Indicted, FunnelStage.Convicted, FunnelStage.Custodial], ignoreOrder: true);
    }

    [Fact]
    public void A_verdict_counts_custodial_suspended_and_other_penalties_and_the_months_of_its_sentences()
    {
        var history = new History()
            .Action(2024, 5, 1, CaseAction.Verdict, ("to", "verdict"), ("on", "2024-05-01"), ("convictions", "3"), ("acquittals", "1"), ("penalty-imprisonment", "2"), ("penalty-fine", "1"), ("suspended", "1"), ("plea-agreement", "true"));
        var on = new DateOnly(2024, 5, 1);
        Sentence[] sentences =
        [
            new() { On = on, Outcome = VerdictOutcome.Conviction, CustodialMonths = 36 },
            new() { On = on, Outcome = VerdictOutcome.Conviction, CustodialMonths = 24, Suspended = true },
            new() { On = on, Outcome = VerdictOutcome.Conviction, Fine = 100000m },
            new() { On = on, Outcome = VerdictOutcome.Acquittal },
        ];

        var stages = CaseStages.Of(Profile, history.Events, Far, sentences);

        (stages.OfficialsConvicted, stages.OfficialsCustodial, stages.OfficialsSuspended, stages.OfficialsOtherPenalty, stages.OfficialsAcquitted).ShouldBe((3, 1, 1, 1, 1));
        stages.CustodialMonths.ShouldBe(36);
        stages.Stages.Keys.ShouldBe(
            [FunnelStage.Convicted, FunnelStage.Custodial, FunnelStage.Suspended, FunnelStage.OtherPenalty, FunnelStage.Acquitted, FunnelStage.PleaAgreement], ignoreOrder: true);
    }

    [Fact]
    public void A_verdict_on_appeal_supersedes_the_officials_of_the_first_but_the_case_stays_counted_where_it_first_arrived()
    {
        var history = new History()
            .Action(2024, 5, 1, CaseAction.Verdict, ("to", "verdict"), ("convictions", "1"), ("acquittals", "0"), ("penalty-imprisonment", "1"))
            .Action(2024, 9, 1, CaseAction.Verdict, ("to", "verdict"), ("convictions", "0"), ("acquittals", "1"), ("on-appeal", "true"));

        var stages = CaseStages.Of(Profile, history.Events, Far);

        stages.OfficialsConvicted.ShouldBe(0);
        stages.OfficialsAcquitted.ShouldBe(1);
        stages.ReachedAt(FunnelStage.Convicted).ShouldBe(History.At(2024, 5, 1));
        stages.ReachedAt(FunnelStage.Acquitted).ShouldBe(History.At(2024, 9, 1));
    }

    [Fact]
    public void A_termination_flagged_by_a_bar_is_counted_apart_and_a_second_termination_after_reopening_keeps_the_first()
    {
        var history = new History()
            .Action(2024, 5, 1, CaseAction.Terminate, ("to", "terminated"), ("reason", "amnesty"), ("flags", CaseFlag.BarredReason("amnesty")), ("act-on", "2024-01-01"))
            .Action(2024, 7, 1, CaseAction.Reopen, ("to", "registered"))
            .Action(2024, 9, 1, CaseAction.Terminate, ("to", "terminated"), ("reason", "no-crime"));

        var stages = CaseStages.Of(Profile, history.Events, Far);

        stages.ReachedAt(FunnelStage.Terminated).ShouldBe(History.At(2024, 5, 1));
        stages.ReachedAt(FunnelStage.TerminatedFlagged).ShouldBe(History.At(2024, 5, 1));
        stages.TerminationReason.ShouldBe("amnesty");
        stages.TerminationFlags.ShouldBe([CaseFlag.BarredReason("amnesty")]);
    }

    [Fact]
    public void An_article_part_inferred_by_the_data_step_refines_the_article_the_case_was_opened_under()
    {
        var history = new History()
            .Action(2019, 5, 1, CaseAction.Register, ("to", "registered"), ("article", "146"))
            .Detailed(2025, 1, 1, CaseEventKind.ArticlePartInferred, ("from", "146"), ("article", "146-2"));

        CaseStages.Of(Profile, history.Events, Far).ArticleOpened.ShouldBe("146-2");
        CaseStages.Of(Profile, history.Events, History.At(2024, 1, 1)).ArticleOpened.ShouldBe("146");
    }

    [Fact]
    public void A_case_merged_into_another_counts_in_no_stage_of_the_funnel()
    {
        var merged = new History().Received(2024, 1, 5, "online").Action(2024, 1, 8, CaseAction.Merge, ("to", "merged"), ("into", "ABC"));
        var kept = new History().Received(2024, 1, 4, "online");
        var cases = new[] { merged, kept }.Select(h => (Case: "x", Stages: CaseStages.Of(Profile, h.Events, Far)));

        var counts = FunnelCounts.Count(cases, new StatisticsPeriod(new(2024, 1, 1), new(2024, 12, 31)), Zone, (_, _) => "all");

        counts[("all", FunnelStage.Received)].ShouldBe(1);
    }

    [Fact]
    public void Cases_count_in_the_year_they_first_reached_a_stage_and_only_within_the_period()
    {
        var a = new History().Received(2023, 12, 31, "online").Action(2024, 1, 1, CaseAction.Register, ("to", "registered"), ("article", "146-2"));
        var b = new History().Received(2024, 6, 1, "online");
        var c = new History().Received(2025, 1, 1, "online");
        var cases = new[] { a, b, c }.Select(h => (Case: 0, Stages: CaseStages.Of(Profile, h.Events, Far)));

        var counts = FunnelCounts.Count(cases, new StatisticsPeriod(new(2023, 1, 1), new(2024, 12, 31)), Zone, (_, day) => day.Year.ToString(System.Globalization.CultureInfo.InvariantCulture));

        counts.ShouldBe(
            new Dictionary<(string?, string), int>
            {
                [("2023", FunnelStage.Received)] = 1,
                [("2024", FunnelStage.Received)] = 1,
                [("2024", FunnelStage.Registered)] = 1,
            },
            ignoreOrder: true);
    }

    [Fact]
    public void The_time_to_a_stage_is_the_median_and_90th_percentile_of_days_from_receipt()
    {
        var cases = Enumerable.Range(1, 10)
            .Select(days => new History().Received(2024, 1, 1, "online").Action(2024, 1, 1 + days, CaseAction.Register, ("to", "registered"), ("article", "146-2")))
            .Select(h => CaseStages.Of(Profile, h.Events, Far));

        var time = FunnelCounts.TimeTo(cases, FunnelStage.Registered, new StatisticsPeriod(new(2024, 1, 1), new(2024, 12, 31)), Zone);

        time.ShouldBe(new StageTime(FunnelStage.Registered, 10, 5, 9));
    }

    /// <summary>A hand-made timeline: each event at the start of a day in the profile's time zone, details as the application writes them.</summary>
    private sealed class History
    {
        public List<CaseEvent> Events { get; } = [];

        public static DateTime At(int year, int month, int day) => MetadataGrain.StartOfDayUtc(new DateOnly(year, month, day), Zone);

        public History Received(int year, int month, int day, string channel) => Plain(year, month, day, CaseEventKind.Received, channel);

        public History Plain(int year, int month, int day, string kind, string detail)
        {
            Events.Add(new CaseEvent { OccurredAtUtc = At(year, month, day), Kind = kind, Detail = detail });
            return this;
        }

        public History Detailed(int year, int month, int day, string kind, params (string Key, string Value)[] detail)
        {
            Events.Add(new CaseEvent { OccurredAtUtc = At(year, month, day), Kind = kind, Detail = CaseEventDetail.Write(detail.ToDictionary(d => d.Key, d => (string?)d.Value)) });
            return this;
        }

        public History Action(int year, int month, int day, string action, params (string Key, string Value)[] detail) =>
            Detailed(year, month, day, CaseEventKind.Of(action), detail);
    }
}
