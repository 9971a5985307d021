using System.Net;
using Qorgau.IntegrationTests.Infrastructure;

namespace Qorgau.IntegrationTests.Shell;

public sealed class StaticAssetTests(QorgauAppFactory app) : IClassFixture<QorgauAppFactory>
{
    [Theory]
    [InlineData("/css/site.css", "text/css")]
    [InlineData("/css/site.css?v=1", "text/css")]
    [InlineData("/favicon.svg", "image/svg+xml")]
    public async Task Static_files_are_served_with_content_outside_development(string path, string mediaType)
    {
        var response = await app.CreateClient().GetAsync(new Uri(path, UriKind.Relative), TestContext.Current.CancellationToken);
        var body = await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe(mediaType);
        body.Length.ShouldBeGreaterThan(100);
    }

    [Theory]
    [InlineData("/facilities?culture=en", "<title>Registry of places of detention · Qorgau</title>")]
    [InlineData("/facilities?culture=ru", "<title>Реестр мест несвободы · Қорғау</title>")]
    [InlineData("/no-such-page?culture=en", "<title>Page not found · Qorgau</title>")]
    public async Task Each_page_has_its_own_localised_title(string path, string title)
    {
        var response = await app.CreateClient().GetAsync(new Uri(path, UriKind.Relative), TestContext.Current.CancellationToken);

        (await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).ShouldContain(title);
    }
}
