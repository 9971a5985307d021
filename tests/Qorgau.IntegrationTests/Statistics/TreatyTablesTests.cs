using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Qorgau.Domain.Statistics;
using Qorgau.IntegrationTests.Cases;
using Qorgau.Web.Features.Statistics;

namespace Qorgau.IntegrationTests.Statistics;

/// <summary>
/// <c>/statistics/treaty</c> without signing in, on imported cases of years no other test uses (2011–2013):
/// the tables are the public funnel's, cell for cell, in HTML and CSV.
/// </summary>
public sealed partial class TreatyTablesTests(DemoAppFactory app) : IClassFixture<DemoAppFactory>, IDisposable
{
    private const string Url = "/statistics/treaty";

    private readonly List<string> _files = [];

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public void Dispose()
    {
        foreach (var file in _files)
        {
            File.Delete(file);
        }
    }

    [Theory]
    [InlineData("kk", "Шарттық органға арналған кестелер", "Процестік келісімдер", "Жасы")]
    [InlineData("ru", "Таблицы для договорного органа", "Процессуальные соглашения", "Возраст")]
    [InlineData("en", "Tables for the treaty body", "Plea agreements", "Age")]
    public async Task Anyone_reads_the_treaty_tables_in_their_language_without_script(string culture, string title, string section, string ageBand)
    {
        var html = await PageAsync("from=2011-01-01&to=2011-12-31", culture);

        html.ShouldContain($"<h1>{title}</h1>");
        html.ShouldContain(section);
        html.ShouldContain(ageBand);
        foreach (var by in new[] { "sex", "ageBand", "facilityType", "agency", "investigatingBody" })
        {
            html.ShouldContain($"id=\"treaty-table-{by}\"");
        }

        html.ShouldNotContain("<script");
    }

    [Fact]
    public async Task Every_cell_of_the_csv_is_the_public_funnels_number_for_the_same_period_and_breakdown()
    {
        await ImportAsync(
        [
            .. Lines(8, "2012-02-01", sex: "male", age: "25-34", registeredOn: "2012-03-01", decision: "indicted,2012-05-01,", verdict: "conviction,2012-10-01,1,24,false"),
            .. Lines(3, "2012-03-01", sex: "female", age: "16-17"),
            .. Lines(6, "2012-04-01", sex: "female", age: "18-24", facility: "sizo", agency: "penitentiary"),
        ]);

        var csv = await CsvAsync("from=2012-01-01&to=2012-12-31");

        var lines = Records(csv);
        foreach (var by in TreatyModel.Breakdowns.Select(FunnelQuery.CodeOf))
        {
            var funnel = await FunnelAsync($"from=2012-01-01&to=2012-12-31&by={by}");
            foreach (var row in funnel.GetProperty("rows").EnumerateArray().Append(funnel.GetProperty("total")))
            {
                var key = row.GetProperty("key").GetString()!;
                foreach (var stage in TreatySections.Stages)
                {
                    var value = row.GetProperty("values").GetProperty(stage);
                    var line = lines.Single(l => l["breakdown"] == by && l["key"] == key && l["stage"] == stage);
                    line["cases"].ShouldBe(value.ValueKind == JsonValueKind.Null ? string.Empty : value.GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture), $"{by} {key} {stage}");
                    line["suppressed"].ShouldBe(value.ValueKind == JsonValueKind.Null ? "true" : "false");
                }
            }
        }

