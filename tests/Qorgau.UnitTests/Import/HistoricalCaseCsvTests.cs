using Qorgau.Domain.Cases;
using Qorgau.Domain.Csv;
using Qorgau.Domain.Import;
using Qorgau.Domain.Organisations;
using Qorgau.Domain.Proceedings;

namespace Qorgau.UnitTests.Import;

public sealed class HistoricalCaseCsvTests
{
    private const string Header = "external_id,received_on,channel,region,facility_type,accused_agency,ill_treatment,victim_sex,victim_age_band,registered_on,article_at_registration,article_final,decision,decision_on,termination_reason,verdict,verdict_on,officials_convicted,custodial_months,suspended,compensation_paid";

    private static readonly DateOnly Today = new(2026, 11, 23);
    private static readonly Guid OrganisationId = new("00000000-0000-0000-0000-0000000000a1");

    /// <summary>A row with every column; named values replace the defaults (a conviction under 146-2 in 2019).</summary>
    private static string Row(params (string Column, string Value)[] changes)
    {
        var values = new Dictionary<string, string>
        {
            ["external_id"] = "H-1",
            ["received_on"] = "2019-02-25",
            ["channel"] = "court",
            ["region"] = "KZ-75",
            ["facility_type"] = "ivs",
            ["accused_agency"] = "police",
            ["ill_treatment"] = "torture",
            ["victim_sex"] = "male",
            ["victim_age_band"] = "18-24",
            ["registered_on"] = "2019-03-01",
            ["article_at_registration"] = "146-2",
            ["article_final"] = "",
            ["decision"] = "indicted",
            ["decision_on"] = "2019-06-10",
            ["termination_reason"] = "",
            ["verdict"] = "conviction",
            ["verdict_on"] = "2019-10-02",
            ["officials_convicted"] = "2",
            ["custodial_months"] = "60",
            ["suspended"] = "false",
            ["compensation_paid"] = "500000.00",
        };
        foreach (var (column, value) in changes)
        {
            values[column].ShouldNotBeNull();
            values[column] = value;
        }

        return string.Join(',', Header.Split(',').Select(c => values[c]));
    }

    private static string Received(string id = "H-1", string receivedOn = "2019-02-25") => $"{id},{receivedOn}" + new string(',', 19);

    private static (List<ImportedCase> Cases, List<DataProblem> Problems) Read(params string[] rows) => Read(ImportTarget.For(OrganisationId), rows);

    private static (List<ImportedCase> Cases, List<DataProblem> Problems) Read(ImportTarget target, params string[] rows)
    {
        var problems = new List<DataProblem>();
        var text = string.Join('\n', rows.Prepend(Header));
        var cases = HistoricalCaseCsv.Read(new StringReader(text), "h.csv", TestProfile.Kazakhstan, target, Today, problems).ToList();
        return (cases, problems);
    }

    /// <summary>The row (on line 2) is bad for exactly this reason, and nothing comes of it.</summary>
    private static void ShouldBeRefused(string row, string column, string reasonStart)
    {
        var (cases, problems) = Read(row);
        cases.ShouldBeEmpty();
        problems.ShouldContain(p => p.Line == 2 && p.Reason.StartsWith($"column '{column}': {reasonStart}", StringComparison.Ordinal), string.Join(" | ", problems));
    }

