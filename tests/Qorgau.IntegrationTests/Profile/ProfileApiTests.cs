using System.Net.Http.Json;
using System.Text.Json;
using Qorgau.IntegrationTests.Infrastructure;

namespace Qorgau.IntegrationTests.Profile;

public sealed class ProfileApiTests(QorgauAppFactory app) : IClassFixture<QorgauAppFactory>
{
    [Fact]
    public async Task The_profile_lists_the_20_regions_with_ISO_codes_and_three_names_each()
    {
        var profile = await GetProfileAsync();
        var regions = profile.GetProperty("regions").EnumerateArray().ToList();

        regions.Count.ShouldBe(20);
        regions.Select(r => r.GetProperty("code").GetString()).ShouldContain("KZ-75");
        regions.ShouldAllBe(r => r.GetProperty("code").GetString()!.StartsWith("KZ-", StringComparison.Ordinal));
        foreach (var region in regions)
        {
            AssertThreeNames(region);
        }
    }

    [Theory]
    [InlineData("agencies", "police")]
    [InlineData("agencies", "penitentiary")]
    [InlineData("agencies", "prosecutor")]
    [InlineData("facilityTypes", "ivs")]
    [InlineData("facilityTypes", "sizo")]
    [InlineData("articles", "146")]
    [InlineData("articles", "362")]
    [InlineData("articles", "141-1")]
    [InlineData("terminationReasons", "amnesty")]
    [InlineData("terminationReasons", "no-crime")]
    public async Task Every_list_carries_stable_codes_with_names_in_kk_ru_and_en(string list, string code)
    {
        var profile = await GetProfileAsync();
        var item = profile.GetProperty(list).EnumerateArray().Single(i => i.GetProperty("code").GetString() == code);

        AssertThreeNames(item);
    }

    [Fact]
    public async Task Torture_articles_and_the_reasons_barred_for_them_are_marked()
    {
        var profile = await GetProfileAsync();
        var articles = profile.GetProperty("articles").EnumerateArray().ToDictionary(a => a.GetProperty("code").GetString()!, a => a.GetProperty("isTorture").GetBoolean());
        var barred = profile.GetProperty("terminationReasons").EnumerateArray()
            .Where(r => r.GetProperty("barredForTorture").GetBoolean()).Select(r => r.GetProperty("code").GetString()).ToList();

        articles["146"].ShouldBeTrue();
        articles["141-1"].ShouldBeTrue();
        articles["362"].ShouldBeFalse();
        barred.ShouldBe(["amnesty", "limitation", "reconciliation", "active-repentance"], ignoreOrder: true);
        profile.GetProperty("suspendedSentenceBarredFrom").GetString().ShouldStartWith("2023-");
        profile.GetProperty("terminationReasons").EnumerateArray().Where(r => r.GetProperty("barredForTorture").GetBoolean())
            .ShouldAllBe(r => r.GetProperty("barredForTortureFrom").GetString()!.StartsWith("2023-") && r.GetProperty("barSource").GetString()!.Contains("212-VII"));
    }

    [Fact]
    public async Task The_OpenAPI_document_describes_the_public_endpoints()
    {
        var document = await app.CreateClient().GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative), TestContext.Current.CancellationToken);

        document.ShouldContain("/api/v1/profile");
        document.ShouldContain("/api/v1/facilities");
    }

    private async Task<JsonElement> GetProfileAsync() =>
        await app.CreateClient().GetFromJsonAsync<JsonElement>(new Uri("/api/v1/profile", UriKind.Relative), TestContext.Current.CancellationToken);

    private static void AssertThreeNames(JsonElement item)
    {
        var names = item.GetProperty("names");
        foreach (var language in new[] { "kk", "ru", "en" })
        {
            names.GetProperty(language).GetString().ShouldNotBeNullOrWhiteSpace();
        }
    }
}
