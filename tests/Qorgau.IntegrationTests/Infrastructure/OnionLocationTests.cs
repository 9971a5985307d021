using Qorgau.Web.Infrastructure;

namespace Qorgau.IntegrationTests.Infrastructure;

/// <summary>Public pages name the installation's onion service; staff pages, sign-in and the API do not.</summary>
public sealed class OnionLocationTests(OnionLocationTests.OnionApp app) : IClassFixture<OnionLocationTests.OnionApp>
{
    private const string Onion = "pg6mmjiyjmcrsslvykfwnntlaru7p5svn6y2ymmju6nubxndf4pscryd.onion";

    [Theory]
    [InlineData("/")]
    [InlineData("/complaint?culture=kk")]
    [InlineData("/receipt")]
    [InlineData("/facilities?region=KZ-75")]
    public async Task A_public_page_names_the_same_page_on_the_onion_service(string path)
    {
        var response = await app.CreateClient().GetAsync(new Uri(path, UriKind.Relative), TestContext.Current.CancellationToken);

        response.Headers.GetValues(OnionLocation.HeaderName).ShouldHaveSingleItem().ShouldBe($"http://{Onion}{path}");
    }

    [Theory]
    [InlineData("/account/login")]
    [InlineData("/cases")]
    [InlineData("/staff")]
    [InlineData("/api/v1/profile")]
    [InlineData("/openapi/v1.json")]
    public async Task Staff_pages_sign_in_and_the_api_are_not_advertised(string path)
    {
        var response = await app.CreateClient().GetAsync(new Uri(path, UriKind.Relative), TestContext.Current.CancellationToken);

        response.Headers.Contains(OnionLocation.HeaderName).ShouldBeFalse();
    }

    [Theory]
    [InlineData("example.onion")]
    [InlineData("pg6mmjiyjmcrsslvykfwnntlaru7p5svn6y2ymmju6nubxndf4pscryd.onion.evil.com")]
    [InlineData("PG6MMJIYJMCRSSLVYKFWNNTLARU7P5SVN6Y2YMMJU6NUBXNDF4PSCRYD.onion")]
    public void Only_a_version_3_onion_address_is_accepted(string address)
    {
        var results = new NetworkOptions { OnionAddress = address }.Validate(new System.ComponentModel.DataAnnotations.ValidationContext(new object()));

        results.ShouldHaveSingleItem().MemberNames.ShouldBe([nameof(NetworkOptions.OnionAddress)]);
    }

    public sealed class OnionApp : QorgauAppFactory
    {
        protected override IReadOnlyDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>
        {
            ["Network:OnionAddress"] = Onion,
        };
    }
}
