using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qorgau.Domain.Cases;
using Qorgau.Domain.Profiles;
using Qorgau.IntegrationTests.Intake;
using Qorgau.Web.Infrastructure;
using static Qorgau.IntegrationTests.Cases.CaseApi;

namespace Qorgau.IntegrationTests.Cases;

/// <summary>
/// Article parts, the investigating body and the confirmation of a requalification away from torture,
/// through the staff API and the case page: a bare 146 is recorded as the part the case's kind
/// indicates, flagged; a body the profile does not allow is recorded, flagged; in the special
/// prosecutors a requalification away from torture waits until a second supervisor confirms it, while
/// the NPM records it at once, flagged; existing data under a bare 146 moves to its part, once.
/// </summary>
public sealed class ArticlePartsApiTests(DemoAppFactory app) : IClassFixture<DemoAppFactory>
{
    private const string NpmSupervisor = "supervisor@npm.demo";
    private const string DeputyEmail = "deputy@prosecutor.demo";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private HttpClient Client { get; } = app.CreateClient(acceptLanguage: "en");

    private async Task<string> AdmissibleAsync(string token, string organisation, string kind)
    {
        var filed = await IntakeApi.FileAsync(Client, new Dictionary<string, object?>
        {
            ["account"] = "Beaten at the police station.",
            ["organisation"] = organisation,
            ["accusedAgency"] = "police",
            ["illTreatment"] = kind,
        });
        await ActAsync(Client, token, filed.PublicId, new { action = "accept" }, "admissible");
        return filed.PublicId;
    }

    private async Task<string> RegisteredAsync(string token, string organisation, string article, string? body = null)
    {
        var publicId = await AdmissibleAsync(token, organisation, "torture");
        await ActAsync(Client, token, publicId, new { action = "register", registerNumber = $"R-{Guid.NewGuid():N}"[..20], article, investigatingBody = body }, "registered");
        return publicId;
    }

    private static JsonElement LastEvent(JsonElement json, string kind) =>
        json.GetProperty("events").EnumerateArray().Last(e => e.GetProperty("kind").GetString() == kind);

    private Task<HttpResponseMessage> ConfirmAsync(string token, string publicId) =>
        IntakeApi.PostAsync(Client, $"{CaseUrl(publicId)}/requalification/confirm", new { }, token);

    [Theory]
    [InlineData("cruel", "146-1")]
    [InlineData("torture", "146-2")]
    public async Task A_bare_146_is_recorded_as_the_part_the_cases_kind_indicates_and_flagged_as_inferred(string kind, string part)
    {
        var token = await app.TokenAsync(NpmSupervisor);
        var publicId = await AdmissibleAsync(token, "npm", kind);

        var registered = await ActAsync(Client, token, publicId, new { action = "register", registerNumber = "R-1", article = "146" }, "registered");

        registered.GetProperty("proceeding").GetProperty("currentArticle").GetString().ShouldBe(part);
        var register = LastEvent(registered, "action.register");
        Strings(register.GetProperty("flags")).ShouldBe(["article-part-inferred"]);
        register.GetProperty("detail").GetProperty("recorded-as").GetString().ShouldBe("146");
        var supervisor = await app.SignInAsync(NpmSupervisor);
        (await supervisor.GetPageAsync($"/cases/{publicId}?culture=en")).ShouldContain("Article part inferred from the kind of ill-treatment");
    }

