using Qorgau.Domain.Cases;
using Qorgau.Domain.Csv;
using Qorgau.Domain.Import;
using Qorgau.Domain.Proceedings;

namespace Qorgau.UnitTests.Import;

/// <summary>
/// The optional columns that let a historical story carry what the live workflow records in court
/// (register number, court, plea agreement, fine, ban from office, appeal, final date), and the
/// deadlines the story meets.
/// </summary>
public sealed class HistoricalCaseCourtColumnsTests
{
    private static readonly DateOnly Today = new(2026, 11, 23);

    private static readonly Dictionary<string, string> Conviction = new()
    {
        ["external_id"] = "C-1",
        ["received_on"] = "2020-02-03",
        ["accused_agency"] = "police",
        ["registered_on"] = "2020-02-10",
        ["article_at_registration"] = "146",
        ["decision"] = "indicted",
        ["decision_on"] = "2020-05-04",
        ["verdict"] = "conviction",
        ["verdict_on"] = "2020-09-01",
        ["officials_convicted"] = "1",
        ["custodial_months"] = "24",
    };

    private static (List<ImportedCase> Cases, List<DataProblem> Problems) Read(params (string Column, string Value)[] changes)
    {
        var values = new Dictionary<string, string>(Conviction);
        foreach (var (column, value) in changes)
        {
            values[column] = value;
        }

        var columns = HistoricalCaseCsv.Columns.Concat(HistoricalCaseCsv.OptionalColumns).ToList();
        var text = string.Join(',', columns) + "\n" + string.Join(',', columns.Select(c => values.GetValueOrDefault(c, string.Empty)));
        var problems = new List<DataProblem>();
        var cases = HistoricalCaseCsv.Read(new StringReader(text), "h.csv", TestProfile.Kazakhstan, ImportTarget.For(Guid.NewGuid()), Today, problems).ToList();
        return (cases, problems);
    }

    private static ImportedCase Good(params (string Column, string Value)[] changes)
    {
        var (cases, problems) = Read(changes);
        problems.ShouldBeEmpty();
        return cases.ShouldHaveSingleItem();
    }

    private static void ShouldBeRefused(string column, string reasonStart, params (string Column, string Value)[] changes)
    {
        var (cases, problems) = Read(changes);
        cases.ShouldBeEmpty();
        problems.ShouldContain(p => p.Reason.StartsWith($"column '{column}': {reasonStart}", StringComparison.Ordinal), string.Join(" | ", problems));
    }

    [Fact]
    public void The_register_number_court_fine_ban_and_plea_agreement_are_kept_as_the_workflow_keeps_them()
    {
        var imported = Good(("register_number", "207500031000123"), ("court", "Aktobe city court No. 2"), ("plea_agreement", "true"), ("fine", "250000.00"), ("ban_from_office_months", "36"));

        var proceeding = imported.Proceeding.ShouldNotBeNull();
        (proceeding.RegisterNumber, proceeding.Court, proceeding.PleaAgreement).ShouldBe(("207500031000123", "Aktobe city court No. 2", true));
        var sentence = imported.Sentences.ShouldHaveSingleItem();
        (sentence.Fine, sentence.BanFromOfficeMonths, sentence.CustodialMonths).ShouldBe(((decimal?)250000m, (int?)36, (int?)24));
        CaseEventDetail.Read(imported.Events.Single(e => e.Kind == "action.indict").Detail)["court"].ShouldBe("Aktobe city court No. 2");
        CaseEventDetail.Read(imported.Events.Single(e => e.Kind == "action.verdict").Detail)["plea-agreement"].ShouldBe("true");
        CaseEventDetail.Read(imported.Events.Single(e => e.Kind == "action.register").Detail)["number"].ShouldBe("207500031000123");
    }

    [Fact]
    public void A_file_without_the_optional_columns_still_imports_with_the_unknown_register_number()
    {
        var header = string.Join(',', HistoricalCaseCsv.Columns);
        var row = string.Join(',', HistoricalCaseCsv.Columns.Select(c => Conviction.GetValueOrDefault(c, string.Empty)));
        var problems = new List<DataProblem>();

        var imported = HistoricalCaseCsv.Read(new StringReader(header + "\n" + row), "h.csv", TestProfile.Kazakhstan, ImportTarget.For(Guid.NewGuid()), Today, problems).ToList();

        problems.ShouldBeEmpty();
        imported.ShouldHaveSingleItem().Proceeding!.RegisterNumber.ShouldBe(HistoricalCaseStory.UnknownRegisterNumber);
    }

    [Fact]
    public void An_appealed_verdict_is_final_on_its_final_date()
    {
        var imported = Good(("appealed_on", "2020-09-20"), ("appealed_by", "prosecution"), ("final_on", "2020-12-15"));

        imported.Case.Status.ShouldBe(CaseStatus.Final);
        (imported.Proceeding!.AppealedOn, imported.Proceeding.AppealedBy, imported.Proceeding.FinalOn).ShouldBe((new DateOnly(2020, 9, 20), (AppealBy?)AppealBy.Prosecution, (DateOnly?)new DateOnly(2020, 12, 15)));
        imported.Events.Select(e => e.Kind).ShouldContain("action.appeal");
        CaseEventDetail.Read(imported.Events.Single(e => e.Kind == "action.appeal").Detail)["by"].ShouldBe("prosecution");
    }

