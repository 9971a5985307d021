using System.Net;
using Microsoft.EntityFrameworkCore;
using Qorgau.IntegrationTests.Infrastructure;
using Qorgau.IntegrationTests.Intake;
using static Qorgau.IntegrationTests.Intake.IntakeApi;

namespace Qorgau.IntegrationTests.Cases;

/// <summary>
/// The case page's use cases as a member meets them when a form is refused: the page comes back with the
/// problem next to the form, everything typed is still there, and nothing was recorded.
/// </summary>
public sealed class CasePageUseCaseTests(DemoAppFactory app) : IClassFixture<DemoAppFactory>
{
    [Fact]
    public async Task A_reply_too_long_comes_back_with_its_problem_and_every_character_typed()
    {
        var filed = await FileAsync(app.CreateClient(acceptLanguage: "en"), "They held me without water.");
        var supervisor = await app.SignInAsync("supervisor");
        var page = $"/cases/{filed.PublicId}";
        var reply = "We will visit you. " + new string('x', 20_000);

        var refused = await supervisor.SubmitAsync(page, new Dictionary<string, string> { ["Reply"] = reply }, $"{page}?handler=Reply");

        refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var html = await refused.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        html.ShouldContain("id=\"err-reply\"");
        html.ShouldContain(reply);
        (await app.WithDbAsync(db => db.CaseMessages.CountAsync(m => db.Cases.Any(c => c.Id == m.CaseId && c.PublicId == filed.PublicId)))).ShouldBe(0);
    }

    [Fact]
    public async Task An_override_request_without_a_reason_is_refused_and_offers_the_same_person_again()
    {
        var filed = await FileAsync(app.CreateClient(acceptLanguage: "en"), "They beat me in the van.");
        var supervisor = await app.SignInAsync("supervisor");
        var page = $"/cases/{filed.PublicId}";
        var targetId = Guid.CreateVersion7();

        var refused = await supervisor.SubmitAsync(
            page,
            new Dictionary<string, string> { ["TargetId"] = targetId.ToString(), ["RefusedSubject"] = "FollowUpInterview", ["AssignRole"] = "monitor", ["OverrideReason"] = " " },
            $"{page}?handler=RequestOverride");

        refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var html = await refused.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        html.ShouldContain("id=\"override-request\"");
        html.ShouldContain($"name=\"TargetId\" value=\"{targetId}\"");
        html.ShouldContain("name=\"RefusedSubject\" value=\"FollowUpInterview\"");
        (await app.WithDbAsync(db => db.IndependenceOverrides.CountAsync(o => o.TargetId == targetId))).ShouldBe(0);
    }

    [Fact]
    public async Task A_withdrawal_reason_too_long_is_refused_and_kept_and_records_no_withdrawal()
    {
        var filed = await FileAsync(app.CreateClient(acceptLanguage: "en"), "They took my phone and beat me.");
        var supervisor = await app.SignInAsync("supervisor");
        var page = $"/cases/{filed.PublicId}";
        var reason = "Called us: " + new string('y', 20_000);

        var refused = await supervisor.SubmitAsync(page, new Dictionary<string, string> { ["WithdrawalReason"] = reason }, $"{page}?handler=Withdrawal");

        refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await refused.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).ShouldContain(reason);
        (await app.WithDbAsync(db => db.Withdrawals.CountAsync(w => db.Cases.Any(c => c.Id == w.CaseId && c.PublicId == filed.PublicId)))).ShouldBe(0);
    }
}
