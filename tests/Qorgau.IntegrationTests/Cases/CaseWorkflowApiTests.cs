using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Qorgau.Domain.Cases;
using Qorgau.IntegrationTests.Infrastructure;
using Qorgau.IntegrationTests.Intake;
using Qorgau.Web.Infrastructure.CommandLine;
using static Qorgau.IntegrationTests.Cases.CaseApi;

namespace Qorgau.IntegrationTests.Cases;

/// <summary>
/// <c>POST /api/v1/cases/{publicId}/actions</c>: a case walked from receipt to a final verdict, the
/// timeline and its replay, and the rules (2023 torture bars, consent, independence, withdrawal
/// safeguard) as an API client meets them: 400 per field, 409 for the state, never a 500.
/// </summary>
public sealed class CaseWorkflowApiTests(DemoAppFactory app) : IClassFixture<DemoAppFactory>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    /// <summary>After tomorrow wherever "today" is counted.</summary>
    private string InTwoDays => app.Day(2);

    private HttpClient Client { get; } = app.CreateClient(acceptLanguage: "en");

    [Fact]
    public async Task A_case_walks_from_receipt_to_a_final_verdict_and_every_step_is_on_its_timeline()
    {
        var token = await app.TokenAsync(SupervisorEmail);
        var filed = await FileAsync(Client);
        var received = await CaseAsync(Client, token, filed.PublicId);
        received.GetProperty("status").GetString().ShouldBe("received");
        received.GetProperty("organisation").GetString().ShouldBe("prosecutor");
        received.GetProperty("proceeding").ValueKind.ShouldBe(JsonValueKind.Null);
        EventKinds(received).ShouldContain(CaseEventKind.Received);
        var timeline = EventKinds(received);

        async Task<JsonElement> StepAsync(object body, string action, string status)
        {
            var json = await ActAsync(Client, token, filed.PublicId, body, status);
            var kinds = EventKinds(json);
            kinds.Count.ShouldBeGreaterThan(timeline.Count, action);
            kinds.Take(timeline.Count).ShouldBe(timeline, "the timeline only grows");
            kinds.Last(k => k.StartsWith("action.", StringComparison.Ordinal)).ShouldBe($"action.{action}");
            var step = json.GetProperty("events").EnumerateArray().Last(e => e.GetProperty("kind").GetString() == $"action.{action}");
            step.GetProperty("actor").GetString().ShouldBe(SupervisorEmail);
            step.GetProperty("detail").GetProperty("to").GetString().ShouldBe(status);
            (await CaseAsync(Client, token, filed.PublicId)).GetProperty("status").GetString().ShouldBe(status, "as read again");
            timeline = kinds;
            return json;
        }

        var admissible = await StepAsync(new { action = "accept" }, "accept", "admissible");
        Strings(admissible.GetProperty("allowedActions")).ShouldContain("register");

        var registered = await StepAsync(new { action = "register", registerNumber = "2541-0001-17", article = "146-1" }, "register", "registered");
        var proceeding = registered.GetProperty("proceeding");
        proceeding.GetProperty("registerNumber").GetString().ShouldBe("2541-0001-17");
        proceeding.GetProperty("articleAtRegistration").GetString().ShouldBe("146-1");
        proceeding.GetProperty("currentArticle").GetString().ShouldBe("146-1");

        var requalified = await StepAsync(new { action = "requalify", article = "362", reason = "The medical examination found no lasting harm." }, "requalify", "registered");
        proceeding = requalified.GetProperty("proceeding");
        proceeding.GetProperty("articleAtRegistration").GetString().ShouldBe("146-1");
        proceeding.GetProperty("currentArticle").GetString().ShouldBe("362");
        var qualification = proceeding.GetProperty("qualifications").EnumerateArray().Last();
        qualification.GetProperty("article").GetString().ShouldBe("362");
        qualification.GetProperty("previousArticle").GetString().ShouldBe("146-1");
        qualification.GetProperty("reason").GetString().ShouldBe("The medical examination found no lasting harm.");

        var inCourt = await StepAsync(new { action = "indict", court = "Aktobe city court No. 2" }, "indict", "in-court");
        inCourt.GetProperty("proceeding").GetProperty("court").GetString().ShouldBe("Aktobe city court No. 2");

        var verdict = await StepAsync(
            new { action = "verdict", sentences = new[] { new { agency = "police", position = "duty officer", rank = "captain", outcome = "conviction", article = "362", custodialMonths = 36 } } },
            "verdict",
            "verdict");
        var sentence = verdict.GetProperty("proceeding").GetProperty("sentences").EnumerateArray().ShouldHaveSingleItem();
        sentence.GetProperty("outcome").GetString().ShouldBe("conviction");
        sentence.GetProperty("custodialMonths").GetInt32().ShouldBe(36);
        sentence.GetProperty("suspended").GetBoolean().ShouldBeFalse();
        sentence.GetProperty("onAppeal").GetBoolean().ShouldBeFalse();
        var official = verdict.GetProperty("proceeding").GetProperty("officials").EnumerateArray().ShouldHaveSingleItem();
        official.GetProperty("agency").GetString().ShouldBe("police");
        sentence.GetProperty("official").GetGuid().ShouldBe(official.GetProperty("id").GetGuid());
        EventKinds(verdict).ShouldContain(CaseEventKind.OfficialAdded);

        var appeal = await StepAsync(new { action = "appeal", appealBy = "defence" }, "appeal", "appeal");
        appeal.GetProperty("proceeding").GetProperty("appealedBy").GetString().ShouldBe("defence");

        var final = await StepAsync(new { action = "finalise" }, "finalise", "final");
        final.GetProperty("proceeding").GetProperty("finalOn").GetString().ShouldNotBeNull();
        final.GetProperty("allowedActions").GetArrayLength().ShouldBe(0);

        var events = final.GetProperty("events").EnumerateArray().ToList();
        var registeredAt = events.Single(e => e.GetProperty("kind").GetString() == "action.register").GetProperty("at").GetDateTimeOffset();
        var requalifiedAt = events.Single(e => e.GetProperty("kind").GetString() == "action.requalify").GetProperty("at").GetDateTimeOffset();
        requalifiedAt.ShouldBeGreaterThan(registeredAt);
        var beforeRequalification = registeredAt + ((requalifiedAt - registeredAt) / 2);

        var then = (await CaseAsync(Client, token, filed.PublicId, beforeRequalification.ToString("O", CultureInfo.InvariantCulture))).GetProperty("asOf");
        var asOfNow = app.Clock.GetUtcNow();
        var now = (await CaseAsync(Client, token, filed.PublicId, asOfNow.ToString("O", CultureInfo.InvariantCulture))).GetProperty("asOf");
        var atFiling = (await CaseAsync(Client, token, filed.PublicId, events[0].GetProperty("at").GetDateTimeOffset().AddSeconds(-1).ToString("O", CultureInfo.InvariantCulture))).GetProperty("asOf");

        then.GetProperty("status").GetString().ShouldBe("registered");
        then.GetProperty("article").GetString().ShouldBe("146-1");
        now.GetProperty("status").GetString().ShouldBe("final");
        now.GetProperty("article").GetString().ShouldBe("362");
        // Every reading through the API is an "accessed" event (issue 13): count the timeline as it stood at asOfNow.
        var stood = (await CaseAsync(Client, token, filed.PublicId)).GetProperty("events").EnumerateArray();
        now.GetProperty("events").GetInt32().ShouldBe(stood.Count(e => e.GetProperty("at").GetDateTimeOffset() <= asOfNow));
        atFiling.GetProperty("status").GetString().ShouldBe("received");
        atFiling.GetProperty("events").GetInt32().ShouldBe(0);
        (await CaseAsync(Client, token, filed.PublicId)).GetProperty("asOf").ValueKind.ShouldBe(JsonValueKind.Null);
    }

    [Fact]
    public async Task The_appeal_court_gives_a_new_verdict_on_the_same_official_and_a_plea_agreement_is_kept()
    {
        var token = await app.TokenAsync(SupervisorEmail);
        var publicId = await RegisteredAsync(token, "146");
        await ActAsync(Client, token, publicId, new { action = "indict" }, "in-court");
        var first = await ActAsync(Client, token, publicId, new
        {
            action = "verdict",
            pleaAgreement = true,
            sentences = new[] { new { agency = "police", outcome = "conviction", article = "146", custodialMonths = 60, banFromOfficeMonths = 36 } },
        }, "verdict");
        var officialId = first.GetProperty("proceeding").GetProperty("officials")[0].GetProperty("id").GetGuid();
        await ActAsync(Client, token, publicId, new { action = "appeal", appealBy = "prosecution" }, "appeal");

        var second = await ActAsync(Client, token, publicId, new { action = "verdict", sentences = new[] { new { official = officialId, outcome = "acquittal" } } }, "verdict");

        var proceeding = second.GetProperty("proceeding");
        proceeding.GetProperty("pleaAgreement").GetBoolean().ShouldBeTrue();
        proceeding.GetProperty("officials").GetArrayLength().ShouldBe(1);
        var sentences = proceeding.GetProperty("sentences").EnumerateArray().ToList();
        sentences.Count.ShouldBe(2);
        sentences.ShouldAllBe(s => s.GetProperty("official").GetGuid() == officialId);
        sentences.Single(s => !s.GetProperty("onAppeal").GetBoolean()).GetProperty("banFromOfficeMonths").GetInt32().ShouldBe(36);
        var onAppeal = sentences.Single(s => s.GetProperty("onAppeal").GetBoolean());
        onAppeal.GetProperty("outcome").GetString().ShouldBe("acquittal");
        onAppeal.GetProperty("custodialMonths").ValueKind.ShouldBe(JsonValueKind.Null);
        Strings(second.GetProperty("allowedActions")).ShouldBe(["appeal", "finalise"]);
        second.GetProperty("events").EnumerateArray().Last(e => e.GetProperty("kind").GetString() == "action.verdict")
            .GetProperty("detail").GetProperty("on-appeal").GetString().ShouldBe("true");
        await ActAsync(Client, token, publicId, new { action = "finalise" }, "final");
    }

    [Fact]
    public async Task An_asOf_that_is_not_an_instant_is_a_400_naming_asOf()
    {
        var filed = await FileAsync(Client);

        var response = await GetAsync(Client, $"{CaseUrl(filed.PublicId)}?asOf=last-tuesday", await app.TokenAsync(SupervisorEmail));

        (await IntakeApi.ValidationProblemAsync(response)).Fields.ShouldBe(["asOf"]);
    }

    [Fact]
    public async Task Amnesty_cannot_end_a_case_under_the_torture_article_and_nothing_changes()
    {
        var token = await app.TokenAsync(SupervisorEmail);
        var publicId = await RegisteredAsync(token, "146");

        var response = await ActionAsync(Client, token, publicId, new { action = "terminate", reason = "amnesty" });

        var (problem, fields) = await IntakeApi.ValidationProblemAsync(response);
        fields.ShouldBe(["reason"]);
        IntakeApi.ErrorText(problem, "reason").ShouldBe("A case under a torture article cannot be terminated on this ground for an act committed on or after the 2023 amendment (amnesty, limitation, reconciliation and active repentance are barred; the date of the act is the incident date, or the received date when there is none).");
        problem.GetProperty("title").GetString().ShouldBe("The action has problems; nothing was changed. Each field's problem is listed under 'errors'.");
        var read = await CaseAsync(Client, token, publicId);
        read.GetProperty("status").GetString().ShouldBe("registered");
        read.GetProperty("proceeding").GetProperty("terminationReason").ValueKind.ShouldBe(JsonValueKind.Null);
        EventKinds(read).ShouldNotContain("action.terminate");
    }

    [Fact]
    public async Task A_case_under_the_torture_article_may_still_be_terminated_for_no_corpus_delicti_and_reopened()
    {
        var token = await app.TokenAsync(SupervisorEmail);
        var publicId = await RegisteredAsync(token, "146");

        var terminated = await ActAsync(Client, token, publicId, new { action = "terminate", reason = "no-corpus-delicti" }, "terminated");
        var reopened = await ActAsync(Client, token, publicId, new { action = "reopen", reason = "New witness statement." }, "registered");

        terminated.GetProperty("proceeding").GetProperty("terminationReason").GetString().ShouldBe("no-corpus-delicti");
        reopened.GetProperty("proceeding").GetProperty("terminationReason").ValueKind.ShouldBe(JsonValueKind.Null);
    }

    [Fact]
    public async Task A_suspended_sentence_for_torture_is_a_400_naming_that_sentence()
    {
        var token = await app.TokenAsync(SupervisorEmail);
        var publicId = await RegisteredAsync(token, "146");
        await ActAsync(Client, token, publicId, new { action = "indict" }, "in-court");

        var response = await ActionAsync(Client, token, publicId, new
        {
            action = "verdict",
            sentences = new object[]
            {
                new { agency = "police", outcome = "conviction", article = "146", custodialMonths = 24, suspended = true },
            },
        });

        var (problem, fields) = await IntakeApi.ValidationProblemAsync(response);
        fields.ShouldBe(["sentences[0].suspended"]);
        IntakeApi.ErrorText(problem, "sentences[0].suspended").ShouldBe("A conviction for an act of torture committed on or after the 2023 amendment cannot carry a suspended sentence (the date of the act is the incident date, or the received date when there is none).");
        var read = await CaseAsync(Client, token, publicId);
        read.GetProperty("status").GetString().ShouldBe("in-court");
        read.GetProperty("proceeding").GetProperty("officials").GetArrayLength().ShouldBe(0, "a refused verdict adds no official");
        read.GetProperty("proceeding").GetProperty("sentences").GetArrayLength().ShouldBe(0);
    }

    [Fact]
    public async Task Every_problem_of_a_verdict_is_named_at_once()
    {
        var token = await app.TokenAsync(SupervisorEmail);
        var publicId = await RegisteredAsync(token, "146");
        await ActAsync(Client, token, publicId, new { action = "indict" }, "in-court");

        var response = await ActionAsync(Client, token, publicId, new
        {
            action = "verdict",
            sentences = new object[]
            {
                new { agency = "police", outcome = "conviction", article = "146", custodialMonths = 601 },
                new { agency = "secret-police", outcome = "acquittal", fine = 100 },
                new { official = Guid.NewGuid(), outcome = "conviction", article = "999" },
            },
        });

        var (_, fields) = await IntakeApi.ValidationProblemAsync(response);
        fields.ShouldBe(["sentences[0].custodialMonths", "sentences[1].agency", "sentences[1].outcome", "sentences[2].official", "sentences[2].article"], ignoreOrder: true);
    }

    [Theory]
    [InlineData("this is not JSON", "body")]
    [InlineData("""{"action": "accept" """, "body")]
    [InlineData("""["accept"]""", "body")]
    [InlineData("", "body")]
    [InlineData("""{}""", "action")]
    [InlineData("""{"action":""}""", "action")]
    [InlineData("""{"action":["accept"]}""", "action")]
    [InlineData("""{"action":7}""", "action")]
    [InlineData("""{"action":"fly"}""", "action")]
    [InlineData("""{"action":"ACCEPT"}""", "action")]
    [InlineData("""{"action":"accept","on":"yesterday"}""", "on")]
    [InlineData("""{"action":"accept","on":"2025-13-45"}""", "on")]
    [InlineData("""{"action":"accept","on":"2020-01-01"}""", "on")]
    [InlineData("""{"action":"accept","on":20250101}""", "on")]
    [InlineData("""{"action":"register","registerNumber":"1","article":146}""", "article")]
    [InlineData("""{"action":"register","registerNumber":7,"article":"146"}""", "registerNumber")]
    [InlineData("""{"action":"verdict","pleaAgreement":"yes"}""", "pleaAgreement")]
    [InlineData("""{"action":"appeal","appealBy":"judge"}""", "appealBy")]
    [InlineData("""{"action":"appeal","appealBy":1}""", "appealBy")]
    [InlineData("""{"action":"verdict","sentences":"all of them"}""", "sentences")]
    [InlineData("""{"action":"verdict","sentences":[{"custodialMonths":"three years"}]}""", "sentences[0].custodialMonths")]
    [InlineData("""{"action":"verdict","sentences":[{"outcome":"guilty"}]}""", "sentences[0].outcome")]
    [InlineData("""{"action":"verdict","sentences":[{"official":"not-a-guid"}]}""", "sentences[0].official")]
    public async Task A_body_that_cannot_be_read_is_a_400_never_a_500(string body, string field)
    {
        var token = await app.TokenAsync(SupervisorEmail);
        var filed = await FileAsync(Client);

        var response = await IntakeApi.PostRawAsync(Client, ActionsUrl(filed.PublicId), body, token: token);

        var text = await response.Content.ReadAsStringAsync(Cancel);
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, text);
        var problem = JsonDocument.Parse(text).RootElement;
        if (field == "body")
        {
            problem.GetProperty("detail").GetString().ShouldBe("The body must be a JSON object.");
        }
        else
        {
            IntakeApi.PropertyNames(problem.GetProperty("errors")).ShouldBe([field], text);
        }

        (await CaseAsync(Client, token, filed.PublicId)).GetProperty("status").GetString().ShouldBe("received");
    }

    [Fact]
    public async Task A_decision_dated_in_the_future_is_a_400_naming_on()
    {
        var token = await app.TokenAsync(SupervisorEmail);
        var filed = await FileAsync(Client);

        var (problem, fields) = await IntakeApi.ValidationProblemAsync(await ActionAsync(Client, token, filed.PublicId, new { action = "accept", on = InTwoDays }));

        fields.ShouldBe(["on"]);
        IntakeApi.ErrorText(problem, "on").ShouldBe("The date cannot be in the future.");
    }

    [Fact]
    public async Task An_article_no_longer_in_force_or_the_same_article_again_is_a_400_naming_article()
    {
        var token = await app.TokenAsync(SupervisorEmail);
        var admissible = await FileAsync(Client);
        await ActAsync(Client, token, admissible.PublicId, new { action = "accept" }, "admissible");
        var registered = await RegisteredAsync(token, "146");

        var old = await IntakeApi.ValidationProblemAsync(await ActionAsync(Client, token, admissible.PublicId, new { action = "register", registerNumber = "1", article = "141-1" }));
        var same = await IntakeApi.ValidationProblemAsync(await ActionAsync(Client, token, registered, new { action = "requalify", article = "146", reason = "No change." }));
        var unknown = await IntakeApi.ValidationProblemAsync(await ActionAsync(Client, token, registered, new { action = "requalify", article = "999", reason = "x" }));
        var noReason = await IntakeApi.ValidationProblemAsync(await ActionAsync(Client, token, registered, new { action = "requalify", article = "362" }));

        old.Fields.ShouldBe(["article"]);
        IntakeApi.ErrorText(old.Problem, "article").ShouldBe("This article was not in force on that date.");
        same.Fields.ShouldBe(["article"]);
        unknown.Fields.ShouldBe(["article"]);
        noReason.Fields.ShouldBe(["reason"]);
    }

    [Fact]
    public async Task A_referral_without_the_complainants_consent_is_a_400_naming_organisation()
    {
        var token = await app.TokenAsync(SupervisorEmail);
        var filed = await FileAsync(Client, consentToShare: false);

        var (problem, fields) = await IntakeApi.ValidationProblemAsync(await ActionAsync(Client, token, filed.PublicId, new { action = "refer", organisation = "ngo-coalition" }));

        fields.ShouldBe(["organisation"]);
        IntakeApi.ErrorText(problem, "organisation").ShouldBe("The complainant did not consent to sharing the case: it cannot be referred.");
        (await CaseAsync(Client, token, filed.PublicId)).GetProperty("organisation").GetString().ShouldBe("prosecutor");
    }

    [Fact]
    public async Task A_referral_to_an_organisation_affiliated_with_the_accused_agency_is_a_409_independence_problem()
    {
        var token = await app.TokenAsync(SupervisorEmail);
        var filed = await FileAsync(Client, consentToShare: true);

        var problem = await ConflictAsync(await ActionAsync(Client, token, filed.PublicId, new { action = "refer", organisation = "police-security" }), "/independence");

        problem.GetProperty("accusedAgency").GetString().ShouldBe("police");
        var read = await CaseAsync(Client, token, filed.PublicId);
        read.GetProperty("status").GetString().ShouldBe("received");
        read.GetProperty("organisation").GetString().ShouldBe("prosecutor");
    }

    /// <summary>
    /// A token holds no key, so a referral through the API cannot seal the case key to the receiver:
    /// the case waits, frozen, until a member of the referring organisation who holds the key opens it.
    /// The handover then moves it and removes the referring members' own copies.
    /// </summary>
    [Fact]
    public async Task A_referral_through_the_api_waits_for_the_key_handover_then_belongs_to_the_other_organisation()
    {
        var token = await app.TokenAsync(SupervisorEmail);
        var deputy = await app.TokenAsync("deputy@prosecutor.demo");
        var coalition = await app.TokenAsync("caseworker@ngo-coalition.demo");
        var filed = await FileAsync(Client, consentToShare: true);
        (await AssignAsync(Client, token, filed.PublicId, InvestigatorEmail, "investigator")).StatusCode.ShouldBe(HttpStatusCode.Created);

        var referred = await ActAsync(Client, token, filed.PublicId, new { action = "refer", organisation = "ngo-coalition" }, "referred");

        referred.GetProperty("organisation").GetString().ShouldBe("prosecutor", "the key has not reached the receiver yet");
        referred.GetProperty("pendingReferralTo").GetString().ShouldBe("ngo-coalition");
        referred.GetProperty("allowedActions").GetArrayLength().ShouldBe(0);
        referred.GetProperty("assignments").GetArrayLength().ShouldBe(0, "the case left its people's queues");
        EventKinds(referred).ShouldContain(CaseEventKind.Unassigned);
        var frozen = await ActionAsync(Client, deputy, filed.PublicId, new { action = "reject", reason = "other" });
        frozen.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await frozen.Content.ReadAsStringAsync(Cancel)).ShouldContain(CaseProblemCode.ReferralPending);
        (await GetAsync(Client, CaseUrl(filed.PublicId), coalition)).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        var supervisor = new StaffBrowser(app.CreateClient(acceptLanguage: "en"));
        await supervisor.SignInAndEnrolAsync(SupervisorEmail, DemoVerb.DemoPassword);
        (await supervisor.GetAsync($"/cases/{filed.PublicId}")).StatusCode.ShouldBe(HttpStatusCode.OK);

        (await GetAsync(Client, CaseUrl(filed.PublicId), token)).StatusCode.ShouldBe(HttpStatusCode.NotFound, "the case now belongs to ngo-coalition");
        (await ActionAsync(Client, deputy, filed.PublicId, new { action = "reject", reason = "other" })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var received = await CaseAsync(Client, coalition, filed.PublicId);
        received.GetProperty("organisation").GetString().ShouldBe("ngo-coalition");
        received.GetProperty("status").GetString().ShouldBe("referred");
        EventKinds(received).ShouldContain(CaseEventKind.ReferralHandedOver);
        PublicIds(await ListAsync(Client, coalition, "status=referred")).ShouldContain(filed.PublicId);
        PublicIds(await ListAsync(Client, token, "pageSize=200")).ShouldNotContain(filed.PublicId);
    }

    [Fact]
    public async Task A_duplicate_merges_into_another_case_of_the_organisation_and_the_target_records_it()
    {
        var token = await app.TokenAsync(SupervisorEmail);
        var target = await FileAsync(Client, "The first account of the beating.");
        var duplicate = await FileAsync(Client, "The same beating, told again.");

        var merged = await ActAsync(Client, token, duplicate.PublicId, new { action = "merge", into = target.PublicId.ToLowerInvariant() }, "merged");

        merged.GetProperty("allowedActions").GetArrayLength().ShouldBe(0);
        merged.GetProperty("events").EnumerateArray().Last(e => e.GetProperty("kind").GetString() == "action.merge")
            .GetProperty("detail").GetProperty("into").GetString().ShouldBe(target.PublicId);
        var read = await CaseAsync(Client, token, target.PublicId);
        read.GetProperty("status").GetString().ShouldBe("received");
        var mergedFrom = read.GetProperty("events").EnumerateArray().Single(e => e.GetProperty("kind").GetString() == CaseEventKind.MergedFrom);
        mergedFrom.GetProperty("detail").GetProperty("from").GetString().ShouldBe(duplicate.PublicId);
        mergedFrom.GetProperty("actor").GetString().ShouldBe(SupervisorEmail);
    }

    [Fact]
    public async Task A_merge_into_itself_a_closed_case_another_organisations_case_or_no_case_is_a_400_naming_into()
    {
        var token = await app.TokenAsync(SupervisorEmail);
        var source = await FileAsync(Client);
        var closed = await FileAsync(Client);
        await ActAsync(Client, token, closed.PublicId, new { action = "reject", reason = "other" }, "out-of-scope");
        var elsewhere = await FileAsync(Client, organisation: "ngo-coalition");

        foreach (var into in new[] { source.PublicId, closed.PublicId, elsewhere.PublicId, "QG-0000-0000", string.Empty })
        {
            var (_, fields) = await IntakeApi.ValidationProblemAsync(await ActionAsync(Client, token, source.PublicId, new { action = "merge", into }));
            fields.ShouldBe(["into"], into);
        }

        (await CaseAsync(Client, token, source.PublicId)).GetProperty("status").GetString().ShouldBe("received");
    }

    [Fact]
    public async Task A_complaint_that_is_not_about_ill_treatment_is_rejected_as_out_of_scope()
    {
        var token = await app.TokenAsync(SupervisorEmail);
        var filed = await FileAsync(Client);

        var rejected = await ActAsync(Client, token, filed.PublicId, new { action = "reject", reason = "not-ill-treatment" }, "out-of-scope");

        rejected.GetProperty("outOfScopeReason").GetString().ShouldBe("not-ill-treatment");
        rejected.GetProperty("allowedActions").GetArrayLength().ShouldBe(0);
        var problem = await ConflictAsync(await ActionAsync(Client, token, filed.PublicId, new { action = "accept" }), "/not-allowed-now");
        StateIn(problem).ShouldBe("out-of-scope");
        problem.GetProperty("allowedActions").GetArrayLength().ShouldBe(0);
        problem.GetProperty("detail").GetString()!.ShouldContain("nothing (the case is closed)");
        var complainant = await IntakeApi.ReadCaseAsync(Client, await IntakeApi.OpenSessionAsync(Client, filed.Receipt));
        complainant.GetProperty("status").GetString().ShouldBe(ComplainantStatus.OutOfScope, "the complainant learns the case was decided");
    }

    [Fact]
    public async Task A_reject_with_a_reason_not_on_the_list_is_a_400_naming_reason()
    {
        var token = await app.TokenAsync(SupervisorEmail);
        var filed = await FileAsync(Client);

        (await IntakeApi.ValidationProblemAsync(await ActionAsync(Client, token, filed.PublicId, new { action = "reject", reason = "boring" }))).Fields.ShouldBe(["reason"]);
        (await IntakeApi.ValidationProblemAsync(await ActionAsync(Client, token, filed.PublicId, new { action = "reject" }))).Fields.ShouldBe(["reason"]);
    }

    [Fact]
    public async Task While_a_withdrawal_waits_for_its_follow_up_interview_the_case_cannot_be_ended()
    {
        var token = await app.TokenAsync(SupervisorEmail);
        var filed = await FileAsync(Client);
        var session = await IntakeApi.OpenSessionAsync(Client, filed.Receipt);
        var withdrawal = await IntakeApi.PostAsync(Client, IntakeApi.WithdrawalUrl, new { reason = "I want to stop." }, session);
        withdrawal.StatusCode.ShouldBe(HttpStatusCode.Accepted, await withdrawal.Content.ReadAsStringAsync(Cancel));

        var reject = await ConflictAsync(await ActionAsync(Client, token, filed.PublicId, new { action = "reject", reason = "other" }), "/not-allowed-now");
        var withdraw = await ConflictAsync(await ActionAsync(Client, token, filed.PublicId, new { action = "withdraw" }), "/not-allowed-now");

        reject.GetProperty("reason").GetString().ShouldBe("follow-up-pending");
        reject.GetProperty("detail").GetString()!.ShouldStartWith("A withdrawal is waiting for its confidential follow-up interview");
        StateIn(reject).ShouldBe("received");
        withdraw.GetProperty("reason").GetString().ShouldBe("follow-up-pending");
        var read = await CaseAsync(Client, token, filed.PublicId);
        read.GetProperty("status").GetString().ShouldBe("received");
        var pending = read.GetProperty("withdrawals").EnumerateArray().ShouldHaveSingleItem();
        pending.GetProperty("requestedBy").GetString().ShouldBe("complainant");
        pending.GetProperty("outcome").ValueKind.ShouldBe(JsonValueKind.Null);
        read.GetRawText().ShouldNotContain("I want to stop.");
        EventKinds(read).ShouldContain(CaseEventKind.WithdrawalRequested);
        await ActAsync(Client, token, filed.PublicId, new { action = "accept" }, "admissible");
    }

    [Fact]
    public async Task A_terminate_while_a_withdrawal_waits_is_refused_too()
    {
        var token = await app.TokenAsync(SupervisorEmail);
        var filed = await FileAsync(Client);
        await ActAsync(Client, token, filed.PublicId, new { action = "accept" }, "admissible");
        await ActAsync(Client, token, filed.PublicId, new { action = "register", registerNumber = "W-1", article = "362" }, "registered");
        var session = await IntakeApi.OpenSessionAsync(Client, filed.Receipt);
        (await IntakeApi.PostAsync(Client, IntakeApi.WithdrawalUrl, new { }, session)).StatusCode.ShouldBe(HttpStatusCode.Accepted);

        var problem = await ConflictAsync(await ActionAsync(Client, token, filed.PublicId, new { action = "terminate", reason = "reconciliation" }), "/not-allowed-now");

        problem.GetProperty("reason").GetString().ShouldBe("follow-up-pending");
        StateIn(problem).ShouldBe("registered");
    }

    [Fact]
    public async Task Withdraw_without_any_withdrawal_found_voluntary_is_a_409()
    {
        var token = await app.TokenAsync(SupervisorEmail);
        var filed = await FileAsync(Client);

        var problem = await ConflictAsync(await ActionAsync(Client, token, filed.PublicId, new { action = "withdraw" }), "/not-allowed-now");

        problem.GetProperty("reason").GetString().ShouldBe("no-voluntary-withdrawal");
    }

    [Fact]
    public async Task Every_refused_action_leaves_the_database_as_it_was()
    {
        var token = await app.TokenAsync(SupervisorEmail);
        var filed = await FileAsync(Client);
        var caseId = (await IntakeApi.CaseAsync(app, filed.PublicId)).Id;
        var eventsBefore = await app.WithDbAsync(db => db.CaseEvents.CountAsync(e => e.CaseId == caseId, Cancel));

        await ActionAsync(Client, token, filed.PublicId, new { action = "verdict", sentences = new[] { new { agency = "police", outcome = "acquittal" } } });
        await ActionAsync(Client, token, filed.PublicId, new { action = "register", registerNumber = "1", article = "146" });
        await ActionAsync(Client, token, filed.PublicId, new { action = "reject", reason = "boring" });

        (await app.WithDbAsync(db => db.CaseEvents.CountAsync(e => e.CaseId == caseId, Cancel))).ShouldBe(eventsBefore);
        (await app.WithDbAsync(db => db.AccusedOfficials.CountAsync(o => o.CaseId == caseId, Cancel))).ShouldBe(0);
        (await app.WithDbAsync(db => db.Proceedings.CountAsync(p => p.CaseId == caseId, Cancel))).ShouldBe(0);
    }

    /// <summary>
    /// A client that sends the same action twice at once (a retry, a double click in an integration)
    /// gets one change: the second request must see the first one's status, not the one both read.
    /// </summary>
    [Theory]
    [InlineData("accept")]
    [InlineData("register")]
    public async Task The_same_action_sent_several_times_at_once_is_applied_once(string action)
    {
        var token = await app.TokenAsync(SupervisorEmail);
        var filed = await FileAsync(Client);
        if (action == "register")
        {
            await ActAsync(Client, token, filed.PublicId, new { action = "accept" }, "admissible");
        }

        var body = new { action, registerNumber = "C-1", article = "146" };
        var responses = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => ActionAsync(app.CreateClient(acceptLanguage: "en"), token, filed.PublicId, body)));

        var statuses = responses.Select(r => r.StatusCode).ToList();
        statuses.ShouldNotContain(HttpStatusCode.InternalServerError);
        statuses.Count(s => s == HttpStatusCode.OK).ShouldBe(1, string.Join(", ", statuses));
        statuses.Count(s => s == HttpStatusCode.Conflict).ShouldBe(9, string.Join(", ", statuses));
        EventKinds(await CaseAsync(Client, token, filed.PublicId)).Count(k => k == $"action.{action}").ShouldBe(1);
    }

    /// <summary>A new complaint against the police, accepted and registered under the article; its case number.</summary>
    private async Task<string> RegisteredAsync(string token, string article)
    {
        var filed = await FileAsync(Client);
        await ActAsync(Client, token, filed.PublicId, new { action = "accept" }, "admissible");
        await ActAsync(Client, token, filed.PublicId, new { action = "register", registerNumber = $"R-{Guid.NewGuid():N}"[..20], article }, "registered");
        return filed.PublicId;
    }
}
