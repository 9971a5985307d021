using System.Net;
using System.Text.Json;
using Qorgau.IntegrationTests.Infrastructure;

namespace Qorgau.IntegrationTests.Statistics;

/// <summary>Others' published figures, open to anyone, each with its publisher, source and notes.</summary>
public sealed class ReferenceSeriesApiTests(QorgauAppFactory app) : IClassFixture<QorgauAppFactory>
{
    private static readonly Uri SeriesUrl = new("/api/v1/reference/series", UriKind.Relative);

    [Fact]
    public async Task Anyone_reads_the_series_without_signing_in_in_exactly_the_published_shape()
    {
        var response = await app.CreateClient().GetAsync(SeriesUrl, TestContext.Current.CancellationToken);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.OK, text);
        var root = JsonDocument.Parse(text).RootElement;
        Names(root).ShouldBe(["items"]);
        var items = root.GetProperty("items").EnumerateArray().ToList();
        items.Count.ShouldBe(13);
        foreach (var item in items)
        {
            Names(item).ShouldBe(["code", "label", "unit", "publisher", "source", "note", "points"]);
            Names(item.GetProperty("label")).ShouldBe(["kk", "ru", "en"]);
            item.GetProperty("publisher").GetString().ShouldNotBeNullOrWhiteSpace();
            item.GetProperty("source").GetString().ShouldNotBeNullOrWhiteSpace();
            foreach (var point in item.GetProperty("points").EnumerateArray())
            {
                Names(point).ShouldBe(["period", "value"]);
            }
        }
    }

    [Fact]
    public async Task The_2013_figures_are_given_as_published_for_five_months_with_their_note()
    {
        var items = await ItemsAsync();
        var statements = items.Single(i => i.GetProperty("code").GetString() == "torture_statements_registered");
        var points = statements.GetProperty("points").EnumerateArray()
            .ToDictionary(p => p.GetProperty("period").GetString()!, p => p.GetProperty("value").GetDecimal());

        points.ShouldBe(new Dictionary<string, decimal> { ["2009"] = 14, ["2010"] = 36, ["2011"] = 52, ["2012"] = 602, ["2013-01/2013-05"] = 304 });
        statements.GetProperty("note").GetString().ShouldBe("2013-01/2013-05: first five months only");
        statements.GetProperty("unit").GetString().ShouldBe("statements");
        statements.GetProperty("publisher").GetString().ShouldBe("official data (Kazakhstan)");
        statements.GetProperty("source").GetString()!.ShouldStartWith("sources/002");
        statements.GetProperty("label").GetProperty("kk").GetString().ShouldBe("Тіркелген азаптау туралы арыздар");
    }

    [Fact]
    public async Task A_series_whose_figures_have_no_note_carries_a_null_note_and_negative_changes_stay_negative()
    {
        var items = await ItemsAsync();
        var cases = items.Single(i => i.GetProperty("code").GetString() == "torture_criminal_cases_instituted");
        var police = items.Single(i => i.GetProperty("code").GetString() == "change_in_complaints_about_police_actions");

        cases.GetProperty("points").GetArrayLength().ShouldBe(5);
        police.GetProperty("note").GetString().ShouldBe("reduced by a quarter");
        police.GetProperty("points")[0].GetProperty("value").GetDecimal().ShouldBe(-25m);
        items.Single(i => i.GetProperty("code").GetString() == "ngo_coalition_appeals_torture").GetProperty("note").ValueKind.ShouldBe(JsonValueKind.Null);
    }

    [Fact]
    public async Task The_OpenAPI_document_describes_the_reference_series()
    {
        var document = await app.CreateClient().GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative), TestContext.Current.CancellationToken);

        var path = JsonDocument.Parse(document).RootElement.GetProperty("paths").GetProperty("/api/v1/reference/series");
        path.GetProperty("get").GetProperty("responses").TryGetProperty("200", out _).ShouldBeTrue();
        document.ShouldContain("\"publisher\"");
    }

    private async Task<List<JsonElement>> ItemsAsync()
    {
        var text = await app.CreateClient().GetStringAsync(SeriesUrl, TestContext.Current.CancellationToken);
        return [.. JsonDocument.Parse(text).RootElement.GetProperty("items").EnumerateArray()];
    }

    private static List<string> Names(JsonElement element) => [.. element.EnumerateObject().Select(p => p.Name)];
}
