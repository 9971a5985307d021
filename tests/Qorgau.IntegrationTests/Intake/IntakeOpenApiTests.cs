using System.Net;
using System.Text.Json;
using Qorgau.IntegrationTests.Infrastructure;
using Qorgau.Web.Infrastructure;
using static Qorgau.IntegrationTests.Intake.IntakeApi;

namespace Qorgau.IntegrationTests.Intake;

/// <summary>Integrators learn the intake API from the OpenAPI document.</summary>
public sealed class IntakeOpenApiTests(QorgauAppFactory app) : IClassFixture<QorgauAppFactory>
{
    [Fact]
    public async Task The_OpenAPI_document_describes_the_intake_endpoints()
    {
        var response = await app.CreateClient(acceptLanguage: "en").GetAsync(Path("/openapi/v1.json"), TestContext.Current.CancellationToken);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.OK, text);
        var paths = JsonDocument.Parse(text).RootElement.GetProperty("paths");
        PropertyNames(paths.GetProperty(ComplaintsUrl)).ShouldContain("post");
        PropertyNames(paths.GetProperty(SessionUrl)).ShouldContain("post");
        PropertyNames(paths.GetProperty(CaseUrl)).ShouldContain("get");
        PropertyNames(paths.GetProperty(MessagesUrl)).ShouldContain("post");
        PropertyNames(paths.GetProperty(WithdrawalUrl)).ShouldContain("post");
        PropertyNames(paths.GetProperty(ComplaintsUrl).GetProperty("post").GetProperty("responses")).ShouldContain("201");
        text.ShouldContain("\"account\"");
        text.ShouldContain("\"reporterRelation\"");
    }

    [Fact]
    public async Task The_OpenAPI_document_lists_every_problem_type_with_its_status()
    {
        var text = await app.CreateClient(acceptLanguage: "en").GetStringAsync(Path("/openapi/v1.json"), TestContext.Current.CancellationToken);

        var description = JsonDocument.Parse(text).RootElement.GetProperty("info").GetProperty("description").GetString()!;
        foreach (var (type, status, _) in ProblemTypes.All)
        {
            description.ShouldContain($"`{type}` ({status})");
        }
    }

    [Fact]
    public async Task A_refused_request_carries_the_stable_type_of_what_went_wrong_in_every_language()
    {
        foreach (var language in new[] { "kk", "ru", "en" })
        {
            var client = app.CreateClient(acceptLanguage: language);
            var unknownCase = await client.GetAsync(Path("/api/v1/cases/QG-0000-0000"), TestContext.Current.CancellationToken);
            var badQuery = await client.GetAsync(Path("/api/v1/stats/funnel?from=yesterday"), TestContext.Current.CancellationToken);

            (await TypeOfAsync(unknownCase)).ShouldBe(ProblemTypes.Unauthorised);
            (await TypeOfAsync(badQuery)).ShouldBe(ProblemTypes.Invalid);
        }
    }

    private static async Task<string?> TypeOfAsync(HttpResponseMessage response)
    {
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json");
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement.GetProperty("type").GetString();
    }
}
