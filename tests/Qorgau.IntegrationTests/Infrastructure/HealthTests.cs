using System.Net;

namespace Qorgau.IntegrationTests.Infrastructure;

public sealed class HealthTests(QorgauAppFactory app) : IClassFixture<QorgauAppFactory>
{
    [Fact]
    public async Task Healthz_answers_200_when_the_database_answers()
    {
        var response = await app.CreateClient().GetAsync(new Uri("/healthz", UriKind.Relative), TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Healthz_answers_503_without_details_when_the_database_is_unreachable()
    {
        // PostgreSQL on a port where nothing listens, and no migration on start.
        await using var unreachable = new QorgauAppFactory
        {
            Settings = new Dictionary<string, string?>
            {
                ["Database:Provider"] = "Postgres",
                ["Database:MigrateOnStart"] = "false",
                ["ConnectionStrings:Qorgau"] = "Host=127.0.0.1;Port=1;Username=nobody;Password=secret-password;Timeout=2",
            },
        };
        var response = await unreachable.CreateClient().GetAsync(new Uri("/healthz", UriKind.Relative), TestContext.Current.CancellationToken);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        body.ShouldBe("Unhealthy");
    }
}
