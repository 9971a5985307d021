using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qorgau.Data;
using Qorgau.Domain.Cases;
using Qorgau.IntegrationTests.Infrastructure;
using Qorgau.IntegrationTests.Intake;
using Qorgau.Web.Infrastructure.CommandLine;
using Qorgau.Web.Infrastructure.Security;

namespace Qorgau.IntegrationTests.Cases;

/// <summary>
/// Who reads a complaint's content on the staff side: members of the receiving organisation who hold
/// its key. Another organisation's staff, administrators and analysts get no plaintext from any page.
/// </summary>
public sealed class CaseAccessTests(DemoAppFactory app) : IClassFixture<DemoAppFactory>
{
    private const string Password = DemoVerb.DemoPassword;

    [Fact]
    public async Task The_receiving_organisations_supervisor_reads_the_complaint_and_the_reading_is_audited()
    {
        var account = $"Beaten at the station {Guid.NewGuid():N}";
        var filed = await IntakeApi.FileAsync(app.CreateClient(acceptLanguage: "en"), new { account, victimStillHeld = true });
        var supervisor = await SignInAsync("supervisor");

        (await supervisor.GetPageAsync("/intake/inbox")).ShouldContain(filed.PublicId);
        (await supervisor.GetPageAsync("/staff")).ShouldContain("new complaint");
        var page = await supervisor.GetPageAsync($"/cases/{filed.PublicId}");

        page.ShouldContain(account);
        page.ShouldContain("Urgent");
        var caseId = await CaseIdAsync(filed.PublicId);
        (await app.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == "case.read" && a.SubjectId == caseId.ToString()))).ShouldBe(1);
        (await app.WithDbAsync(db => db.AuditEntries.Where(a => a.SubjectId == caseId.ToString()).Select(a => a.Details).ToListAsync()))
            .ShouldAllBe(d => d == null || !d.Contains(account));
    }

    [Fact]
    public async Task Openings_of_an_unread_case_at_the_same_moment_all_answer_and_the_case_is_read_once()
    {
        var supervisor = await SignInAsync("supervisor");
        for (var round = 0; round < 3; round++)
        {
            var filed = await IntakeApi.FileAsync(app.CreateClient(acceptLanguage: "en"), $"Beaten at the station {Guid.NewGuid():N}");

            var answers = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => supervisor.GetAsync($"/cases/{filed.PublicId}")));

            answers.Select(a => a.StatusCode).ShouldAllBe(status => status == HttpStatusCode.OK);
            var caseId = await CaseIdAsync(filed.PublicId);
            (await app.WithDbAsync(db => db.CaseEvents.CountAsync(e => e.CaseId == caseId && e.Kind == CaseEventKind.Read))).ShouldBe(1);
            (await app.WithDbAsync(db => db.CaseEvents.CountAsync(e => e.CaseId == caseId && e.Kind == CaseEventKind.Accessed))).ShouldBe(6);
            (await app.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == "case.read" && a.SubjectId == caseId.ToString()))).ShouldBe(6);
        }
    }

    [Theory]
    [InlineData("caseworker")]
    [InlineData("investigator")]
    public async Task Staff_of_another_organisation_find_no_such_case(string account)
    {
        var secret = $"secret {Guid.NewGuid():N}";
        var filed = await IntakeApi.FileAsync(app.CreateClient(acceptLanguage: "en"), secret);
        var outsider = await SignInAsync(account);

        var response = await outsider.GetAsync($"/cases/{filed.PublicId}");
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        body.ShouldNotContain(secret);
        (await outsider.GetPageAsync("/intake/inbox")).ShouldNotContain(filed.PublicId);
    }

    [Theory]
    [InlineData("analyst")]
    [InlineData("admin")]
    public async Task Analysts_and_administrators_are_refused_every_case_page(string account)
    {
        var secret = $"secret {Guid.NewGuid():N}";
        var filed = await IntakeApi.FileAsync(app.CreateClient(acceptLanguage: "en"), secret);
        var member = await SignInAsync(account);

        foreach (var path in new[] { $"/cases/{filed.PublicId}", "/intake/inbox", "/intake/record" })
        {
            var response = await member.GetAsync(path);
            StaffBrowser.RedirectTarget(response).ShouldStartWith("/account/access-denied", customMessage: path);
            (await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).ShouldNotContain(secret);
        }
    }

    [Fact]
    public async Task A_member_without_a_key_to_the_case_is_told_why_and_sees_no_content()
    {
        var secret = $"secret {Guid.NewGuid():N}";
        var filed = await IntakeApi.FileAsync(app.CreateClient(acceptLanguage: "en"), secret);
        var monitor = await SignInAsync("monitor");

        var page = await monitor.GetPageAsync($"/cases/{filed.PublicId}");

        page.ShouldContain("You hold no key to this case");
        page.ShouldNotContain(secret);
    }

    [Fact]
    public async Task A_reply_reaches_the_complainant_and_revoking_one_reader_leaves_it_readable_to_the_others()
    {
        var client = app.CreateClient(acceptLanguage: "en");
        var filed = await IntakeApi.FileAsync(client, "please help");
        var supervisor = await SignInAsync("supervisor");
        var reply = $"We received it {Guid.NewGuid():N}";
        (await supervisor.SubmitAsync($"/cases/{filed.PublicId}", new Dictionary<string, string> { ["Reply"] = reply }, action: $"/cases/{filed.PublicId}?handler=Reply"))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var caseId = await CaseIdAsync(filed.PublicId);
        var intakeId = await app.WithDbAsync(db => db.Users.Where(u => u.Email == "intake@npm.demo").Select(u => u.Id).SingleAsync());
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<CaseKeyring>().RevokeAsync(caseId, intakeId, intakeId);
        }

        var case_ = await IntakeApi.ReadCaseAsync(client, await IntakeApi.OpenSessionAsync(client, filed.Receipt));
        case_.GetProperty("status").GetString().ShouldBe(ComplainantStatus.Read);
        case_.GetProperty("messages")[0].GetProperty("from").GetString().ShouldBe("organisation");
        case_.GetProperty("messages")[0].GetProperty("text").GetString().ShouldBe(reply);
        (await supervisor.GetPageAsync($"/cases/{filed.PublicId}")).ShouldContain(reply);
        (await (await SignInAsync("intake")).GetPageAsync($"/cases/{filed.PublicId}")).ShouldNotContain(reply);
    }

    [Fact]
    public async Task An_intake_operator_records_a_hotline_call_with_a_receipt_to_hand_over()
    {
        var intake = await SignInAsync("intake");
        var account = $"Caller says her son was beaten {Guid.NewGuid():N}";
        var response = await intake.SubmitAsync("/intake/record", new Dictionary<string, string>
        {
            ["channel"] = "hotline",
            ["reference"] = "1402 call 17:05",
            ["receivedBy"] = "Operator A. Example",
            ["account"] = account,
            ["reporterRelation"] = "relative",
            ["giveReceipt"] = "true",
        });
        var page = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.OK, page);
        var receipt = Regex.Match(page, "id=\"receipt\"[^>]*>([0-9 ]+)<").Groups[1].Value;
        receipt.Length.ShouldBe(19);
        var client = app.CreateClient(acceptLanguage: "en");
        var publicId = (await IntakeApi.ReadCaseAsync(client, await IntakeApi.OpenSessionAsync(client, receipt))).GetProperty("publicId").GetString()!;
        var stored = await app.WithDbAsync(db => db.Cases.AsNoTracking().SingleAsync(c => c.PublicId == publicId));
        stored.Channel.ShouldBe(IntakeChannel.Hotline);
        stored.ChannelDetailsCipher.ShouldNotBeNull();
        System.Text.Encoding.UTF8.GetString(stored.ChannelDetailsCipher).ShouldNotContain("Operator A. Example");
        var casePage = await intake.GetPageAsync($"/cases/{publicId}");
        casePage.ShouldContain(account);
        casePage.ShouldContain("Operator A. Example");
    }

    [Fact]
    public async Task A_recorded_complaint_with_problems_keeps_what_was_typed()
    {
        var intake = await SignInAsync("intake");
        var response = await intake.SubmitAsync("/intake/record", new Dictionary<string, string>
        {
            ["channel"] = "box",
            ["witnesses"] = "Two monitors",
            ["account"] = "",
            ["place"] = "Box in block 3",
        });
        var page = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        page.ShouldContain("id=\"err-account\"");
        page.ShouldContain("value=\"Two monitors\"");
        page.ShouldContain("value=\"Box in block 3\"");
    }

    private Task<StaffBrowser> SignInAsync(string account) => app.SignInAsync(account);

    private Task<Guid> CaseIdAsync(string publicId) =>
        app.WithDbAsync(db => db.Cases.Where(c => c.PublicId == publicId).Select(c => c.Id).SingleAsync());
}