    [Fact]
    public void A_conviction_becomes_the_records_and_events_of_the_whole_story()
    {
        var (cases, problems) = Read(Row());

        problems.ShouldBeEmpty();
        var imported = cases.ShouldHaveSingleItem();
        imported.Case.ExternalId.ShouldBe("H-1");
        imported.Case.OrganisationId.ShouldBe(OrganisationId);
        imported.Case.Status.ShouldBe(CaseStatus.Final);
        imported.Case.Channel.ShouldBe(IntakeChannel.Court);
        imported.Case.AccountCipher.ShouldBeNull();
        imported.Case.ReceiptLookup.ShouldBeNull();
        imported.Case.FacilityTypeCode.ShouldBe("ivs");
        imported.Case.VictimSex.ShouldBe(VictimSex.Male);
        imported.Events.Select(e => e.Kind).ShouldBe(["received", "action.accept", "action.register", "action.indict", "official.added", "official.added", "action.verdict", "action.finalise", "compensation.paid"], ignoreOrder: true);
        imported.Events.ShouldAllBe(e => CaseEventDetail.Read(e.Detail)["source"] == "import");
        var proceeding = imported.Proceeding.ShouldNotBeNull();
        proceeding.RegisteredOn.ShouldBe(new DateOnly(2019, 3, 1));
        proceeding.IndictedOn.ShouldBe(new DateOnly(2019, 6, 10));
        proceeding.VerdictOn.ShouldBe(new DateOnly(2019, 10, 2));
        proceeding.FinalOn.ShouldBe(new DateOnly(2019, 10, 2));
        imported.Qualifications.ShouldHaveSingleItem().ArticleCode.ShouldBe("146-2");
        imported.Officials.Count.ShouldBe(2);
        imported.Officials.ShouldAllBe(o => o.AgencyCode == "police" && o.NameCipher == null);
        imported.Sentences.Count.ShouldBe(2);
        imported.Sentences.ShouldAllBe(s => s.Outcome == VerdictOutcome.Conviction && s.ArticleCode == "146-2" && s.CustodialMonths == 60 && !s.Suspended);
        CaseEventDetail.Read(imported.Events.Single(e => e.Kind == Qorgau.Domain.Care.CareEventKind.CompensationPaid).Detail)["amount"].ShouldBe("500000.00");
        imported.CompensationClaims.ShouldHaveSingleItem().AmountPaid.ShouldBe(500000m);
    }

    [Fact]
    public void The_events_are_dated_at_the_rows_dates_in_the_profiles_calendar_and_replay_to_the_imported_state()
    {
        var imported = Read(Row(("article_final", "362"))).Cases.ShouldHaveSingleItem();

        var dates = imported.Events.ToDictionary(e => e.Kind + (e.Kind == "official.added" ? e.Id.ToString() : string.Empty), e => DateOnly.FromDateTime(e.OccurredAtUtc.AddHours(5)));
        dates["received"].ShouldBe(new DateOnly(2019, 2, 25));
        dates["action.register"].ShouldBe(new DateOnly(2019, 3, 1));
        dates["action.requalify"].ShouldBe(new DateOnly(2019, 6, 10));
        dates["action.indict"].ShouldBe(new DateOnly(2019, 6, 10));
        dates["action.verdict"].ShouldBe(new DateOnly(2019, 10, 2));
        imported.Case.ReceivedOn.ShouldBe(dates["received"]);

        CaseHistory.StateAt(imported.Events, DateTime.MaxValue).Status.ShouldBe(CaseStatus.Final);
        CaseHistory.StateAt(imported.Events, DateTime.MaxValue).Article.ShouldBe("362");
        CaseHistory.StateAt(imported.Events, new DateTime(2019, 4, 1, 0, 0, 0, DateTimeKind.Utc)).Status.ShouldBe(CaseStatus.Registered);
        CaseHistory.StateAt(imported.Events, new DateTime(2019, 4, 1, 0, 0, 0, DateTimeKind.Utc)).Article.ShouldBe("146-2");
        CaseHistory.StateAt(imported.Events, new DateTime(2019, 7, 1, 0, 0, 0, DateTimeKind.Utc)).Status.ShouldBe(CaseStatus.InCourt);
    }

    [Fact]
    public void A_final_article_that_differs_is_a_requalification_and_the_conviction_is_under_it()
    {
        var imported = Read(Row(("article_final", "362"))).Cases.ShouldHaveSingleItem();

        imported.Qualifications.Select(q => (q.ArticleCode, q.PreviousArticleCode)).ShouldBe([("146-2", null), ("362", "146-2")]);
        imported.Proceeding!.ArticleAtRegistration.ShouldBe("146-2");
        imported.Proceeding.CurrentArticle.ShouldBe("362");
        imported.Sentences.ShouldAllBe(s => s.ArticleCode == "362");
        var requalify = CaseEventDetail.Read(imported.Events.Single(e => e.Kind == "action.requalify").Detail);
        requalify["from"].ShouldBe("146-2");
        requalify["article"].ShouldBe("362");
    }

    [Fact]
    public void A_final_article_equal_to_the_first_is_no_requalification()
    {
        var imported = Read(Row(("article_final", "146-2"))).Cases.ShouldHaveSingleItem();

        imported.Qualifications.ShouldHaveSingleItem();
        imported.Events.ShouldNotContain(e => e.Kind == "action.requalify");
    }

