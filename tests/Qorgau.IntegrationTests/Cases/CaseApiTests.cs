using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Qorgau.Domain.Cases;
using Qorgau.IntegrationTests.Intake;
using static Qorgau.IntegrationTests.Cases.CaseApi;

namespace Qorgau.IntegrationTests.Cases;

/// <summary>
/// The staff case API as the issue describes it: a supervisor's token lists the organisation's cases,
/// assigns an investigator under the independence guard, and is told which actions the state allows.
/// The list's filters and pages, and the OpenAPI document.
/// </summary>
public sealed class CaseApiTests(DemoAppFactory app) : IClassFixture<DemoAppFactory>
{
    /// <summary>Closing on a withdrawal is offered only once a withdrawal was found voluntary.</summary>
    private static readonly string[] TriageActions = ["accept", "merge", "refer", "reject"];

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_supervisor_lists_a_new_complaint_assigns_an_independent_investigator_and_is_told_what_the_state_allows()
    {
        var client = app.CreateClient(acceptLanguage: "en");
        var token = await app.TokenAsync(SupervisorEmail);
        var filed = await FileAsync(client, facilityId: "demo-kz75-ivs-1");
        var facilityId = await app.WithDbAsync(db => db.Facilities.Where(f => f.Code == "demo-kz75-ivs-1").Select(f => f.Id).SingleAsync(Cancel));

        var list = await ListAsync(client, token);

        list.GetProperty("total").GetInt32().ShouldBeGreaterThanOrEqualTo(1);
        var item = list.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("publicId").GetString() == filed.PublicId);
        item.GetProperty("status").GetString().ShouldBe("received");
        item.GetProperty("region").GetString().ShouldBe("KZ-75");
        item.GetProperty("facilityId").GetGuid().ShouldBe(facilityId);
        item.GetProperty("accusedAgency").GetString().ShouldBe("police");
        var almaty = TimeZoneInfo.FindSystemTimeZoneById("Asia/Almaty");
        item.GetProperty("receivedOn").GetString().ShouldBeOneOf(
            [.. new[] { -5, 1 }.Select(m => TimeZoneInfo.ConvertTime(app.Clock.GetUtcNow().AddMinutes(m), almaty).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture))],
            "the day received, in the profile's time zone; the API holds no key, so no instant");

        var seconded = await AssignAsync(client, token, filed.PublicId, SecondedEmail, "investigator");
        var refusal = await ConflictAsync(seconded, "/independence");
        refusal.GetProperty("accusedAgency").GetString().ShouldBe("police");

        var assigned = await AssignAsync(client, token, filed.PublicId, InvestigatorEmail, "investigator");
        var body = await assigned.Content.ReadAsStringAsync(Cancel);
        assigned.StatusCode.ShouldBe(HttpStatusCode.Created, body);
        var assignment = JsonDocument.Parse(body).RootElement;
        assignment.GetProperty("user").GetString().ShouldBe(InvestigatorEmail);
        assignment.GetProperty("role").GetString().ShouldBe("investigator");
        assigned.Headers.Location!.OriginalString.ShouldBe(CaseUrl(filed.PublicId));

        var verdict = await ActionAsync(client, token, filed.PublicId, new
        {
            action = "verdict",
            sentences = new[] { new { agency = "police", outcome = "conviction", article = "146", custodialMonths = 36 } },
        });
        var notNow = await ConflictAsync(verdict, "/not-allowed-now");
        StateIn(notNow).ShouldBe("received");
        Strings(notNow.GetProperty("allowedActions")).ShouldBe(TriageActions);
        notNow.GetProperty("detail").GetString().ShouldBe("The case is received. Allowed now: accept, merge, refer, reject.");

        var read = await CaseAsync(client, token, filed.PublicId);
        read.GetProperty("status").GetString().ShouldBe("received", "the refused verdict changed nothing");
        read.GetProperty("assignments").EnumerateArray().Select(a => a.GetProperty("user").GetString()).ShouldBe([InvestigatorEmail]);
        EventKinds(read).ShouldContain(CaseEventKind.IndependenceRefused);
        EventKinds(read).ShouldContain(CaseEventKind.Assigned);
        EventKinds(read).ShouldNotContain("action.verdict");
    }

    /// <summary>
    /// RFC 9457: "status" is the HTTP status code, a number. The refusal also names the case's state;
    /// under the same name it makes the member appear twice, and a client that keeps the last one
    /// (JavaScript, Python) reads "received" where the 409 was.
    /// </summary>
    [Fact]
    public async Task A_refusal_keeps_status_as_the_one_numeric_http_status_and_names_the_case_state_apart()
    {
        var client = app.CreateClient(acceptLanguage: "en");
        var token = await app.TokenAsync(SupervisorEmail);
        var filed = await FileAsync(client);

        var response = await ActionAsync(client, token, filed.PublicId, new { action = "finalise" });

        var problem = await ConflictAsync(response, "/not-allowed-now");
        var statuses = Members(problem, "status");
        statuses.Count.ShouldBe(1, problem.GetRawText());
        statuses[0].ValueKind.ShouldBe(JsonValueKind.Number, problem.GetRawText());
        statuses[0].GetInt32().ShouldBe(409);
        problem.EnumerateObject().ShouldContain(p => p.Name != "status" && p.Value.ValueKind == JsonValueKind.String && p.Value.GetString() == "received", problem.GetRawText());
    }

    [Fact]
    public async Task The_list_filters_on_status_region_and_accused_agency()
    {
        var client = app.CreateClient(acceptLanguage: "en");
        var token = await app.TokenAsync(SupervisorEmail);
        var inAktobe = await FileAsync(client, facilityId: "demo-kz75-ivs-1");
        var prison = await FileAsync(client, accusedAgency: "penitentiary", region: "KZ-10");
        var anywhere = await FileAsync(client);
        await ActAsync(client, token, prison.PublicId, new { action = "accept" }, "admissible");

        var admissible = await ListAsync(client, token, "status=admissible");
        var region = await ListAsync(client, token, "region=KZ-75");
        var police = await ListAsync(client, token, "accusedAgency=police");
        var penitentiaryInKz10 = await ListAsync(client, token, "accusedAgency=penitentiary&region=KZ-10&status=admissible");

        PublicIds(admissible).ShouldContain(prison.PublicId);
        PublicIds(admissible).ShouldNotContain(inAktobe.PublicId);
        admissible.GetProperty("items").EnumerateArray().ShouldAllBe(i => i.GetProperty("status").GetString() == "admissible");
        PublicIds(region).ShouldContain(inAktobe.PublicId);
        PublicIds(region).ShouldNotContain(prison.PublicId);
        PublicIds(region).ShouldNotContain(anywhere.PublicId);
        region.GetProperty("items").EnumerateArray().ShouldAllBe(i => i.GetProperty("region").GetString() == "KZ-75");
        PublicIds(police).ShouldContain(inAktobe.PublicId);
        PublicIds(police).ShouldContain(anywhere.PublicId);
        PublicIds(police).ShouldNotContain(prison.PublicId);
        police.GetProperty("items").EnumerateArray().ShouldAllBe(i => i.GetProperty("accusedAgency").GetString() == "police");
        PublicIds(penitentiaryInKz10).ShouldContain(prison.PublicId);
        penitentiaryInKz10.GetProperty("total").GetInt32().ShouldBe(PublicIds(penitentiaryInKz10).Count);
        foreach (var list in new[] { admissible, region, police, penitentiaryInKz10 })
        {
            list.GetProperty("total").GetInt32().ShouldBe(list.GetProperty("items").GetArrayLength(), "every filtered list here fits on one page");
        }
    }

    [Fact]
    public async Task The_list_filters_on_facility_and_the_day_of_receipt()
    {
        var client = app.CreateClient(acceptLanguage: "en");
        var token = await app.TokenAsync(SupervisorEmail);
        var atFacility = await FileAsync(client, facilityId: "demo-kz75-ivs-1");
        var elsewhere = await FileAsync(client, region: "KZ-10");
        var facilityId = await app.WithDbAsync(db => db.Facilities.Where(f => f.Code == "demo-kz75-ivs-1").Select(f => f.Id).SingleAsync(Cancel));

        var byFacility = await ListAsync(client, token, $"facility={facilityId}&pageSize=200");
        var sinceLongAgo = await ListAsync(client, token, "receivedFrom=2000-01-01&pageSize=200");
        var untilLongAgo = await ListAsync(client, token, "receivedTo=2000-01-01");
        var fromNextYear = await ListAsync(client, token, $"receivedFrom={app.Today.Year + 1}-01-01");

        PublicIds(byFacility).ShouldContain(atFacility.PublicId);
        PublicIds(byFacility).ShouldNotContain(elsewhere.PublicId);
        byFacility.GetProperty("items").EnumerateArray().ShouldAllBe(i => i.GetProperty("facilityId").GetGuid() == facilityId);
        PublicIds(sinceLongAgo).ShouldContain(atFacility.PublicId);
        PublicIds(sinceLongAgo).ShouldContain(elsewhere.PublicId);
        untilLongAgo.GetProperty("total").GetInt32().ShouldBe(0);
        untilLongAgo.GetProperty("items").GetArrayLength().ShouldBe(0);
        fromNextYear.GetProperty("total").GetInt32().ShouldBe(0);
    }

    [Fact]
    public async Task Pages_keep_the_total_and_hold_page_size_items_each()
    {
        var client = app.CreateClient(acceptLanguage: "en");
        var token = await app.TokenAsync(SupervisorEmail);
        for (var i = 0; i < 5; i++)
        {
            await FileAsync(client, $"Paged complaint {i}.");
        }

        var all = await ListAsync(client, token, "pageSize=200");
        var first = await ListAsync(client, token, "page=1&pageSize=2");
        var second = await ListAsync(client, token, "page=2&pageSize=2");
        var oldestFirst = await ListAsync(client, token, "sort=oldest&pageSize=200");

        var total = all.GetProperty("total").GetInt32();
        total.ShouldBeGreaterThanOrEqualTo(5);
        all.GetProperty("items").GetArrayLength().ShouldBe(total);
        first.GetProperty("total").GetInt32().ShouldBe(total);
        second.GetProperty("total").GetInt32().ShouldBe(total);
        first.GetProperty("items").GetArrayLength().ShouldBe(2);
        second.GetProperty("items").GetArrayLength().ShouldBe(2);
        first.GetProperty("page").GetInt32().ShouldBe(1);
        second.GetProperty("page").GetInt32().ShouldBe(2);
        second.GetProperty("pageSize").GetInt32().ShouldBe(2);
        PublicIds(first).Concat(PublicIds(second)).ShouldBe(PublicIds(all).Take(4), "pages follow each other in the list's order (newest first)");
        PublicIds(oldestFirst).ShouldBe(Enumerable.Reverse(PublicIds(all)));
        (await ListAsync(client, token)).GetProperty("pageSize").GetInt32().ShouldBe(25, "the default page size");
    }

    [Fact]
    public async Task The_mine_queue_holds_the_cases_the_token_owner_is_assigned_to()
    {
        var client = app.CreateClient(acceptLanguage: "en");
        var supervisor = await app.TokenAsync(SupervisorEmail);
        var investigator = await app.TokenAsync(InvestigatorEmail);
        var assignedCase = await FileAsync(client, "Assigned.");
        var other = await FileAsync(client, "Not assigned.");
        (await AssignAsync(client, supervisor, assignedCase.PublicId, InvestigatorEmail, "investigator")).StatusCode.ShouldBe(HttpStatusCode.Created);

        var mine = await ListAsync(client, investigator, "queue=mine");
        var unassigned = await ListAsync(client, supervisor, "queue=unassigned");
        var supervisorsOwn = await ListAsync(client, supervisor, "queue=mine");

        PublicIds(mine).ShouldContain(assignedCase.PublicId);
        PublicIds(mine).ShouldNotContain(other.PublicId);
        mine.GetProperty("total").GetInt32().ShouldBe(PublicIds(mine).Count);
        foreach (var publicId in PublicIds(mine))
        {
            var read = await CaseAsync(client, investigator, publicId);
            read.GetProperty("assignments").EnumerateArray().ShouldContain(a => a.GetProperty("user").GetString() == InvestigatorEmail);
        }

        PublicIds(unassigned).ShouldContain(other.PublicId);
        PublicIds(unassigned).ShouldNotContain(assignedCase.PublicId);
        PublicIds(supervisorsOwn).ShouldNotContain(assignedCase.PublicId);
        PublicIds(await ListAsync(client, investigator)).ShouldContain(other.PublicId, "the organisation queue is the default");
    }

    [Theory]
    [InlineData("status=open", "status")]
    [InlineData("status=Received", "status")]
    [InlineData("region=KZ-99", "region")]
    [InlineData("accusedAgency=secret-police", "accusedAgency")]
    [InlineData("queue=everything", "queue")]
    [InlineData("page=0", "page")]
    [InlineData("pageSize=201", "pageSize")]
    [InlineData("pageSize=two", "pageSize")]
    [InlineData("receivedFrom=01.02.2025", "receivedFrom")]
    [InlineData("facility=not-a-guid", "facility")]
    [InlineData("sort=random", "sort")]
    public async Task A_filter_value_that_is_not_understood_is_a_400_naming_its_parameter(string query, string parameter)
    {
        var response = await GetAsync(app.CreateClient(acceptLanguage: "en"), $"{CasesUrl}?{query}", await app.TokenAsync(SupervisorEmail));

        var (problem, fields) = await IntakeApi.ValidationProblemAsync(response);
        fields.ShouldBe([parameter]);
        problem.GetProperty("title").GetString().ShouldBe("The request has invalid values.");
    }

    [Theory]
    [InlineData("""{}""", new[] { "user", "role" })]
    [InlineData("""{"user":"investigator@prosecutor.demo"}""", new[] { "role" })]
    [InlineData("""{"user":"investigator@prosecutor.demo","role":"boss"}""", new[] { "role" })]
    [InlineData("""{"user":"investigator@prosecutor.demo","role":"administrator"}""", new[] { "role" })]
    [InlineData("""{"user":"investigator@prosecutor.demo","role":"supervisor"}""", new[] { "user" })]
    [InlineData("""{"user":"caseworker@ngo-coalition.demo","role":"case-worker"}""", new[] { "user" })]
    [InlineData("""{"user":"nobody@prosecutor.demo","role":"investigator"}""", new[] { "user" })]
    [InlineData("""{"user":5,"role":"investigator"}""", new[] { "user" })]
    public async Task An_assignment_with_problems_is_a_400_naming_them_and_assigns_nobody(string body, string[] expected)
    {
        var client = app.CreateClient(acceptLanguage: "en");
        var token = await app.TokenAsync(SupervisorEmail);
        var filed = await FileAsync(client);

        var response = await IntakeApi.PostRawAsync(client, AssignmentsUrl(filed.PublicId), body, token: token);

        var (_, fields) = await IntakeApi.ValidationProblemAsync(response);
        fields.ShouldBe(expected, ignoreOrder: true);
        (await CaseAsync(client, token, filed.PublicId)).GetProperty("assignments").GetArrayLength().ShouldBe(0);
    }

    [Fact]
    public async Task The_investigator_seconded_from_the_police_may_work_on_a_case_against_another_agency()
    {
        var client = app.CreateClient(acceptLanguage: "en");
        var token = await app.TokenAsync(SupervisorEmail);

        // Not the prisons: the penal system committee belongs to the Interior Ministry, as the police do (issue 13).
        var filed = await FileAsync(client, accusedAgency: "health");

        var response = await AssignAsync(client, token, filed.PublicId, SecondedEmail, "investigator");

        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync(Cancel));
        PublicIds(await ListAsync(client, await app.TokenAsync(SecondedEmail), "queue=mine")).ShouldBe([filed.PublicId]);
    }

    [Fact]
    public async Task Assigning_the_same_person_in_the_same_role_twice_keeps_one_assignment()
    {
        var client = app.CreateClient(acceptLanguage: "en");
        var token = await app.TokenAsync(SupervisorEmail);
        var filed = await FileAsync(client);

        var first = await AssignAsync(client, token, filed.PublicId, InvestigatorEmail, "investigator");
        var second = await AssignAsync(client, token, filed.PublicId, InvestigatorEmail, "investigator");
        var deputy = await AssignAsync(client, token, filed.PublicId, "deputy@prosecutor.demo", "supervisor");

        first.StatusCode.ShouldBe(HttpStatusCode.Created);
        second.StatusCode.ShouldBe(HttpStatusCode.Created);
        deputy.StatusCode.ShouldBe(HttpStatusCode.Created);
        var read = await CaseAsync(client, token, filed.PublicId);
        read.GetProperty("assignments").EnumerateArray().Select(a => a.GetProperty("user").GetString()).ShouldBe([InvestigatorEmail, "deputy@prosecutor.demo"], ignoreOrder: true);
        EventKinds(read).Count(k => k == CaseEventKind.Assigned).ShouldBe(2);
    }

    [Fact]
    public async Task The_OpenAPI_document_describes_the_four_case_routes()
    {
        var response = await app.CreateClient(acceptLanguage: "en").GetAsync(IntakeApi.Path("/openapi/v1.json"), Cancel);
        var text = await response.Content.ReadAsStringAsync(Cancel);

        response.StatusCode.ShouldBe(HttpStatusCode.OK, text);
        var paths = JsonDocument.Parse(text).RootElement.GetProperty("paths");
        IntakeApi.PropertyNames(paths.GetProperty(CasesUrl)).ShouldContain("get");
        IntakeApi.PropertyNames(paths.GetProperty("/api/v1/cases/{publicId}")).ShouldContain("get");
        IntakeApi.PropertyNames(paths.GetProperty("/api/v1/cases/{publicId}/actions")).ShouldContain("post");
        IntakeApi.PropertyNames(paths.GetProperty("/api/v1/cases/{publicId}/assignments")).ShouldContain("post");
        IntakeApi.PropertyNames(paths.GetProperty("/api/v1/cases/{publicId}/assignments").GetProperty("post").GetProperty("responses")).ShouldContain("201");
        IntakeApi.PropertyNames(paths.GetProperty("/api/v1/cases/{publicId}/actions").GetProperty("post").GetProperty("responses")).ShouldContain("409");
        text.ShouldContain("\"registerNumber\"");
        text.ShouldContain("\"allowedActions\"");
    }
}
