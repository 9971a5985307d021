using System.Globalization;
using System.Text.Json;
using Qorgau.IntegrationTests.Cases;
using Qorgau.Web.Features.Statistics;

namespace Qorgau.IntegrationTests.Statistics;

/// <summary>The funnel tables in the open data package: what the public API publishes, through disclosure control, and nothing else.</summary>
public sealed class FunnelOpenDataTests(DemoAppFactory app) : IClassFixture<DemoAppFactory>, IDisposable
{
    private const string Header = "external_id,received_on,channel,region,facility_type,accused_agency,ill_treatment,victim_sex,victim_age_band,registered_on,article_at_registration,article_final,decision,decision_on,termination_reason,verdict,verdict_on,officials_convicted,custodial_months,suspended,compensation_paid";

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
    public async Task The_funnel_file_has_every_public_breakdown_equal_to_the_api_and_no_count_under_the_threshold()
    {
        var year = app.Today.Year - 3;
        await ImportAsync([.. Lines(9, $"{year}-02-01", "KZ-75"), .. Lines(2, $"{year}-03-01", "KZ-71")]);

        var csv = await app.CreateClient().GetStringAsync(new Uri($"{OpenDataEndpoints.Prefix}/funnel.csv", UriKind.Relative), Cancel);
        var lines = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(Fields).ToList();
        var header = lines[0].ToList();
        var (breakdown, key, stage, cases, suppressed) = (header.IndexOf("breakdown"), header.IndexOf("key"), header.IndexOf("stage"), header.IndexOf("cases"), header.IndexOf("suppressed"));
        var rows = lines.Skip(1).ToList();

        rows.Select(r => r[breakdown]).Distinct().ShouldBe(FunnelQuery.Breakdowns.Keys, ignoreOrder: true);
        rows.Where(r => r[cases].Length > 0).Select(r => long.Parse(r[cases], CultureInfo.InvariantCulture)).ShouldAllBe(n => n == 0 || n >= 5);
        var small = rows.Single(r => r[breakdown] == "region" && r[key] == "KZ-71" && r[stage] == "received");
        (small[cases], small[suppressed]).ShouldBe((string.Empty, "true"));
        using var response = await app.CreateClient().GetAsync(new Uri($"{FunnelEndpoints.FunnelUrl}?by=region", UriKind.Relative), Cancel);
        var api = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Cancel)).RootElement;
        foreach (var row in api.GetProperty("rows").EnumerateArray().Append(api.GetProperty("total")))
        {
            var published = row.GetProperty("values").GetProperty("received");
            var line = rows.Single(r => r[breakdown] == "region" && r[key] == row.GetProperty("key").GetString() && r[stage] == "received");
            line[cases].ShouldBe(published.ValueKind == JsonValueKind.Number ? published.GetInt64().ToString(CultureInfo.InvariantCulture) : string.Empty);
        }
    }

    /// <summary>The fields of one CSV line (RFC 4180: a quoted field may hold commas and doubled quotes).</summary>
    private static string[] Fields(string line)
    {
        var fields = new List<string>();
        var field = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted && c == '"' && i + 1 < line.Length && line[i + 1] == '"')
            {
                field.Append('"');
                i++;
            }
            else if (c == '"')
            {
                quoted = !quoted;
            }
            else if (c == ',' && !quoted)
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else
            {
                field.Append(c);
            }
        }

        fields.Add(field.ToString());
        return [.. fields];
    }

    private static IEnumerable<string> Lines(int count, string on, string region) =>
        Enumerable.Range(0, count).Select(_ => $"{{id}},{on},letter,{region},ivs,police,torture,male,25-34,,,,,,,,,,,,");

    private async Task ImportAsync(IEnumerable<string> lines)
    {
        var prefix = $"O{Guid.NewGuid():N}"[..12];
        var path = Path.Combine(Path.GetTempPath(), $"qorgau-open-{prefix}.csv");
        await File.WriteAllLinesAsync(path, lines.Select((line, i) => line.Replace("{id}", $"{prefix}-{i}", StringComparison.Ordinal)).Prepend(Header), Cancel);
        _files.Add(path);
        var run = await app.RunVerbAsync("import", "cases", path, "--organisation", "prosecutor");
        run.ExitCode.ShouldBe(0, run.Error + run.Output);
    }
}
