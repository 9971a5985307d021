using System.Net;
using Qorgau.IntegrationTests.Infrastructure;

namespace Qorgau.IntegrationTests.Statistics;

/// <summary>The open data verb writes the files the dashboard links to, byte for byte.</summary>
public sealed class OpenDataExportTests(QorgauAppFactory app) : IClassFixture<QorgauAppFactory>
{
    [Fact]
    public async Task The_verb_writes_the_same_files_the_dashboard_serves()
    {
        var directory = Directory.CreateTempSubdirectory("qorgau-open-data-").FullName;
        try
        {
            var run = await app.RunVerbAsync("export", "open-data", directory);

            run.ExitCode.ShouldBe(0, run.Error);
            var written = Directory.GetFiles(directory).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
            written.ShouldBe(["datapackage.json", "funnel.csv", "funnel.json", "reference-series.csv", "reference-series.json", "survey.csv", "survey.json"]);
            var client = app.CreateClient();
            foreach (var name in written)
            {
                var served = await client.GetByteArrayAsync(new Uri($"/statistics/data/{name}", UriKind.Relative), TestContext.Current.CancellationToken);
                served.ShouldBe(await File.ReadAllBytesAsync(Path.Combine(directory, name!), TestContext.Current.CancellationToken), name);
            }

            var page = await client.GetStringAsync(new Uri("/statistics?culture=en", UriKind.Relative), TestContext.Current.CancellationToken);
            page.ShouldContain("href=\"/statistics/data/survey.csv\"");
            page.ShouldContain("href=\"/statistics/data/funnel.csv\"");
            page.ShouldContain("href=\"/statistics/data/datapackage.json\"");
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public async Task A_file_that_is_not_in_the_package_is_not_found()
    {
        var response = await app.CreateClient().GetAsync(new Uri("/statistics/data/..%2Fappsettings.json", UriKind.Relative), TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Without_a_directory_the_verb_is_a_usage_error()
    {
        var run = await app.RunVerbAsync("export", "open-data");

        run.ExitCode.ShouldBe(2);
    }
}
