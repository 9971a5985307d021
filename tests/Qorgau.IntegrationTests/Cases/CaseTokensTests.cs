using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qorgau.Data;
using Qorgau.IntegrationTests.Infrastructure;
using Qorgau.IntegrationTests.Intake;
using Qorgau.Web.Infrastructure.Security;
using static Qorgau.IntegrationTests.Cases.CaseApi;

namespace Qorgau.IntegrationTests.Cases;

/// <summary>
/// Who the staff case API answers: a live personal access token of a member who works on cases, for
/// the cases of their organisation only. No token or a dead one is 401; analysts and administrators
/// 403; another organisation's case 404. No answer carries the complaint's encrypted content.
/// </summary>
public sealed class CaseTokensTests(DemoAppFactory app) : IClassFixture<DemoAppFactory>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Without_a_token_every_case_route_is_401_with_a_bearer_challenge()
    {
        var client = app.CreateClient(acceptLanguage: "en");
        var filed = await FileAsync(client);

        var responses = new[]
        {
            await GetAsync(client, CaseUrl(filed.PublicId), token: null),
            await GetAsync(client, CasesUrl, token: null),
            await IntakeApi.PostAsync(client, ActionsUrl(filed.PublicId), new { action = "accept" }),
            await IntakeApi.PostAsync(client, AssignmentsUrl(filed.PublicId), new { user = InvestigatorEmail, role = "investigator" }),
        };

        foreach (var response in responses)
        {
            var body = await response.Content.ReadAsStringAsync(Cancel);
            response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized, body);
            response.Headers.WwwAuthenticate.ToString().ShouldBe("Bearer");
            body.ShouldNotContain(filed.PublicId);
        }

        var stored = await IntakeApi.CaseAsync(app, filed.PublicId);
        stored.Status.ShouldBe(Qorgau.Domain.Cases.CaseStatus.Received);
        (await app.WithDbAsync(db => db.CaseAssignments.CountAsync(a => a.CaseId == stored.Id, Cancel))).ShouldBe(0);
    }

    [Theory]
    [InlineData("qgt_not-a-token")]
    [InlineData("garbage")]
    [InlineData("")]
    public async Task An_unknown_token_is_401(string token)
    {
        var client = app.CreateClient(acceptLanguage: "en");
        var filed = await FileAsync(client);

        (await GetAsync(client, CaseUrl(filed.PublicId), token)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await GetAsync(client, CasesUrl, token)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_receipt_session_token_is_no_staff_token()
    {
        var client = app.CreateClient(acceptLanguage: "en");
        var filed = await FileAsync(client);
        var session = await IntakeApi.OpenSessionAsync(client, filed.Receipt);

        (await GetAsync(client, CaseUrl(filed.PublicId), session)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Theory]
    [InlineData("analyst@npm.demo")]
    [InlineData("admin@demo")]
    public async Task Analysts_and_administrators_are_refused_with_403_on_every_case_route(string email)
    {
        var client = app.CreateClient(acceptLanguage: "en");
        var filed = await FileAsync(client, organisation: "npm");
        var token = await app.TokenAsync(email);

        var responses = new[]
        {
            await GetAsync(client, CaseUrl(filed.PublicId), token),
            await GetAsync(client, CasesUrl, token),
            await ActionAsync(client, token, filed.PublicId, new { action = "accept" }),
            await AssignAsync(client, token, filed.PublicId, "monitor@npm.demo", "monitor"),
        };

        foreach (var response in responses)
        {
            var body = await response.Content.ReadAsStringAsync(Cancel);
            response.StatusCode.ShouldBe(HttpStatusCode.Forbidden, body);
            body.ShouldNotContain(filed.PublicId);
        }

        (await IntakeApi.CaseAsync(app, filed.PublicId)).Status.ShouldBe(Qorgau.Domain.Cases.CaseStatus.Received);
    }

    [Theory]
    [InlineData("caseworker@ngo-coalition.demo")]
    [InlineData("investigator@police-security.demo")]
    [InlineData("supervisor@npm.demo")]
    public async Task Another_organisations_member_finds_no_such_case(string email)
    {
        var client = app.CreateClient(acceptLanguage: "en");
        var filed = await FileAsync(client, accusedAgency: "penitentiary");
        var token = await app.TokenAsync(email);

        var read = await GetAsync(client, CaseUrl(filed.PublicId), token);
        var act = await ActionAsync(client, token, filed.PublicId, new { action = "accept" });
        var assign = await AssignAsync(client, token, filed.PublicId, email, "investigator");
        var list = await ListAsync(client, token, "pageSize=200");

        foreach (var response in new[] { read, act, assign })
        {
            var problem = await IntakeApi.ProblemAsync(response, HttpStatusCode.NotFound);
            problem.GetProperty("detail").GetString().ShouldBe("There is no case with this number that you may see.");
        }

        PublicIds(list).ShouldNotContain(filed.PublicId);
        (await IntakeApi.CaseAsync(app, filed.PublicId)).Status.ShouldBe(Qorgau.Domain.Cases.CaseStatus.Received);
        (await CaseAsync(client, await app.TokenAsync(SupervisorEmail), filed.PublicId)).GetProperty("assignments").GetArrayLength().ShouldBe(0);
    }

    [Fact]
    public async Task A_case_number_that_does_not_exist_is_the_same_404()
    {
        var token = await app.TokenAsync(SupervisorEmail);

        var problem = await IntakeApi.ProblemAsync(await GetAsync(app.CreateClient(acceptLanguage: "en"), CaseUrl("QG-0000-0000"), token), HttpStatusCode.NotFound);

        problem.GetProperty("detail").GetString().ShouldBe("There is no case with this number that you may see.");
    }

    [Fact]
    public async Task The_case_number_is_read_in_any_case_of_letters()
    {
        var client = app.CreateClient(acceptLanguage: "en");
        var filed = await FileAsync(client);

        var read = await CaseAsync(client, await app.TokenAsync(SupervisorEmail), filed.PublicId.ToLowerInvariant());

        read.GetProperty("publicId").GetString().ShouldBe(filed.PublicId);
    }

    [Fact]
    public async Task A_revoked_token_is_401_at_once()
    {
        var client = app.CreateClient(acceptLanguage: "en");
        var filed = await FileAsync(client);
        var token = await app.CreateTokenAsync(SupervisorEmail);
        await CaseAsync(client, token, filed.PublicId);

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var user = await scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>().FindByEmailAsync(SupervisorEmail);
            var tokens = scope.ServiceProvider.GetRequiredService<PersonalAccessTokens>();
            var record = (await tokens.ListAsync(user!.Id, Cancel)).Single(t => token.StartsWith(t.Prefix, StringComparison.Ordinal));
            (await tokens.RevokeAsync(user.Id, record.Id, Cancel)).ShouldBeTrue();
        }

        (await GetAsync(client, CaseUrl(filed.PublicId), token)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await GetAsync(client, CasesUrl, token)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await ActionAsync(client, token, filed.PublicId, new { action = "accept" })).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        await CaseAsync(client, await app.TokenAsync(SupervisorEmail), filed.PublicId);
    }

    /// <summary>Anyone can make sign-ins fail; that must not switch off an account's API access (issue 13).</summary>
    [Fact]
    public async Task A_locked_out_accounts_token_keeps_working()
    {
        var client = app.CreateClient(acceptLanguage: "en");
        var filed = await FileAsync(client);
        const string deputy = "deputy@prosecutor.demo";
        var token = await app.CreateTokenAsync(deputy);
        await CaseAsync(client, token, filed.PublicId);

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
            var user = await users.FindByEmailAsync(deputy);
            (await users.SetLockoutEndDateAsync(user!, app.Clock.GetUtcNow().AddHours(1))).Succeeded.ShouldBeTrue();
        }

        (await GetAsync(client, CaseUrl(filed.PublicId), token)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_token_is_stored_only_as_a_hash_and_its_use_is_recorded()
    {
        var token = await app.CreateTokenAsync(SupervisorEmail);
        await ListAsync(app.CreateClient(acceptLanguage: "en"), token);

        var record = await app.WithDbAsync(db => db.PersonalAccessTokens.AsNoTracking().SingleAsync(t => t.Prefix == token.Substring(0, 12), Cancel));
        record.TokenHash.ShouldBe(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(token)));
        record.LastUsedAtUtc.ShouldNotBeNull();
        record.Name.ShouldBe("test");
    }

    [Fact]
    public async Task No_answer_of_the_case_api_carries_the_complaints_encrypted_content()
    {
        var client = app.CreateClient(acceptLanguage: "en");
        var canary = $"CASE-API-CANARY-{Guid.NewGuid():N}";
        var filed = await IntakeApi.FileAsync(client, new
        {
            account = $"Account {canary}",
            organisation = "prosecutor",
            accusedAgency = "police",
            place = $"Place {canary}",
            contact = $"Contact {canary}",
            contactAllowed = true,
            facilityId = "demo-kz75-ivs-1",
        });
        var message = await IntakeApi.PostAsync(client, IntakeApi.MessagesUrl, new { text = $"Message {canary}" }, await IntakeApi.OpenSessionAsync(client, filed.Receipt));
        message.StatusCode.ShouldBe(HttpStatusCode.Created);
        var token = await app.TokenAsync(SupervisorEmail);

        var bodies = new List<string>
        {
            await (await GetAsync(client, CaseUrl(filed.PublicId), token)).Content.ReadAsStringAsync(Cancel),
            await (await GetAsync(client, $"{CaseUrl(filed.PublicId)}?asOf={Uri.EscapeDataString(app.Clock.GetUtcNow().ToString("o"))}", token)).Content.ReadAsStringAsync(Cancel),
            await (await GetAsync(client, $"{CasesUrl}?pageSize=200", token)).Content.ReadAsStringAsync(Cancel),
            await (await ActionAsync(client, token, filed.PublicId, new { action = "accept" })).Content.ReadAsStringAsync(Cancel),
        };

        bodies[0].ShouldContain(filed.PublicId);
        JsonDocument.Parse(bodies[3]).RootElement.GetProperty("status").GetString().ShouldBe("admissible");
        foreach (var body in bodies)
        {
            body.ShouldNotContain(canary);
        }
    }

    [Fact]
    public async Task A_monitor_reads_but_does_not_act_and_an_investigator_acts_but_does_not_assign()
    {
        var client = app.CreateClient(acceptLanguage: "en");
        var npmCase = await FileAsync(client, organisation: "npm", accusedAgency: "penitentiary");
        var prosecutorCase = await FileAsync(client);
        var monitor = await app.TokenAsync(DemoAccounts.Email("monitor"));
        var investigator = await app.TokenAsync(InvestigatorEmail);

        await CaseAsync(client, monitor, npmCase.PublicId);
        var monitorActs = await IntakeApi.ProblemAsync(await ActionAsync(client, monitor, npmCase.PublicId, new { action = "accept" }), HttpStatusCode.Forbidden);
        await ActAsync(client, investigator, prosecutorCase.PublicId, new { action = "accept" }, "admissible");
        var investigatorAssigns = await IntakeApi.ProblemAsync(await AssignAsync(client, investigator, prosecutorCase.PublicId, InvestigatorEmail, "investigator"), HttpStatusCode.Forbidden);

        monitorActs.GetProperty("detail").GetString().ShouldBe("Your role does not take this action.");
        investigatorAssigns.GetProperty("detail").GetString().ShouldBe("Only a supervisor assigns people to cases.");
        (await IntakeApi.CaseAsync(app, npmCase.PublicId)).Status.ShouldBe(Qorgau.Domain.Cases.CaseStatus.Received);
    }
}
