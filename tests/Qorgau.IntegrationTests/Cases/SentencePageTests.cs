using System.Net;
using Qorgau.IntegrationTests.Intake;
using static Qorgau.IntegrationTests.Intake.IntakeApi;

namespace Qorgau.IntegrationTests.Cases;

/// <summary>The verdict form on the case page: every main penalty, inline errors, nothing typed lost, the sentence on the timeline.</summary>
public sealed class SentencePageTests(DemoAppFactory app) : IClassFixture<DemoAppFactory>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Two_main_penalties_come_back_with_the_error_beside_the_field_and_everything_typed_then_a_non_custodial_sentence_shows_on_the_case()
    {
        var filed = await FileAsync(app.CreateClient(acceptLanguage: "en"), "An officer beat me.");
        var supervisor = await app.SignInAsync("supervisor");
        var page = $"/cases/{filed.PublicId}";
        foreach (var step in new[]
        {
            new Dictionary<string, string> { ["Act.Action"] = "accept" },
            new Dictionary<string, string> { ["Act.Action"] = "register", ["Act.RegisterNumber"] = "2026-88", ["Act.Article"] = "362" },
            new Dictionary<string, string> { ["Act.Action"] = "indict", ["Act.Court"] = "Aktobe city court No. 2" },
        })
        {
            (await supervisor.SubmitAsync(page, step, $"{page}?handler=Action")).StatusCode.ShouldBe(HttpStatusCode.Redirect, step["Act.Action"]);
        }

        var verdict = new Dictionary<string, string>
        {
            ["Act.Action"] = "verdict",
            ["Act.Agency"] = "police",
            ["Act.Outcome"] = "conviction",
            ["Act.SentenceArticle"] = "362",
            ["Act.CorrectionalLabourMonths"] = "7",
            ["Act.CommunityServiceHours"] = "240",
            ["Act.FineMrp"] = "35",
        };
        var refused = await supervisor.SubmitAsync(page, verdict, $"{page}?handler=Action");

        refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var html = await refused.Content.ReadAsStringAsync(Cancel);
        html.ShouldContain("Only one main penalty per conviction");
        html.ShouldContain("id=\"verdict-community\" name=\"Act.CommunityServiceHours\" inputmode=\"numeric\" value=\"240\"", customMessage: "nothing typed is lost");
        html.ShouldContain("value=\"7\"");
        html.ShouldContain("value=\"35\"");

        verdict.Remove("Act.CorrectionalLabourMonths");
        (await supervisor.SubmitAsync(page, verdict, $"{page}?handler=Action")).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var shown = await supervisor.GetPageAsync(page);
        shown.ShouldContain("240 hours&#x27; community service");
        shown.ShouldContain("fine 35 МРП = ");
        shown.ShouldContain("1 sentenced to community service", customMessage: "the verdict on the timeline");
    }
}