    [Fact]
    public void An_appealed_verdict_without_a_final_date_stays_on_appeal()
    {
        var imported = Good(("appealed_on", "2020-09-20"), ("appealed_by", "defence"));

        imported.Case.Status.ShouldBe(CaseStatus.Appeal);
        imported.Proceeding!.FinalOn.ShouldBeNull();
        imported.Events.ShouldNotContain(e => e.Kind == "action.finalise");
    }

    [Fact]
    public void A_final_date_before_the_appeal_is_a_bad_row()
    {
        ShouldBeRefused("final_on", "'2020-09-10' is before the step it follows (appealed_on)", ("appealed_on", "2020-09-20"), ("appealed_by", "defence"), ("final_on", "2020-09-10"));
    }

    [Theory]
    [InlineData("appealed_by", "a value is required when appealed_on is given", "appealed_on", "2020-09-20")]
    [InlineData("appealed_on", "a value is required when appealed_by is given", "appealed_by", "victim")]
    [InlineData("appealed_by", "'judge' is not one of: prosecution, defence, victim", "appealed_by", "judge")]
    [InlineData("fine", "'-1' is not an amount", "fine", "-1")]
    [InlineData("ban_from_office_months", "'601' is not a whole number from 0 to 600", "ban_from_office_months", "601")]
    [InlineData("plea_agreement", "'yes' is not true or false", "plea_agreement", "yes")]
    public void Court_columns_out_of_the_format_are_bad_rows(string column, string reasonStart, string changed, string value)
    {
        ShouldBeRefused(column, reasonStart, (changed, value));
    }

    [Fact]
    public void A_court_longer_than_the_workflow_allows_is_a_bad_row()
    {
        ShouldBeRefused("court", $"at most {CaseLimits.Court} printable characters", ("court", new string('c', CaseLimits.Court + 1)));
    }

    [Theory]
    [InlineData("fine", "1000", "only with verdict 'conviction'")]
    [InlineData("ban_from_office_months", "12", "only with verdict 'conviction'")]
    public void Fines_and_bans_are_only_for_a_conviction(string column, string value, string reason)
    {
        ShouldBeRefused(column, reason, ("verdict", "acquittal"), ("officials_convicted", ""), ("custodial_months", ""), (column, value));
    }

    [Theory]
    [InlineData("plea_agreement", "true")]
    [InlineData("final_on", "2020-12-15")]
    public void Court_columns_need_a_verdict(string column, string value)
    {
        ShouldBeRefused(column, "only with a verdict", ("verdict", ""), ("verdict_on", ""), ("officials_convicted", ""), ("custodial_months", ""), (column, value));
    }

    [Fact]
    public void A_court_needs_an_indictment()
    {
        ShouldBeRefused("court", "only with decision 'indicted'", ("decision", "terminated"), ("termination_reason", "no-crime"), ("verdict", ""), ("verdict_on", ""), ("officials_convicted", ""), ("custodial_months", ""), ("court", "Almaty city court"));
    }

    [Fact]
    public void The_deadlines_the_story_met_are_kept_met_at_the_step_that_met_them()
    {
        var imported = Good();

        imported.Deadlines.Select(d => d.Code).ShouldBe([CaseDeadlines.Registration, CaseDeadlines.ComplainantAnswer, CaseDeadlines.MedicalExamination], ignoreOrder: true);
        imported.Deadlines.ShouldAllBe(d => d.CaseId == imported.Case.Id && !d.IsOpen);
        var accepted = imported.Events.Single(e => e.Kind == "action.accept").OccurredAtUtc;
        var registered = imported.Events.Single(e => e.Kind == "action.register").OccurredAtUtc;
        var final = imported.Events.Single(e => e.Kind == "action.finalise").OccurredAtUtc;
        imported.Deadlines.Single(d => d.Code == CaseDeadlines.ComplainantAnswer).MetAtUtc.ShouldBe(accepted);
        imported.Deadlines.Single(d => d.Code == CaseDeadlines.Registration).MetAtUtc.ShouldBe(registered);
        var examination = imported.Deadlines.Single(d => d.Code == CaseDeadlines.MedicalExamination);
        (examination.MetAtUtc, examination.NotApplicableAtUtc).ShouldBe((null, final), "closing the case makes what was left not applicable: no examination was recorded");
    }

    [Fact]
    public void Deadlines_the_story_left_open_are_not_kept()
    {
        var imported = Good(("decision", ""), ("decision_on", ""), ("verdict", ""), ("verdict_on", ""), ("officials_convicted", ""), ("custodial_months", ""));

        imported.Case.Status.ShouldBe(CaseStatus.Registered);
        imported.Deadlines.Select(d => d.Code).ShouldBe([CaseDeadlines.Registration, CaseDeadlines.ComplainantAnswer], ignoreOrder: true);
        imported.Case.NextDueOn.ShouldBeNull();
    }
}