    [Fact]
    public async Task A_torture_case_investigated_by_the_police_is_recorded_and_flagged_and_the_prosecutor_is_not()
    {
        var token = await app.TokenAsync(NpmSupervisor);

        var byPolice = await CaseAsync(Client, token, await RegisteredAsync(token, "npm", "146-2", "police"));
        var byProsecutor = await CaseAsync(Client, token, await RegisteredAsync(token, "npm", "146-2", "prosecutor"));

        byPolice.GetProperty("proceeding").GetProperty("investigatingBody").GetString().ShouldBe("police");
        Strings(LastEvent(byPolice, "action.register").GetProperty("flags")).ShouldBe(["investigating-body-not-competent"]);
        byProsecutor.GetProperty("proceeding").GetProperty("investigatingBody").GetString().ShouldBe("prosecutor");
        Strings(LastEvent(byProsecutor, "action.register").GetProperty("flags")).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_body_that_does_not_investigate_is_a_400_naming_the_field_and_nothing_is_registered()
    {
        var token = await app.TokenAsync(NpmSupervisor);
        var publicId = await AdmissibleAsync(token, "npm", "torture");

        var (problem, fields) = await IntakeApi.ValidationProblemAsync(await ActionAsync(Client, token, publicId, new { action = "register", registerNumber = "R-2", article = "146-2", investigatingBody = "health" }));

        fields.ShouldBe(["investigatingBody"]);
        IntakeApi.ErrorText(problem, "investigatingBody").ShouldBe("This agency is not an investigating body.");
        (await CaseAsync(Client, token, publicId)).GetProperty("status").GetString().ShouldBe("admissible");
    }

    [Fact]
    public async Task In_the_special_prosecutors_a_requalification_away_from_torture_waits_for_a_second_supervisor()
    {
        var token = await app.TokenAsync(SupervisorEmail);
        var publicId = await RegisteredAsync(token, "prosecutor", "146-2", "prosecutor");

        var proposed = await ActAsync(Client, token, publicId, new { action = "requalify", article = "146-1", reason = "No purpose of a confession found." }, "registered");

        var proceeding = proposed.GetProperty("proceeding");
        proceeding.GetProperty("currentArticle").GetString().ShouldBe("146-2", "nothing changes before the confirmation");
        proceeding.GetProperty("qualifications").GetArrayLength().ShouldBe(1);
        var pending = proceeding.GetProperty("pendingRequalification");
        (pending.GetProperty("article").GetString(), pending.GetProperty("proposedBy").GetString()).ShouldBe(("146-1", SupervisorEmail));
        Strings(LastEvent(proposed, CaseEventKind.RequalificationProposed).GetProperty("flags")).ShouldBe(["requalified-away-from-torture"]);
        proposed.GetProperty("events").EnumerateArray().ShouldNotContain(e => e.GetProperty("kind").GetString() == "action.requalify");

        var bySame = await ConfirmAsync(token, publicId);
        bySame.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await bySame.Content.ReadAsStringAsync(Cancel)).ShouldContain("you proposed this requalification");
        (await ConfirmAsync(await app.TokenAsync(InvestigatorEmail), publicId)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await CaseAsync(Client, token, publicId)).GetProperty("proceeding").GetProperty("currentArticle").GetString().ShouldBe("146-2");

        var confirmed = await OkAsync(await ConfirmAsync(await app.TokenAsync(DeputyEmail), publicId));

        proceeding = confirmed.GetProperty("proceeding");
        proceeding.GetProperty("currentArticle").GetString().ShouldBe("146-1");
        proceeding.GetProperty("pendingRequalification").ValueKind.ShouldBe(JsonValueKind.Null);
        var requalify = LastEvent(confirmed, "action.requalify");
        requalify.GetProperty("actor").GetString().ShouldBe(DeputyEmail);
        Strings(requalify.GetProperty("flags")).ShouldBe(["requalified-away-from-torture"]);
        var caseId = await app.WithDbAsync(db => db.Cases.Where(c => c.PublicId == publicId).Select(c => c.Id).SingleAsync(Cancel));
        (await app.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == "case.requalification-confirmed" && a.SubjectId == caseId.ToString(), Cancel))).ShouldBe(1);
        (await ConfirmAsync(await app.TokenAsync(DeputyEmail), publicId)).StatusCode.ShouldBe(HttpStatusCode.Conflict, "nothing waits any more");
    }

    [Fact]
    public async Task A_second_supervisor_confirms_on_the_case_page()
    {
        var token = await app.TokenAsync(SupervisorEmail);
        var publicId = await RegisteredAsync(token, "prosecutor", "146-2");
        await ActAsync(Client, token, publicId, new { action = "requalify", article = "362", reason = "Exceeding authority only." }, "registered");
        var page = $"/cases/{publicId}";

        var proposer = await app.SignInAsync(SupervisorEmail);
        (await proposer.GetPageAsync(page)).ShouldContain("id=\"pending-requalification\"");
        (await proposer.SubmitAsync(page, new Dictionary<string, string>(), $"{page}?handler=ConfirmRequalification")).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        var deputy = await app.SignInAsync(DeputyEmail);
        (await deputy.SubmitAsync(page, new Dictionary<string, string>(), $"{page}?handler=ConfirmRequalification")).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        (await CaseAsync(Client, token, publicId)).GetProperty("proceeding").GetProperty("currentArticle").GetString().ShouldBe("362");
    }

    [Fact]
    public async Task The_NPM_records_a_requalification_away_from_torture_at_once_flagged()
    {
        var token = await app.TokenAsync(NpmSupervisor);
        var publicId = await RegisteredAsync(token, "npm", "146-2");

        var requalified = await ActAsync(Client, token, publicId, new { action = "requalify", article = "146-1", reason = "Recorded as the prosecutor decided." }, "registered");

        requalified.GetProperty("proceeding").GetProperty("currentArticle").GetString().ShouldBe("146-1");
        requalified.GetProperty("proceeding").GetProperty("pendingRequalification").ValueKind.ShouldBe(JsonValueKind.Null);
        Strings(LastEvent(requalified, "action.requalify").GetProperty("flags")).ShouldBe(["requalified-away-from-torture"]);
    }

    [Fact]
    public async Task Existing_cases_under_a_bare_146_move_to_their_part_once_flagged_as_inferred()
    {
        var token = await app.TokenAsync(NpmSupervisor);
        var cruel = await AdmissibleAsync(token, "npm", "cruel");
        await ActAsync(Client, token, cruel, new { action = "register", registerNumber = "R-OLD", article = "146-1" }, "registered");
        var caseId = await app.WithDbAsync(db => db.Cases.Where(c => c.PublicId == cruel).Select(c => c.Id).SingleAsync(Cancel));
        await app.WithDbAsync(async db =>
        {
            // The state a database written before the parts existed is in.
            await db.Proceedings.Where(p => p.CaseId == caseId).ExecuteUpdateAsync(s => s.SetProperty(p => p.CurrentArticle, "146").SetProperty(p => p.ArticleAtRegistration, "146"), Cancel);
            return await db.Qualifications.Where(q => q.CaseId == caseId).ExecuteUpdateAsync(s => s.SetProperty(q => q.ArticleCode, "146"), Cancel);
        });
        var profile = app.Services.GetRequiredService<JurisdictionProfile>();

        var first = await app.WithDbAsync(db => ArticlePartStep.RunAsync(db, profile, app.Clock.GetUtcNow().UtcDateTime, Cancel));
        var second = await app.WithDbAsync(db => ArticlePartStep.RunAsync(db, profile, app.Clock.GetUtcNow().UtcDateTime, Cancel));

        first.ShouldBeGreaterThanOrEqualTo(1);
        second.ShouldBe(0, "the step is idempotent");
        var read = await CaseAsync(Client, token, cruel);
        (read.GetProperty("proceeding").GetProperty("currentArticle").GetString(), read.GetProperty("proceeding").GetProperty("articleAtRegistration").GetString()).ShouldBe(("146-1", "146-1"));
        read.GetProperty("proceeding").GetProperty("qualifications")[0].GetProperty("article").GetString().ShouldBe("146-1");
        var inferred = read.GetProperty("events").EnumerateArray().Where(e => e.GetProperty("kind").GetString() == CaseEventKind.ArticlePartInferred).ToList();
        Strings(inferred.ShouldHaveSingleItem().GetProperty("flags")).ShouldBe(["article-part-inferred"]);
        (await CaseAsync(Client, token, cruel, app.Clock.GetUtcNow().AddSeconds(1).ToString("O", System.Globalization.CultureInfo.InvariantCulture))).GetProperty("asOf").GetProperty("article").GetString().ShouldBe("146-1");
    }
}