    [Fact]
    public void A_row_with_only_the_required_columns_is_a_received_case()
    {
        var imported = Read(Received()).Cases.ShouldHaveSingleItem();

        imported.Case.Status.ShouldBe(CaseStatus.Received);
        imported.Case.Channel.ShouldBe(IntakeChannel.Other);
        imported.Proceeding.ShouldBeNull();
        imported.Events.ShouldHaveSingleItem().Kind.ShouldBe("received");
    }

    [Fact]
    public void A_terminated_case_stays_terminated_with_its_reason()
    {
        var imported = Read(Row(("decision", "terminated"), ("termination_reason", "no-crime"), ("verdict", ""), ("verdict_on", ""), ("officials_convicted", ""), ("custodial_months", ""), ("suspended", ""))).Cases.ShouldHaveSingleItem();

        imported.Case.Status.ShouldBe(CaseStatus.Terminated);
        imported.Proceeding!.TerminationReason.ShouldBe("no-crime");
        imported.Proceeding.TerminatedOn.ShouldBe(new DateOnly(2019, 6, 10));
        imported.Sentences.ShouldBeEmpty();
    }

    [Fact]
    public void An_acquittal_records_one_official_acquitted()
    {
        var imported = Read(Row(("verdict", "acquittal"), ("officials_convicted", ""), ("custodial_months", ""), ("suspended", ""))).Cases.ShouldHaveSingleItem();

        imported.Sentences.ShouldHaveSingleItem().Outcome.ShouldBe(VerdictOutcome.Acquittal);
        imported.Sentences[0].ArticleCode.ShouldBeNull();
        imported.Case.Status.ShouldBe(CaseStatus.Final);
    }

    /// <summary>The action event of the imported case whose kind is <paramref name="action"/>: its detail.</summary>
    private static IReadOnlyDictionary<string, string> ActionDetail(ImportedCase imported, string action) =>
        CaseEventDetail.Read(imported.Events.Single(e => e.Kind == CaseEventKind.Of(action)).Detail);

    /// <summary>The file with the optional <c>incident_on</c> column after the others.</summary>
    private static (List<ImportedCase> Cases, List<DataProblem> Problems) ReadWithIncident(string row, string incidentOn)
    {
        var problems = new List<DataProblem>();
        var text = $"{Header},incident_on\n{row},{incidentOn}";
        var cases = HistoricalCaseCsv.Read(new StringReader(text), "h.csv", TestProfile.Kazakhstan, ImportTarget.For(OrganisationId), Today, problems).ToList();
        return (cases, problems);
    }

    private static string Terminated(string receivedOn, string decisionOn, string reason) =>
        Row(("received_on", receivedOn), ("registered_on", receivedOn), ("decision", "terminated"), ("decision_on", decisionOn), ("termination_reason", reason),
            ("verdict", ""), ("verdict_on", ""), ("officials_convicted", ""), ("custodial_months", ""), ("suspended", ""), ("compensation_paid", ""));

    [Theory]
    [InlineData("amnesty")]
    [InlineData("limitation")]
    [InlineData("reconciliation")]
    [InlineData("active-repentance")]
    public void A_torture_case_terminated_on_a_barred_ground_for_an_act_from_the_amendment_imports_flagged(string reason)
    {
        var (cases, problems) = Read(Terminated("2023-03-29", "2023-06-01", reason));

        problems.ShouldBeEmpty();
        var imported = cases.ShouldHaveSingleItem();
        imported.Proceeding!.TerminationReason.ShouldBe(reason);
        var detail = ActionDetail(imported, CaseAction.Terminate);
        CaseEventDetail.ReadFlags(detail).ShouldBe([$"{reason}-barred-for-torture"]);
        detail["act-on"].ShouldBe("2023-03-29");
        detail["act-on-from"].ShouldBe("received", "without incident_on the received date stands for the act, and the event says so");
    }

    [Fact]
    public void An_act_of_2022_terminated_by_amnesty_in_2024_imports_unflagged()
    {
        var (cases, problems) = ReadWithIncident(Terminated("2024-01-10", "2024-05-01", "amnesty"), "2022-11-20");

        problems.ShouldBeEmpty();
        var imported = cases.ShouldHaveSingleItem();
        imported.Case.IncidentFrom.ShouldBe(new DateOnly(2022, 11, 20));
        CaseEventDetail.ReadFlags(ActionDetail(imported, CaseAction.Terminate)).ShouldBeEmpty();
    }

