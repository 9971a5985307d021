using System.Net;
using System.Text.Json;
using Qorgau.IntegrationTests.Infrastructure;
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
}
