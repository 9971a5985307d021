using System.Net;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Qorgau.IntegrationTests.Infrastructure;

namespace Qorgau.IntegrationTests.Shell;

public sealed partial class LocalisationTests(QorgauAppFactory app) : IClassFixture<QorgauAppFactory>
{
    [Theory]
    [InlineData("kk", "Басты бет")]
    [InlineData("ru", "Главная")]
    [InlineData("en", "Home")]
    public async Task The_home_page_comes_in_the_language_asked_for_in_the_query(string culture, string homeLink)
    {
        var response = await app.CreateClient(acceptLanguage: null).GetAsync(new Uri($"/?culture={culture}", UriKind.Relative), TestContext.Current.CancellationToken);
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        html.ShouldContain($"<html lang=\"{culture}\">");
        html.ShouldContain($">{homeLink}</a>");
    }

    [Fact]
    public async Task A_language_chosen_in_the_query_is_remembered_in_a_cookie()
    {
        var client = app.CreateClient(acceptLanguage: "en");
        await client.GetAsync(new Uri("/?culture=kk", UriKind.Relative), TestContext.Current.CancellationToken);

        var html = await client.GetStringAsync(new Uri("/facilities", UriKind.Relative), TestContext.Current.CancellationToken);

        html.ShouldContain("<html lang=\"kk\">");
    }

    [Theory]
    [InlineData("kk-KZ,kk;q=0.9", "kk")]
    [InlineData("en-GB,en;q=0.8", "en")]
    [InlineData("ru-RU", "ru")]
    [InlineData("de-DE", "ru")]
    public async Task Without_a_choice_the_language_follows_Accept_Language(string acceptLanguage, string expected)
    {
        var html = await app.CreateClient(acceptLanguage).GetStringAsync(new Uri("/", UriKind.Relative), TestContext.Current.CancellationToken);

        html.ShouldContain($"<html lang=\"{expected}\">");
    }

    [Fact]
    public void Every_resource_key_exists_in_Kazakh_Russian_and_English()
    {
        var english = Keys("SharedResource.resx");
        var russian = Keys("SharedResource.ru.resx");
        var kazakh = Keys("SharedResource.kk.resx");

        english.ShouldNotBeEmpty();
        russian.Except(english).ShouldBeEmpty("keys in Russian but not in English");
        english.Except(russian).ShouldBeEmpty("keys missing in Russian");
        english.Except(kazakh).ShouldBeEmpty("keys missing in Kazakh");
        kazakh.Except(english).ShouldBeEmpty("keys in Kazakh but not in English");
    }

    [Fact]
    public void Every_key_the_code_uses_is_in_the_resources()
    {
        var known = Keys("SharedResource.resx");
        var sources = Directory.EnumerateFiles(RepositoryFiles.WebProject, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".cshtml", StringComparison.Ordinal) || f.EndsWith(".cs", StringComparison.Ordinal))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal));

        var used = sources.SelectMany(f => LocalizerKey().Matches(File.ReadAllText(f)).Select(m => (File: Path.GetFileName(f), Key: m.Groups["key"].Value))).ToList();

        used.Count.ShouldBeGreaterThan(20);
        used.Where(u => !known.Contains(u.Key)).ShouldBeEmpty();
    }

    private static HashSet<string> Keys(string file) =>
        XDocument.Load(Path.Combine(RepositoryFiles.WebProject, "Resources", file))
            .Root!.Elements("data")
            .Where(d => !string.IsNullOrWhiteSpace(d.Element("value")?.Value))
            .Select(d => d.Attribute("name")!.Value)
            .ToHashSet(StringComparer.Ordinal);

    [GeneratedRegex("""(?:\bL|localizer)\["(?<key>[A-Za-z.]+)"\s*[,\]]""")]
    private static partial Regex LocalizerKey();
}