    [Fact]
    public void An_act_of_2024_terminated_by_amnesty_imports_flagged_with_its_incident_date()
    {
        var detail = ActionDetail(ReadWithIncident(Terminated("2024-01-10", "2024-05-01", "amnesty"), "2024-01-02").Cases.ShouldHaveSingleItem(), CaseAction.Terminate);

        CaseEventDetail.ReadFlags(detail).ShouldBe(["amnesty-barred-for-torture"]);
        detail["act-on"].ShouldBe("2024-01-02");
        detail["act-on-from"].ShouldBe("incident");
    }

    [Theory]
    [InlineData("2024-01-11", "is after received_on")]
    [InlineData("2024-13-01", "'2024-13-01' is not a date")]
    public void An_impossible_incident_date_is_a_bad_row(string incidentOn, string reason)
    {
        var (cases, problems) = ReadWithIncident(Terminated("2024-01-10", "2024-05-01", "amnesty"), incidentOn);

        cases.ShouldBeEmpty();
        problems.ShouldContain(p => p.Line == 2 && p.Reason.StartsWith("column 'incident_on': ", StringComparison.Ordinal) && p.Reason.Contains(reason), string.Join(" | ", problems));
    }

    [Fact]
    public void A_torture_case_terminated_by_amnesty_the_day_before_the_amendment_imports()
    {
        var row = Row(("received_on", "2023-03-01"), ("registered_on", "2023-03-02"), ("decision", "terminated"), ("decision_on", "2023-03-28"), ("termination_reason", "amnesty"),
            ("verdict", ""), ("verdict_on", ""), ("officials_convicted", ""), ("custodial_months", ""), ("suspended", ""));

        var (cases, problems) = Read(row);

        problems.ShouldBeEmpty();
        cases.ShouldHaveSingleItem().Proceeding!.TerminationReason.ShouldBe("amnesty");
    }

    [Fact]
    public void A_case_requalified_away_from_torture_may_end_by_reconciliation_after_the_amendment()
    {
        var row = Row(("received_on", "2024-03-01"), ("registered_on", "2024-03-02"), ("article_final", "362"), ("decision", "terminated"), ("decision_on", "2024-06-01"), ("termination_reason", "reconciliation"),
            ("verdict", ""), ("verdict_on", ""), ("officials_convicted", ""), ("custodial_months", ""), ("suspended", ""));

        Read(row).Problems.ShouldBeEmpty();
    }

    [Fact]
    public void A_suspended_sentence_for_torture_for_an_act_from_the_amendment_imports_flagged()
    {
        var row = Row(("received_on", "2023-03-29"), ("registered_on", "2023-04-01"), ("decision_on", "2023-05-01"), ("verdict_on", "2023-09-01"), ("suspended", "true"));

        var (cases, problems) = Read(row);

        problems.ShouldBeEmpty();
        CaseEventDetail.ReadFlags(ActionDetail(cases.ShouldHaveSingleItem(), CaseAction.Verdict)).ShouldBe([CaseFlag.SuspendedSentenceBarred]);
    }

    [Fact]
    public void A_suspended_sentence_for_torture_for_an_act_before_the_amendment_imports_unflagged()
    {
        var row = Row(("received_on", "2023-01-10"), ("registered_on", "2023-01-11"), ("decision_on", "2023-02-01"), ("verdict_on", "2024-03-28"), ("suspended", "true"));

        var (cases, problems) = Read(row);

        problems.ShouldBeEmpty();
        cases.ShouldHaveSingleItem().Sentences.ShouldAllBe(s => s.Suspended && s.CustodialMonths == 60);
        CaseEventDetail.ReadFlags(ActionDetail(cases[0], CaseAction.Verdict)).ShouldBeEmpty();
    }

    [Fact]
    public void A_suspended_sentence_needs_its_months()
    {
        ShouldBeRefused(Row(("custodial_months", ""), ("suspended", "true")), "custodial_months", "a value is required");
    }