        var male = lines.Single(l => l["breakdown"] == "sex" && l["key"] == "male" && l["stage"] == FunnelStage.Convicted);
        male["cases"].ShouldBe("8");
        lines.Single(l => l["breakdown"] == "ageBand" && l["key"] == "16-17" && l["stage"] == FunnelStage.Received)["suppressed"].ShouldBe("true");
        lines.Single(l => l["breakdown"] == "sex" && l["key"] == "total" && l["stage"] == FunnelStage.Received)["cases"].ShouldBe("17");
        lines.ShouldAllBe(l => l["from"] == "2012-01-01" && l["to"] == "2012-12-31" && l["threshold"] == "5");
    }

    [Fact]
    public async Task No_cell_of_the_html_or_the_csv_is_above_zero_and_under_the_threshold()
    {
        await ImportAsync(
        [
            .. Lines(2, "2013-02-01", sex: "male", age: "14-15"),
            .. Lines(7, "2013-03-01", sex: "female", age: "25-34", registeredOn: "2013-03-10", decision: "terminated,2013-06-01,amnesty"),
            .. Lines(4, "2013-04-01", sex: "male", age: "35-49", facility: "sizo", agency: "penitentiary", registeredOn: "2013-04-10", decision: "indicted,2013-06-01,", verdict: "conviction,2013-11-01,1,12,true"),
            .. Lines(5, "2013-05-01", sex: "male", age: "35-49", registeredOn: "2013-05-10", decision: "indicted,2013-07-01,", verdict: "conviction,2013-12-01,2,36,false"),
        ]);

        foreach (var period in new[] { "from=2013-01-01&to=2013-12-31", "from=2012-01-01&to=2013-12-31", string.Empty })
        {
            var html = await PageAsync(period, "en");
            var cells = NumberCell().Matches(html).Select(m => m.Groups[1].Value).ToList();
            cells.ShouldNotBeEmpty();
            cells.ShouldAllBe(cell => cell == "not shown" || cell == "0" || long.Parse(cell.Replace(",", string.Empty, StringComparison.Ordinal), System.Globalization.CultureInfo.InvariantCulture) >= 5, period);

            var csv = Records(await CsvAsync(period));
            csv.ShouldNotBeEmpty();
            csv.ShouldAllBe(l => l["cases"] == string.Empty || l["cases"] == "0" || long.Parse(l["cases"], System.Globalization.CultureInfo.InvariantCulture) >= 5, period);
        }

        var year = await PageAsync("from=2013-01-01&to=2013-12-31", "en");
        year.ShouldContain("not shown");
    }

    [Fact]
    public async Task A_bad_period_is_shown_beside_its_field_and_the_csv_is_refused_with_problem_details()
    {
        var html = await PageAsync("from=2013-02-30&to=2012-01-01", "ru");

        html.ShouldContain("id=\"treaty-from-error\"");
        html.ShouldContain("value=\"2013-02-30\"");
        html.ShouldNotContain("id=\"treaty-table-sex\"");

        using var response = await app.CreateClient(acceptLanguage: "en").GetAsync(new Uri($"{Url}?from=2020-01-01&to=2019-01-01&format=csv", UriKind.Relative), Cancel);
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json");
        (await response.Content.ReadAsStringAsync(Cancel)).ShouldContain("\"to\"");

        using var format = await app.CreateClient(acceptLanguage: "en").GetAsync(new Uri($"{Url}?format=xlsx", UriKind.Relative), Cancel);
        format.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await format.Content.ReadAsStringAsync(Cancel)).ShouldContain("is not a format");
    }

    [GeneratedRegex("<td class=\"number\">([^<]*)</td>")]
    private static partial Regex NumberCell();

    private static IEnumerable<string> Lines(int count, string receivedOn, string sex, string age, string facility = "ivs", string agency = "police", string registeredOn = "", string decision = ",,", string verdict = ",,,,") =>
        Enumerable.Range(0, count).Select(_ =>
            $"{{id}},{receivedOn},letter,KZ-75,{facility},{agency},torture,{sex},{age},{registeredOn},{(registeredOn.Length > 0 ? "141-1" : string.Empty)},,{decision},{verdict},");

    private async Task ImportAsync(IEnumerable<string> lines)
    {
        const string Header = "external_id,received_on,channel,region,facility_type,accused_agency,ill_treatment,victim_sex,victim_age_band,registered_on,article_at_registration,article_final,decision,decision_on,termination_reason,verdict,verdict_on,officials_convicted,custodial_months,suspended,compensation_paid";
        var prefix = $"T{Guid.NewGuid():N}"[..12];
        var path = Path.Combine(Path.GetTempPath(), $"qorgau-treaty-{prefix}.csv");
        await File.WriteAllLinesAsync(path, lines.Select((line, i) => line.Replace("{id}", $"{prefix}-{i}", StringComparison.Ordinal)).Prepend(Header), Cancel);
        _files.Add(path);
        var run = await app.RunVerbAsync("import", "cases", path, "--organisation", "prosecutor");
        run.ExitCode.ShouldBe(0, run.Error + run.Output);
    }

    private async Task<string> PageAsync(string query, string culture)
    {
        using var response = await app.CreateClient(acceptLanguage: culture).GetAsync(new Uri($"{Url}?{query}", UriKind.Relative), Cancel);
        var text = await response.Content.ReadAsStringAsync(Cancel);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, text);
        return text;
    }

    private async Task<string> CsvAsync(string query)
    {
        using var response = await app.CreateClient(acceptLanguage: "en").GetAsync(new Uri($"{Url}?{query}&format=csv", UriKind.Relative), Cancel);
        var text = await response.Content.ReadAsStringAsync(Cancel);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, text);
        response.Content.Headers.ContentType?.MediaType.ShouldBe("text/csv");
        return text;
    }

    private async Task<JsonElement> FunnelAsync(string query)
    {
        using var response = await app.CreateClient().GetAsync(new Uri($"{FunnelEndpoints.FunnelUrl}?{query}", UriKind.Relative), Cancel);
        var text = await response.Content.ReadAsStringAsync(Cancel);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, text);
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>The CSV's lines as field name → value (no field of these tables holds a comma or a quote, except labels, which are not compared).</summary>
    private static List<Dictionary<string, string>> Records(string csv)
    {
        using var reader = new CsvHelper.CsvReader(new StringReader(csv), System.Globalization.CultureInfo.InvariantCulture);
        var records = new List<Dictionary<string, string>>();
        reader.Read();
        reader.ReadHeader();
        var header = reader.HeaderRecord!;
        while (reader.Read())
        {
            records.Add(header.Select((name, i) => (name, value: reader.GetField(i) ?? string.Empty)).ToDictionary(f => f.name, f => f.value));
        }

        return records;
    }
}
