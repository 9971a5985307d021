using Qorgau.Domain.Csv;
using Qorgau.Domain.Import;
using Qorgau.Domain.Proceedings;

namespace Qorgau.UnitTests.Import;

/// <summary>The optional sentence columns of <c>import cases</c>: every main penalty, the fine in МРП, checked by the same rules as a live verdict.</summary>
public sealed class HistoricalCaseSentenceColumnsTests
{
    private static readonly DateOnly Today = new(2026, 11, 23);

    private static readonly Dictionary<string, string> Conviction = new()
    {
        ["external_id"] = "S-1",
        ["received_on"] = "2024-02-03",
        ["accused_agency"] = "police",
        ["registered_on"] = "2024-02-10",
        ["article_at_registration"] = "362",
        ["decision"] = "indicted",
        ["decision_on"] = "2024-05-04",
        ["verdict"] = "conviction",
        ["verdict_on"] = "2025-02-01",
        ["officials_convicted"] = "2",
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

    private static void ShouldBeRefused(string column, string reasonStart, params (string Column, string Value)[] changes)
    {
        var (cases, problems) = Read(changes);
        cases.ShouldBeEmpty();
        problems.ShouldContain(p => p.Reason.StartsWith($"column '{column}': {reasonStart}", StringComparison.Ordinal), string.Join(" | ", problems));
    }

    [Fact]
    public void Each_official_convicted_gets_the_non_custodial_penalties_of_the_row()
    {
        var (cases, problems) = Read(("correctional_labour_months", "12"), ("correctional_labour_mrp", "150"), ("ban_from_office_months", "24"));

        problems.ShouldBeEmpty();
        var sentences = cases.ShouldHaveSingleItem().Sentences;
        sentences.Count.ShouldBe(2);
        sentences.ShouldAllBe(s => s.CorrectionalLabourMonths == 12 && s.CorrectionalLabourMrp == 150m && s.BanFromOfficeMonths == 24 && s.CustodialMonths == null);
    }

    [Fact]
    public void A_fine_in_monthly_indices_is_put_in_tenge_at_the_index_of_the_date_of_the_act()
    {
        var (cases, problems) = Read(("community_service_hours", "240"), ("fine_mrp", "100"), ("incident_on", "2023-12-30"));

        problems.ShouldBeEmpty();
        var sentence = cases.ShouldHaveSingleItem().Sentences[0];
        (sentence.CommunityServiceHours, sentence.FineMrp, sentence.FineIndexTenge, sentence.Fine).ShouldBe(((int?)240, (decimal?)100m, (decimal?)3450m, (decimal?)345_000m), "the 2023 index, the year of the act, not of the verdict");
    }

    [Fact]
    public void A_suspended_restriction_of_liberty_is_imported()
    {
        var (cases, problems) = Read(("restriction_of_liberty_months", "18"), ("suspended", "true"));

        problems.ShouldBeEmpty();
        cases.ShouldHaveSingleItem().Sentences.ShouldAllBe(s => s.RestrictionOfLibertyMonths == 18 && s.Suspended);
    }

    [Fact]
    public void Two_main_penalties_are_a_bad_row_naming_the_graver_column()
    {
        ShouldBeRefused("custodial_months", "one main penalty per conviction", ("custodial_months", "36"), ("community_service_hours", "200"));
    }

    [Fact]
    public void A_suspended_community_service_is_a_bad_row()
    {
        ShouldBeRefused("custodial_months", "a value is required", ("community_service_hours", "200"), ("suspended", "true"));
    }

    [Theory]
    [InlineData("community_service_hours", "'10001' is not a whole number from 0 to 10000", "10001")]
    [InlineData("restriction_of_liberty_months", "'601' is not a whole number from 0 to 600", "601")]
    [InlineData("fine_mrp", "'-1' is not an amount", "-1")]
    [InlineData("correctional_labour_mrp", "'lots' is not an amount", "lots")]
    public void An_unreadable_or_out_of_range_penalty_is_a_bad_row(string column, string reason, string value)
    {
        ShouldBeRefused(column, reason, (column, value));
    }

    [Fact]
    public void A_penalty_without_a_conviction_is_a_bad_row()
    {
        ShouldBeRefused("community_service_hours", "only with verdict 'conviction'", ("verdict", "acquittal"), ("officials_convicted", ""), ("community_service_hours", "100"));
    }
}
