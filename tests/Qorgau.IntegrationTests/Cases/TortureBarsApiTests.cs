using System.Text.Json;
using Qorgau.IntegrationTests.Intake;
using static Qorgau.IntegrationTests.Cases.CaseApi;

namespace Qorgau.IntegrationTests.Cases;

/// <summary>
/// The 2023 bars through the staff API: they follow the date of the act (the incident), and only an
/// organisation that decides (the special prosecutors) is refused; the NPM records the state's
/// decision, and its event carries the flag on the API, the case page and the supervisor's report.
/// </summary>
public sealed class TortureBarsApiTests(DemoAppFactory app) : IClassFixture<DemoAppFactory>
{
    private const string NpmSupervisor = "supervisor@npm.demo";

    private HttpClient Client { get; } = app.CreateClient(acceptLanguage: "en");

    private async Task<string> RegisteredAsync(string token, string organisation, string incidentFrom)
    {
        var filed = await IntakeApi.FileAsync(Client, new Dictionary<string, object?>
        {
            ["account"] = "Beaten at the police station.",
            ["organisation"] = organisation,
            ["accusedAgency"] = "police",
            ["incidentFrom"] = incidentFrom,
        });
        await ActAsync(Client, token, filed.PublicId, new { action = "accept" }, "admissible");
        await ActAsync(Client, token, filed.PublicId, new { action = "register", registerNumber = $"R-{Guid.NewGuid():N}"[..20], article = "146-2" }, "registered");
        return filed.PublicId;
    }

    private static JsonElement LastEvent(JsonElement json, string kind) =>
        json.GetProperty("events").EnumerateArray().Last(e => e.GetProperty("kind").GetString() == kind);

    [Fact]
    public async Task An_NPM_records_an_amnesty_for_an_act_after_the_amendment_and_the_event_is_flagged_everywhere()
    {
        var token = await app.TokenAsync(NpmSupervisor);
        var publicId = await RegisteredAsync(token, "npm", "2024-05-01");

        var terminated = await ActAsync(Client, token, publicId, new { action = "terminate", reason = "amnesty" }, "terminated");

        terminated.GetProperty("proceeding").GetProperty("terminationReason").GetString().ShouldBe("amnesty");
        Strings(LastEvent(terminated, "action.terminate").GetProperty("flags")).ShouldBe(["amnesty-barred-for-torture"], "the action's own answer shows the flag");
        var read = await CaseAsync(Client, token, publicId);
        var flagged = LastEvent(read, "action.terminate");
        Strings(flagged.GetProperty("flags")).ShouldBe(["amnesty-barred-for-torture"]);
        flagged.GetProperty("detail").GetProperty("act-on").GetString().ShouldBe("2024-05-01");
        flagged.GetProperty("detail").GetProperty("act-on-from").GetString().ShouldBe("incident");
        Strings(LastEvent(read, "action.register").GetProperty("flags")).ShouldBeEmpty();

        var supervisor = await app.SignInAsync(NpmSupervisor);
        (await supervisor.GetPageAsync($"/cases/{publicId}")).ShouldContain("data-flag=\"amnesty-barred-for-torture\"");
        var report = await supervisor.GetPageAsync("/cases/reports?culture=en");
        report.ShouldContain(publicId);
        report.ShouldContain("Amnesty for an act of torture the bar covers");
    }

    [Fact]
    public async Task A_special_prosecutor_is_refused_the_same_amnesty_naming_the_rule_and_nothing_changes()
    {
        var token = await app.TokenAsync(SupervisorEmail);
        var publicId = await RegisteredAsync(token, "prosecutor", "2024-05-01");

        var response = await ActionAsync(Client, token, publicId, new { action = "terminate", reason = "amnesty" });

        var (problem, fields) = await IntakeApi.ValidationProblemAsync(response);
        fields.ShouldBe(["reason"]);
        IntakeApi.ErrorText(problem, "reason").ShouldContain("for an act committed on or after the 2023 amendment");
        var read = await CaseAsync(Client, token, publicId);
        read.GetProperty("status").GetString().ShouldBe("registered");
        EventKinds(read).ShouldNotContain("action.terminate");
    }

    [Fact]
    public async Task An_act_of_2022_may_be_terminated_by_amnesty_years_later_by_a_special_prosecutor_unflagged()
    {
        var token = await app.TokenAsync(SupervisorEmail);
        var publicId = await RegisteredAsync(token, "prosecutor", "2022-09-01");

        var terminated = await ActAsync(Client, token, publicId, new { action = "terminate", reason = "amnesty" }, "terminated");

        Strings(LastEvent(terminated, "action.terminate").GetProperty("flags")).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_requalification_away_from_torture_is_flagged_even_for_a_special_prosecutor()
    {
        var token = await app.TokenAsync(SupervisorEmail);
        var publicId = await RegisteredAsync(token, "prosecutor", "2024-05-01");

        var proposed = await ActAsync(Client, token, publicId, new { action = "requalify", article = "362", reason = "No lasting harm found." }, "registered");
        var requalified = await OkAsync(await IntakeApi.PostAsync(Client, $"{CaseUrl(publicId)}/requalification/confirm", new { }, await app.TokenAsync("deputy@prosecutor.demo")));

        // A special prosecutor's requalification away from torture waits for a second supervisor (ArticlePartsApiTests); both steps carry the flag.
        Strings(LastEvent(proposed, "requalification.proposed").GetProperty("flags")).ShouldBe(["requalified-away-from-torture"]);
        Strings(LastEvent(requalified, "action.requalify").GetProperty("flags")).ShouldBe(["requalified-away-from-torture"]);
    }
}