    [Theory]
    [InlineData("registered_on", "2019-02-24", "registered_on", "'2019-02-24' is before the step it follows (received_on)")]
    [InlineData("decision_on", "2019-02-28", "decision_on", "'2019-02-28' is before the step it follows (registered_on)")]
    [InlineData("verdict_on", "2019-06-09", "verdict_on", "'2019-06-09' is before the step it follows (decision_on)")]
    [InlineData("verdict_on", "2026-11-24", "verdict_on", "'2026-11-24' is in the future")]
    [InlineData("received_on", "2026-11-24", "received_on", "'2026-11-24' is in the future")]
    [InlineData("received_on", "25.02.2019", "received_on", "'25.02.2019' is not a date written YYYY-MM-DD")]
    [InlineData("decision_on", "2019-13-01", "decision_on", "'2019-13-01' is not a date")]
    public void Dates_out_of_order_in_the_future_or_malformed_are_bad_rows(string column, string value, string reportedColumn, string reason)
    {
        ShouldBeRefused(Row((column, value)), reportedColumn, reason);
    }

    [Theory]
    [InlineData("channel", "email", "'email' is not one of: online, hotline, box, letter, visit, court, other")]
    [InlineData("region", "KZ-99", "'KZ-99' is not a region of the profile")]
    [InlineData("facility_type", "jail", "'jail' is not a facility type of the profile")]
    [InlineData("accused_agency", "army", "'army' is not an agency of the profile")]
    [InlineData("ill_treatment", "beating", "'beating' is not an ill-treatment type of the profile")]
    [InlineData("victim_sex", "m", "'m' is not one of: female, male")]
    [InlineData("victim_age_band", "30-40", "'30-40' is not an age band of the profile")]
    [InlineData("decision", "closed", "'closed' is not one of: terminated, indicted")]
    [InlineData("verdict", "guilty", "'guilty' is not one of: conviction, acquittal")]
    [InlineData("suspended", "yes", "'yes' is not true or false")]
    [InlineData("officials_convicted", "0", "'0' is not a whole number from 1 to 100")]
    [InlineData("custodial_months", "601", "'601' is not a whole number from 0 to 600")]
    [InlineData("compensation_paid", "1 000", "'1 000' is not an amount")]
    [InlineData("compensation_paid", "-5", "'-5' is not an amount")]
    [InlineData("article_at_registration", "999", "'999' is not an article of the profile")]
    [InlineData("termination_reason", "pardon", "'pardon' is not a termination reason of the profile")]
    public void Codes_and_numbers_not_of_the_format_or_the_profile_are_bad_rows(string column, string value, string reason)
    {
        var row = column == "termination_reason"
            ? Row(("decision", "terminated"), (column, value), ("verdict", ""), ("verdict_on", ""), ("officials_convicted", ""), ("custodial_months", ""), ("suspended", ""))
            : Row((column, value));

        ShouldBeRefused(row, column, reason);
    }

    [Fact]
    public void An_article_not_in_force_on_the_registration_date_is_a_bad_row()
    {
        ShouldBeRefused(Row(("article_at_registration", "141-1")), "article_at_registration", "article '141-1' was not in force on 2019-03-01");
    }

    [Theory]
    [InlineData("external_id")]
    [InlineData("received_on")]
    public void The_required_columns_need_a_value(string column)
    {
        ShouldBeRefused(Row((column, "")), column, "a value is required");
    }

    [Fact]
    public void A_header_without_every_column_refuses_the_file()
    {
        var problems = new List<DataProblem>();
        var text = "external_id,received_on\nH-1,2020-01-01";

        HistoricalCaseCsv.Read(new StringReader(text), "h.csv", TestProfile.Kazakhstan, ImportTarget.For(OrganisationId), Today, problems).ShouldBeEmpty();

        problems.ShouldHaveSingleItem().Reason.ShouldStartWith("the header lacks column(s) 'channel', 'region'");
    }

    [Theory]
    [InlineData("registered_on", "", "registered_on", "a value is required when article_at_registration is given")]
    [InlineData("article_at_registration", "", "article_at_registration", "a value is required when registered_on is given")]
    [InlineData("decision_on", "", "decision_on", "a value is required when decision is given")]
    [InlineData("verdict_on", "", "verdict_on", "a value is required when verdict is given")]
    [InlineData("officials_convicted", "", "officials_convicted", "a value is required when verdict is 'conviction'")]
    [InlineData("accused_agency", "", "accused_agency", "a value is required when verdict is 'conviction'")]
    [InlineData("termination_reason", "no-crime", "termination_reason", "only with decision 'terminated'")]
    public void Columns_that_belong_together_are_checked_together(string column, string value, string reportedColumn, string reason)
    {
        ShouldBeRefused(Row((column, value)), reportedColumn, reason);
    }

