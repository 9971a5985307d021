using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Qorgau.IntegrationTests.Infrastructure;

namespace Qorgau.IntegrationTests.Facilities;

/// <summary>The demo registry is loaded once, by the demo verb, for the whole class.</summary>
public sealed class FacilityRegistryTests(DemoAppFactory app) : IClassFixture<DemoAppFactory>
{
    [Fact]
    public async Task The_API_lists_the_demo_facilities_covering_every_region()
    {
        var facilities = await GetAsync("/api/v1/facilities");

        facilities.Count.ShouldBeGreaterThanOrEqualTo(40);
        facilities.Select(f => f.GetProperty("region").GetString()).Distinct().Count().ShouldBe(20);
        facilities[0].GetProperty("names").GetProperty("kk").GetString().ShouldNotBeNullOrWhiteSpace();
    }

    [Fact]
    public async Task The_API_filters_by_region_and_type()
    {
        var inAlmaty = await GetAsync("/api/v1/facilities?region=KZ-75");
        var isolatorsInAlmaty = await GetAsync("/api/v1/facilities?region=KZ-75&type=ivs");

        inAlmaty.ShouldNotBeEmpty();
        inAlmaty.ShouldAllBe(f => f.GetProperty("region").GetString() == "KZ-75");
        isolatorsInAlmaty.ShouldNotBeEmpty();
        isolatorsInAlmaty.ShouldAllBe(f => f.GetProperty("type").GetString() == "ivs" && f.GetProperty("region").GetString() == "KZ-75");
        isolatorsInAlmaty.Count.ShouldBeLessThan(inAlmaty.Count);
    }

    [Fact]
    public async Task An_unknown_filter_code_is_a_400_naming_the_field()
    {
        var response = await app.CreateClient(acceptLanguage: "en").GetAsync(new Uri("/api/v1/facilities?region=KZ-99&type=dungeon", UriKind.Relative), TestContext.Current.CancellationToken);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        problem.GetProperty("errors").GetProperty("region")[0].GetString()!.ShouldContain("KZ-99");
        problem.GetProperty("errors").GetProperty("type")[0].GetString()!.ShouldContain("dungeon");
    }

    [Fact]
    public async Task The_public_page_filters_without_JavaScript_and_keeps_the_choice()
    {
        var html = await app.CreateClient(acceptLanguage: "ru").GetStringAsync(new Uri("/facilities?region=KZ-75", UriKind.Relative), TestContext.Current.CancellationToken);

        html.ShouldContain("""<option value="KZ-75" selected="selected">""");
        html.ShouldContain("ИВС полиции г. Алматы (демо)");
        html.ShouldNotContain("Astana");
    }

    [Fact]
    public async Task The_public_page_explains_an_unknown_region_next_to_the_field()
    {
        var html = await app.CreateClient(acceptLanguage: "en").GetStringAsync(new Uri("/facilities?region=KZ-99", UriKind.Relative), TestContext.Current.CancellationToken);

        html.ShouldMatch("""<p class="field-error" role="alert">[^<]*KZ-99[^<]* is not a region of this installation""");
    }

    [Fact]
    public async Task Reimporting_a_file_updates_rows_by_code_instead_of_duplicating_them()
    {
        var before = await app.WithDbAsync(db => db.Facilities.CountAsync());

        var run = await app.RunVerbAsync("import", "facilities", RepositoryFiles.Sample("facilities-demo.csv"));

        run.ExitCode.ShouldBe(0, run.Error);
        run.Output.ShouldContain($"0 added, {before} updated");
        (await app.WithDbAsync(db => db.Facilities.CountAsync())).ShouldBe(before);
    }

    private async Task<List<JsonElement>> GetAsync(string path) =>
        (await app.CreateClient().GetFromJsonAsync<List<JsonElement>>(new Uri(path, UriKind.Relative), TestContext.Current.CancellationToken))!;
}
