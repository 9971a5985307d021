using System.Text;
using System.Text.Json;
using Qorgau.Domain.Statistics;

namespace Qorgau.UnitTests.Statistics;

/// <summary>The open data package: each public table as CSV and JSON, described by a Frictionless datapackage.json.</summary>
public sealed class OpenDataTests
{
    private static IReadOnlyDictionary<string, byte[]> Files => OpenData.Files(TestProfile.Kazakhstan, OpenData.Tables(TestProfile.Kazakhstan));

    [Fact]
    public void Every_table_is_written_as_csv_and_json_and_described_in_the_package()
    {
        Files.Keys.ShouldBe(["reference-series.csv", "reference-series.json", "survey.csv", "survey.json", "datapackage.json"], ignoreOrder: true);

        var package = JsonDocument.Parse(Files[OpenData.DescriptorFile]).RootElement;
        var resources = package.GetProperty("resources").EnumerateArray().ToList();
        resources.Select(r => r.GetProperty("path").GetString()).ShouldBe(["reference-series.csv", "reference-series.json", "survey.csv", "survey.json"]);
        resources.ShouldAllBe(r => r.GetProperty("sources")[0].GetProperty("title").GetString()!.Contains("sources/0", StringComparison.Ordinal));
        var fields = resources[2].GetProperty("schema").GetProperty("fields").EnumerateArray().ToList();
        fields.Single(f => f.GetProperty("name").GetString() == "margin_of_error_95").GetProperty("unit").GetString().ShouldBe("percentage points");
    }

    [Fact]
    public void The_csv_has_a_header_of_the_schemas_fields_and_one_row_per_published_figure()
    {
        var lines = Encoding.UTF8.GetString(Files["reference-series.csv"]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

        lines[0].ShouldBe("series,label_kk,label_ru,label_en,period,value,unit,publisher,source,note");
        lines.Length.ShouldBe(1 + 21);
        lines.ShouldContain(l => l.StartsWith("torture_statements_registered,", StringComparison.Ordinal) && l.Contains(",2013-01/2013-05,304,statements,", StringComparison.Ordinal) && l.EndsWith(",first five months only", StringComparison.Ordinal));
        lines.ShouldContain(l => l.Contains("\"Должностные лица, осуждённые за пытки\"", StringComparison.Ordinal), "a value with a comma is quoted");
    }

    [Fact]
    public void The_json_carries_numbers_as_numbers_and_the_survey_as_published_with_its_margins()
    {
        var rows = JsonDocument.Parse(Files["survey.json"]).RootElement.EnumerateArray().ToList();

        rows.Count.ShouldBe(17);
        var punishment = rows.Where(r => r.GetProperty("question").GetString() == "punishment").ToList();
        punishment.Sum(r => r.GetProperty("percent").GetDecimal()).ShouldBe(101m);
        rows[0].GetProperty("margin_of_error_95").GetDecimal().ShouldBe(2.4m);
        rows[0].GetProperty("sample_size").GetInt32().ShouldBe(1560);
    }
}