    [Fact]
    public void A_terminated_case_needs_its_reason()
    {
        ShouldBeRefused(Row(("decision", "terminated"), ("verdict", ""), ("verdict_on", ""), ("officials_convicted", ""), ("custodial_months", ""), ("suspended", "")), "termination_reason", "a value is required");
    }

    [Fact]
    public void Sentence_columns_are_only_for_a_conviction()
    {
        var row = Row(("verdict", "acquittal"));

        var problems = Read(row).Problems;

        problems.ShouldContain(new DataProblem("h.csv", 2, "column 'officials_convicted': only with verdict 'conviction'"));
        problems.ShouldContain(new DataProblem("h.csv", 2, "column 'custodial_months': only with verdict 'conviction'"));
    }

    [Fact]
    public void A_verdict_needs_an_indictment()
    {
        var row = Row(("decision", "terminated"), ("termination_reason", "no-crime"));

        ShouldBeRefused(row, "verdict", "the workflow does not allow 'verdict' on a case whose investigation was terminated");
    }

    [Fact]
    public void A_decision_needs_a_registration()
    {
        var row = Row(("registered_on", ""), ("article_at_registration", ""), ("verdict", ""), ("verdict_on", ""), ("officials_convicted", ""), ("custodial_months", ""), ("suspended", ""));

        ShouldBeRefused(row, "decision", "the workflow does not allow 'indict' on a case that was never registered");
    }

    [Fact]
    public void An_import_into_a_preventive_mechanism_opens_the_deadlines_that_bind_it_not_an_investigators()
    {
        var npm = Read(ImportTarget.For(OrganisationId, kind: OrganisationKind.NationalPreventiveMechanism), Row()).Cases.ShouldHaveSingleItem();
        var investigator = Read(ImportTarget.For(OrganisationId, kind: OrganisationKind.SpecialProsecutor), Row()).Cases.ShouldHaveSingleItem();

        npm.Deadlines.Select(d => d.Code).ShouldNotContain(CaseDeadlines.Registration);
        npm.Deadlines.Select(d => d.Code).ShouldContain(CaseDeadlines.ComplainantAnswer);
        investigator.Deadlines.Select(d => d.Code).ShouldContain(CaseDeadlines.Registration);
    }

    [Fact]
    public void A_repeated_external_id_is_a_bad_row_naming_the_first_line()
    {
        var (cases, problems) = Read(Received("H-1"), Received("H-2"), Received("H-1"));

        cases.Count.ShouldBe(2);
        problems.ShouldBe([new DataProblem("h.csv", 4, "column 'external_id': 'H-1' already appears on line 2")]);
    }

    [Fact]
    public void A_case_against_the_agency_the_organisation_belongs_to_is_a_bad_row()
    {
        var (cases, problems) = Read(ImportTarget.For(OrganisationId, "police"), Row());

        cases.ShouldBeEmpty();
        problems.ShouldContain(p => p.Reason.StartsWith("column 'accused_agency': the organisation is affiliated with 'police'", StringComparison.Ordinal));
    }

    [Fact]
    public void Every_bad_row_is_reported_and_only_good_rows_come_out()
    {
        var (cases, problems) = Read(Received("H-1"), Received("H-2", "2019-02-30"), Row(("external_id", "H-3"), ("region", "KZ-00")), Received("H-4"));

        cases.Select(c => c.Case.ExternalId).ShouldBe(["H-1", "H-4"]);
        problems.Select(p => p.Line).ShouldBe([3, 4]);
        problems[0].ToString().ShouldBe("h.csv:3: column 'received_on': '2019-02-30' is not a date written YYYY-MM-DD");
    }

    [Fact]
    public void Every_row_gets_its_own_public_number()
    {
        var cases = Read(Received("H-1"), Received("H-2"), Received("H-3")).Cases;

        cases.Select(c => c.Case.PublicId).Distinct().Count().ShouldBe(3);
        cases.ShouldAllBe(c => Qorgau.Domain.Intake.PublicCaseId.IsWellFormed(c.Case.PublicId));
    }
}
