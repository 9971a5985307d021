using Qorgau.Domain.Cases;
using Qorgau.Domain.Csv;
using Qorgau.Domain.Import;

namespace Qorgau.UnitTests.Import;

/// <summary>
/// The historical import takes article parts and a bare 146 alike (the bare article is inferred from
/// the row's kind of ill-treatment and flagged), and the optional <c>investigating_body</c> column
/// (a body the profile does not allow for the article imports flagged, an unknown one is refused).
/// </summary>
public sealed class HistoricalCasePartsTests
{
    private const string Header = "external_id,received_on,channel,region,facility_type,accused_agency,ill_treatment,victim_sex,victim_age_band,registered_on,article_at_registration,article_final,decision,decision_on,termination_reason,verdict,verdict_on,officials_convicted,custodial_months,suspended,compensation_paid,investigating_body";

    private static readonly DateOnly Today = new(2026, 11, 23);

    private static (List<ImportedCase> Cases, List<DataProblem> Problems) Read(string kind, string article, string final = "", string body = "", string receivedOn = "2024-02-20", string registeredOn = "2024-03-01")
    {
        var problems = new List<DataProblem>();
        var row = $"H-1,{receivedOn},court,KZ-75,ivs,police,{kind},male,18-24,{registeredOn},{article},{final},terminated,2024-06-01,no-corpus-delicti,,,,,,,{body}";
        var cases = HistoricalCaseCsv.Read(new StringReader($"{Header}\n{row}"), "h.csv", TestProfile.Kazakhstan, ImportTarget.For(Guid.NewGuid()), Today, problems).ToList();
        return (cases, problems);
    }

    private static IReadOnlyDictionary<string, string> Detail(ImportedCase imported, string action) =>
        CaseEventDetail.Read(imported.Events.Single(e => e.Kind == CaseEventKind.Of(action)).Detail);

    [Theory]
    [InlineData("torture", "146-2")]
    [InlineData("cruel", "146-1")]
    [InlineData("degrading", "146-1")]
    public void A_bare_146_imports_as_the_part_of_the_rows_kind_flagged_as_inferred(string kind, string part)
    {
        var (cases, problems) = Read(kind, "146");

        problems.ShouldBeEmpty();
        var imported = cases.ShouldHaveSingleItem();
        (imported.Proceeding!.ArticleAtRegistration, imported.Proceeding.CurrentArticle).ShouldBe((part, part));
        imported.Qualifications.ShouldHaveSingleItem().ArticleCode.ShouldBe(part);
        var register = Detail(imported, CaseAction.Register);
        CaseEventDetail.ReadFlags(register).ShouldBe([CaseFlag.ArticlePartInferred]);
        register["recorded-as"].ShouldBe("146");
    }

    [Fact]
    public void A_part_imports_as_it_is_unflagged()
    {
        var imported = Read("cruel", "146-2").Cases.ShouldHaveSingleItem();

        imported.Proceeding!.CurrentArticle.ShouldBe("146-2");
        CaseEventDetail.ReadFlags(Detail(imported, CaseAction.Register)).ShouldBeEmpty();
    }

    [Fact]
    public void A_bare_final_146_that_is_the_registered_part_is_no_requalification()
    {
        var imported = Read("torture", "146-2", final: "146").Cases.ShouldHaveSingleItem();

        imported.Events.ShouldNotContain(e => e.Kind == CaseEventKind.Of(CaseAction.Requalify));
        imported.Proceeding!.CurrentArticle.ShouldBe("146-2");
    }

    [Fact]
    public void Torture_finally_qualified_as_cruel_treatment_imports_as_a_requalification_away_from_torture()
    {
        var imported = Read("torture", "146-2", final: "146-1").Cases.ShouldHaveSingleItem();

        imported.Qualifications.Select(q => (q.ArticleCode, q.PreviousArticleCode)).ShouldBe([("146-2", null), ("146-1", "146-2")]);
        CaseEventDetail.ReadFlags(Detail(imported, CaseAction.Requalify)).ShouldBe([CaseFlag.RequalifiedAwayFromTorture]);
    }

    [Fact]
    public void A_torture_case_investigated_by_the_police_after_2023_imports_flagged()
    {
        var imported = Read("torture", "146-2", body: "police").Cases.ShouldHaveSingleItem();

        imported.Proceeding!.InvestigatingBody.ShouldBe("police");
        CaseEventDetail.ReadFlags(Detail(imported, CaseAction.Register)).ShouldBe([CaseFlag.InvestigatingBodyNotCompetent]);
    }

    [Fact]
    public void A_torture_case_investigated_by_the_prosecutor_or_by_the_police_before_2023_imports_unflagged()
    {
        CaseEventDetail.ReadFlags(Detail(Read("torture", "146-2", body: "prosecutor").Cases.ShouldHaveSingleItem(), CaseAction.Register)).ShouldBeEmpty();
        var before = Read("torture", "146-2", body: "police", receivedOn: "2022-02-20", registeredOn: "2022-03-01");
        CaseEventDetail.ReadFlags(Detail(before.Cases.ShouldHaveSingleItem(), CaseAction.Register)).ShouldBeEmpty();
    }

    [Theory]
    [InlineData("nowhere")]
    [InlineData("health")]
    public void An_unknown_or_non_investigating_body_is_refused_with_its_line(string body)
    {
        var (cases, problems) = Read("torture", "146-2", body: body);

        cases.ShouldBeEmpty();
        problems.ShouldHaveSingleItem().Line.ShouldBe(2);
        problems[0].Reason.ShouldContain("investigating_body");
    }
}
