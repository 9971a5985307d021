using System.Net;
using System.Text.RegularExpressions;
using Qorgau.Domain.Statistics;
using Qorgau.IntegrationTests.Infrastructure;
using Qorgau.IntegrationTests.Intake;
using Qorgau.Web.Features.Statistics;
using Qorgau.Web.Infrastructure.CommandLine;

namespace Qorgau.IntegrationTests.Statistics;

/// <summary>
/// <c>/statistics/workspace</c>: analysts and supervisors only, over their own organisation's cases
/// (imported into the demo's NPM and prosecutors' office, in 2014, a year no other test uses).
/// </summary>
public sealed partial class WorkspaceTests(DemoAppFactory app) : IClassFixture<DemoAppFactory>, IDisposable
{
    private const string Analyst = "analyst@npm.demo";

    private readonly List<string> _files = [];

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public void Dispose()
    {
        foreach (var file in _files)
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task An_analyst_lands_on_the_workspace_after_signing_in()
    {
        await app.SignInAsync(Analyst);
        var browser = new StaffBrowser(app.CreateClient(acceptLanguage: "en"));

        var login = await browser.SignInWithPasswordAsync(Analyst, DemoVerb.DemoPassword);
        var code = await browser.SubmitAsync(StaffBrowser.RedirectTarget(login), new Dictionary<string, string> { ["Input.Code"] = StaffBrowser.Totp(app.AuthenticatorKeys[Analyst]) });

        StaffBrowser.RedirectTarget(code).ShouldBe(WorkspaceModel.Home);
        var page = await browser.GetAsync(WorkspaceModel.Home);
        page.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await page.Content.ReadAsStringAsync(Cancel)).ShouldContain("<h1>Analyst workspace</h1>");
    }

    [Theory]
    [InlineData("admin@demo")]
    [InlineData("intake@npm.demo")]
    public async Task An_administrator_or_an_intake_operator_is_refused_the_workspace(string account)
    {
        var browser = await app.SignInAsync(account);

        var response = await browser.GetAsync($"{WorkspaceModel.Home}?format=csv");

        StaffBrowser.RedirectTarget(response).ShouldStartWith("/account/access-denied");
    }

    [Fact]
    public async Task Another_organisations_cases_never_count_in_the_workspace()
    {
        await ImportAsync("npm", 6, "female", "2016-02-01", "ivs");
        await ImportAsync("prosecutor", 9, "male", "2016-02-01", "ivs");
        var analyst = await app.SignInAsync(Analyst);

        var csv = await CsvAsync(analyst, "from=2016-01-01&to=2016-12-31&by=sex");

        Cell(csv, "total", FunnelStage.Received).ShouldBe("6");
        Cell(csv, "female", FunnelStage.Received).ShouldBe("6");
        Cell(csv, "male", FunnelStage.Received).ShouldBe("0");
        var supervisor = await app.SignInAsync("supervisor@prosecutor.demo");
        Cell(await CsvAsync(supervisor, "from=2016-01-01&to=2016-12-31&by=sex"), "male", FunnelStage.Received).ShouldBe("9");
    }

    [Fact]
    public async Task A_cross_tabulation_by_month_and_facility_type_counts_each_case_in_its_cell_through_disclosure_control()
    {
        await ImportAsync("npm", 6, "female", "2014-03-05", "sizo");
        await ImportAsync("npm", 2, "female", "2014-04-05", "sizo");
        await ImportAsync("npm", 5, "female", "2014-05-05", "sizo");
        await ImportAsync("npm", 6, "female", "2014-03-05", "ivs");
        var analyst = await app.SignInAsync(Analyst);

        var csv = await CsvAsync(analyst, "from=2014-01-01&to=2014-12-31&by=month&cross=facilityType&facilityType=sizo");
        var html = await analyst.GetPageAsync($"{WorkspaceModel.Home}?from=2014-01-01&to=2014-12-31&by=month&cross=facilityType&facilityType=sizo&stage=received");

        Cell(csv, "2014-03|sizo", FunnelStage.Received).ShouldBe("6");
        Cell(csv, "2014-04|sizo", FunnelStage.Received).ShouldBe(string.Empty, "two cases are under the threshold");
        Cell(csv, "2014-05|sizo", FunnelStage.Received).ShouldBe(string.Empty, "the total would give the two away: the smallest other count goes with it");
        Cell(csv, "total", FunnelStage.Received).ShouldBe("13");
        Cell(csv, "2014-03|ivs", FunnelStage.Received).ShouldBe("0", "the filter keeps the imported cases of the other type out");
        html.ShouldContain("id=\"workspace-cross\"");
        NumberCell().Matches(html).Select(m => m.Groups[1].Value)
            .ShouldAllBe(cell => cell == "not shown" || cell == "0" || int.Parse(cell, System.Globalization.CultureInfo.InvariantCulture) >= 5);
    }

    [Fact]
    public async Task A_bad_breakdown_is_shown_beside_its_field()
    {
        var analyst = await app.SignInAsync(Analyst);

        var html = await analyst.GetPageAsync($"{WorkspaceModel.Home}?by=colour&region=XX-00");

        html.ShouldContain("id=\"ws-by-error\"");
        html.ShouldContain("id=\"ws-region-error\"");
        html.ShouldNotContain("id=\"workspace-table\"");
    }

    [GeneratedRegex("<td class=\"number\"[^>]*>([^<]*)</td>")]
    private static partial Regex NumberCell();

    private static string Cell(List<Dictionary<string, string>> csv, string key, string stage) =>
        csv.Single(l => l["key"] == key && l["stage"] == stage)["cases"];

    private static async Task<List<Dictionary<string, string>>> CsvAsync(StaffBrowser browser, string query)
    {
        var response = await browser.GetAsync($"{WorkspaceModel.Home}?{query}&format=csv");
        var text = await response.Content.ReadAsStringAsync(Cancel);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, text);
        using var reader = new CsvHelper.CsvReader(new StringReader(text), System.Globalization.CultureInfo.InvariantCulture);
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

    private async Task ImportAsync(string organisation, int count, string sex, string on, string type)
    {
        const string Header = "external_id,received_on,channel,region,facility_type,accused_agency,ill_treatment,victim_sex,victim_age_band,registered_on,article_at_registration,article_final,decision,decision_on,termination_reason,verdict,verdict_on,officials_convicted,custodial_months,suspended,compensation_paid";
        var prefix = $"W{Guid.NewGuid():N}"[..12];
        var path = Path.Combine(Path.GetTempPath(), $"qorgau-workspace-{prefix}.csv");
        await File.WriteAllLinesAsync(path, Enumerable.Range(0, count).Select(i => $"{prefix}-{i},{on},letter,KZ-75,{type},police,torture,{sex},25-34,,,,,,,,,,,,").Prepend(Header), Cancel);
        _files.Add(path);
        var run = await app.RunVerbAsync("import", "cases", path, "--organisation", organisation);
        run.ExitCode.ShouldBe(0, run.Error + run.Output);
    }
}
