using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Qorgau.Domain.Cases;
using static Qorgau.IntegrationTests.Intake.IntakeApi;

namespace Qorgau.IntegrationTests.Intake;

/// <summary><c>POST /api/v1/complaints</c>: what a valid complaint stores, and how each kind of bad input is refused.</summary>
public sealed class ComplaintFilingTests(DemoAppFactory app) : IClassFixture<DemoAppFactory>
{
    private static readonly string[] TwoMethods = ["beating", "positional"];
    private static readonly string[] TwoVulnerabilities = ["disability", "foreign-national"];
    private static readonly string[] KnownAndUnknownMethod = ["beating", "tickling"];

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    /// <summary>Tomorrow and after, wherever "today" is counted (the profile's time zone is UTC+5).</summary>
    private string InTwoDays => app.Day(2);

    [Fact]
    public async Task A_complaint_with_only_an_account_is_filed_with_a_case_number_a_receipt_and_a_location()
    {
        var client = app.CreateClient(acceptLanguage: "en");
        var before = await CaseCountAsync(app);

        var response = await PostAsync(client, ComplaintsUrl, new { account = "They beat me at the station." });
        var body = await response.Content.ReadAsStringAsync(Cancel);

        response.StatusCode.ShouldBe(HttpStatusCode.Created, body);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/json");
        response.Headers.Location!.OriginalString.ShouldBe("/api/v1/receipt/case");
        var json = JsonDocument.Parse(body).RootElement;
        PropertyNames(json).ShouldBe(["publicId", "receipt"], ignoreOrder: true);
        json.GetProperty("publicId").GetString()!.ShouldMatch("^QG-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$");
        json.GetProperty("receipt").GetString()!.ShouldMatch("^[0-9]{16}$");
        (await CaseCountAsync(app)).ShouldBe(before + 1);

        var stored = await CaseAsync(app, json.GetProperty("publicId").GetString()!);
        var particulars = await ParticularsAsync(app, new FiledComplaint(stored.PublicId, json.GetProperty("receipt").GetString()!));
        stored.Status.ShouldBe(CaseStatus.Received);
        stored.Channel.ShouldBe(IntakeChannel.Online);
        particulars.Language.ShouldBe("en", "no language given: the request's");
        stored.OrganisationId.ShouldBe(await OrganisationIdAsync(app, "npm"), "the default intake organisation");
        stored.ReceiptLookup.ShouldNotBeNull();
        particulars.ContactAllowed.ShouldBe(false);
        stored.ConsentToShare.ShouldBeFalse();
    }

    [Fact]
    public async Task Two_complaints_get_different_case_numbers_and_receipts()
    {
        var client = app.CreateClient(acceptLanguage: "en");

        var first = await FileAsync(client, "First account.");
        var second = await FileAsync(client, "Second account.");

        second.PublicId.ShouldNotBe(first.PublicId);
        second.Receipt.ShouldNotBe(first.Receipt);
    }

    [Fact]
    public async Task Every_optional_field_is_stored_as_given()
    {
        var client = app.CreateClient(acceptLanguage: "ru");

        var filed = await FileAsync(client, new
        {
            account = "Меня били в изоляторе.",
            language = "kk",
            organisation = "ngo-coalition",
            reporterRelation = "relative",
            incidentFrom = "2025-03-14",
            incidentTo = "2025-03-15",
            region = "KZ-75",
            facilityId = "demo-kz75-ivs-1",
            place = "камера 4",
            accusedAgency = "police",
            illTreatment = "torture",
            methods = TwoMethods,
            victimSex = "male",
            victimAgeBand = "18-24",
            victimLegalStatus = "detained-suspect",
            vulnerabilities = TwoVulnerabilities,
            victimStillHeld = true,
            contact = "+7 700 000 00 00",
            contactAllowed = true,
            consentToShare = true,
        });

        var stored = await CaseAsync(app, filed.PublicId);
        var particulars = await ParticularsAsync(app, filed);
        var facilityId = await app.WithDbAsync(db => db.Facilities.Where(f => f.Code == "demo-kz75-ivs-1").Select(f => f.Id).SingleAsync());
        particulars.Language.ShouldBe("kk");
        stored.OrganisationId.ShouldBe(await OrganisationIdAsync(app, "ngo-coalition"));
        particulars.ReporterRelation.ShouldBe(ReporterRelation.Relative);
        stored.IncidentFrom.ShouldBe(new DateOnly(2025, 3, 14));
        stored.IncidentTo.ShouldBe(new DateOnly(2025, 3, 15));
        stored.RegionCode.ShouldBe("KZ-75");
        stored.FacilityId.ShouldBe(facilityId);
        stored.AccusedAgencyCode.ShouldBe("police");
        stored.IllTreatmentCode.ShouldBe("torture");
        stored.MethodCodes.ShouldBe(["beating", "positional"], ignoreOrder: true);
        stored.VictimSex.ShouldBe(VictimSex.Male);
        stored.VictimAgeBand.ShouldBe("18-24");
        stored.VictimLegalStatus.ShouldBe("detained-suspect");
        stored.Vulnerabilities.ShouldBe(["disability", "foreign-national"], ignoreOrder: true);
        particulars.VictimStillHeld.ShouldBe(true);
        stored.IsUrgent.ShouldBeTrue("the victim is still held");
        particulars.ContactAllowed.ShouldBe(true);
        stored.ConsentToShare.ShouldBeTrue();
        stored.PlaceCipher.ShouldNotBeNull();
        stored.ContactCipher.ShouldNotBeNull();
    }

    [Fact]
    public async Task A_facility_may_be_named_by_its_registry_id_and_gives_the_case_its_region()
    {
        var facility = await app.WithDbAsync(db => db.Facilities.Where(f => f.Code == "demo-kz75-ivs-1").Select(f => new { f.Id, f.RegionCode }).SingleAsync());

        var filed = await FileAsync(app.CreateClient(acceptLanguage: "en"), new { account = "At the isolator.", facilityId = facility.Id.ToString() });

        var stored = await CaseAsync(app, filed.PublicId);
        stored.FacilityId.ShouldBe(facility.Id);
        stored.RegionCode.ShouldBe(facility.RegionCode);
    }

    [Fact]
    public async Task An_account_of_exactly_the_maximum_length_is_accepted_and_one_character_more_is_refused()
    {
        var client = app.CreateClient(acceptLanguage: "en");

        await FileAsync(client, new string('а', 20_000));
        var before = await CaseCountAsync(app);
        var response = await PostAsync(client, ComplaintsUrl, new { account = new string('а', 20_001) });

        var (problem, fields) = await ValidationProblemAsync(response);
        fields.ShouldBe(["account"]);
        ErrorText(problem, "account").ShouldContain("20000");
        (await CaseCountAsync(app)).ShouldBe(before);
    }

    [Fact]
    public async Task Every_bad_field_of_a_complaint_is_named_at_once_and_nothing_is_stored()
    {
        var client = app.CreateClient(acceptLanguage: "en");
        var before = await CaseCountAsync(app);

        var response = await PostAsync(client, ComplaintsUrl, new
        {
            account = string.Empty,
            language = "de",
            reporterRelation = "neighbour",
            incidentFrom = InTwoDays,
            incidentTo = "15.03.2025",
            region = "KZ-99",
            facilityId = "no-such-facility",
            methods = KnownAndUnknownMethod,
            vulnerabilities = "minor",
            victimStillHeld = "yes",
            contactAllowed = "true",
        });

        var (problem, fields) = await ValidationProblemAsync(response);
        fields.ShouldBe(
            ["account", "language", "reporterRelation", "incidentFrom", "incidentTo", "region", "facilityId", "methods", "vulnerabilities", "victimStillHeld", "contactAllowed"],
            ignoreOrder: true);
        ErrorText(problem, "region").ShouldContain("KZ-99");
        ErrorText(problem, "methods").ShouldContain("tickling");
        ErrorText(problem, "methods").ShouldNotContain("beating");
        ErrorText(problem, "incidentFrom").ShouldContain(InTwoDays);
        ErrorText(problem, "facilityId").ShouldContain("no-such-facility");
        problem.GetProperty("title").GetString().ShouldBe("The complaint has problems; nothing was stored. Each field's problem is listed under 'errors'.");
        (await CaseCountAsync(app)).ShouldBe(before);
    }

    [Theory]
    [InlineData("""{}""", "account")]
    [InlineData("""{"account":""}""", "account")]
    [InlineData("""{"account":"   "}""", "account")]
    [InlineData("""{"account":null}""", "account")]
    [InlineData("""{"account":42}""", "account")]
    [InlineData("""{"account":"x","language":"de"}""", "language")]
    [InlineData("""{"account":"x","organisation":"no-such-organisation"}""", "organisation")]
    [InlineData("""{"account":"x","organisation":"legal-aid"}""", "organisation")]
    [InlineData("""{"account":"x","reporterRelation":"neighbour"}""", "reporterRelation")]
    [InlineData("""{"account":"x","incidentFrom":"2025-13-01"}""", "incidentFrom")]
    [InlineData("""{"account":"x","incidentTo":"yesterday"}""", "incidentTo")]
    [InlineData("""{"account":"x","incidentFrom":"2025-05-02","incidentTo":"2025-05-01"}""", "incidentTo")]
    [InlineData("""{"account":"x","region":"KZ-99"}""", "region")]
    [InlineData("""{"account":"x","region":75}""", "region")]
    [InlineData("""{"account":"x","facilityId":"no-such-facility"}""", "facilityId")]
    [InlineData("""{"account":"x","facilityId":"00000000-0000-0000-0000-000000000001"}""", "facilityId")]
    [InlineData("""{"account":"x","facilityId":"demo-kz75-ivs-1","region":"KZ-10"}""", "facilityId")]
    [InlineData("""{"account":"x","accusedAgency":"secret-police"}""", "accusedAgency")]
    [InlineData("""{"account":"x","illTreatment":"mild"}""", "illTreatment")]
    [InlineData("""{"account":"x","methods":["beating","tickling"]}""", "methods")]
    [InlineData("""{"account":"x","methods":"beating"}""", "methods")]
    [InlineData("""{"account":"x","methods":[1]}""", "methods")]
    [InlineData("""{"account":"x","victimSex":"other"}""", "victimSex")]
    [InlineData("""{"account":"x","victimAgeBand":"30"}""", "victimAgeBand")]
    [InlineData("""{"account":"x","victimLegalStatus":"prisoner"}""", "victimLegalStatus")]
    [InlineData("""{"account":"x","vulnerabilities":["minor","left-handed"]}""", "vulnerabilities")]
    [InlineData("""{"account":"x","victimStillHeld":"yes"}""", "victimStillHeld")]
    [InlineData("""{"account":"x","contactAllowed":"true"}""", "contactAllowed")]
    [InlineData("""{"account":"x","consentToShare":1}""", "consentToShare")]
    public async Task One_bad_field_is_a_400_naming_that_field_only_and_nothing_is_stored(string body, string field)
    {
        var before = await CaseCountAsync(app);

        var response = await PostRawAsync(app.CreateClient(acceptLanguage: "en"), ComplaintsUrl, body);

        var (_, fields) = await ValidationProblemAsync(response);
        fields.ShouldBe([field]);
        (await CaseCountAsync(app)).ShouldBe(before);
    }

    [Fact]
    public async Task A_place_or_contact_longer_than_500_characters_is_named()
    {
        var before = await CaseCountAsync(app);

        var response = await PostAsync(app.CreateClient(acceptLanguage: "en"), ComplaintsUrl, new { account = "x", place = new string('p', 501), contact = new string('c', 501) });

        var (_, fields) = await ValidationProblemAsync(response);
        fields.ShouldBe(["place", "contact"], ignoreOrder: true);
        (await CaseCountAsync(app)).ShouldBe(before);
    }

    [Theory]
    [InlineData("this is not JSON", "application/json")]
    [InlineData("""{"account": "unterminated""", "application/json")]
    [InlineData("""["account"]""", "application/json")]
    [InlineData("\"account\"", "application/json")]
    [InlineData("", "application/json")]
    public async Task A_body_that_is_not_a_JSON_object_is_a_400_problem(string body, string mediaType)
    {
        var before = await CaseCountAsync(app);

        var response = await PostRawAsync(app.CreateClient(acceptLanguage: "en"), ComplaintsUrl, body, mediaType);

        var problem = await ProblemAsync(response, HttpStatusCode.BadRequest);
        problem.GetProperty("detail").GetString().ShouldBe("The body must be a JSON object.");
        (await CaseCountAsync(app)).ShouldBe(before);
    }

    [Fact]
    public async Task Problems_are_explained_in_the_request_language()
    {
        var russian = app.CreateClient(acceptLanguage: "ru");
        var kazakh = app.CreateClient(acceptLanguage: "kk");

        var (invalid, _) = await ValidationProblemAsync(await PostAsync(russian, ComplaintsUrl, new { account = "", region = "KZ-99" }));
        var notJson = await ProblemAsync(await PostRawAsync(russian, ComplaintsUrl, "not json"), HttpStatusCode.BadRequest);
        var (kazakhProblem, _) = await ValidationProblemAsync(await PostAsync(kazakh, ComplaintsUrl, new { account = "" }));

        invalid.GetProperty("title").GetString().ShouldBe("В жалобе есть ошибки; ничего не сохранено. Ошибка каждого поля указана в 'errors'.");
        ErrorText(invalid, "account").ShouldBe("Заполните это поле.");
        ErrorText(invalid, "region").ShouldContain("KZ-99");
        HasCyrillic(ErrorText(invalid, "region")).ShouldBeTrue();
        notJson.GetProperty("detail").GetString().ShouldBe("Тело запроса должно быть объектом JSON.");
        HasCyrillic(notJson.GetProperty("title").GetString()).ShouldBeTrue();
        kazakhProblem.GetProperty("title").GetString()!.ShouldStartWith("Шағымда қателер бар");
    }

    [Fact]
    public async Task A_complaint_in_a_request_of_an_unsupported_language_falls_back_to_Russian()
    {
        var filed = await FileAsync(app.CreateClient(acceptLanguage: "de"), "Ein Bericht.");

        (await ParticularsAsync(app, filed)).Language.ShouldBe("ru");
    }

    [Fact]
    public async Task A_form_encoded_complaint_is_refused_as_an_unsupported_media_type()
    {
        var before = await CaseCountAsync(app);

        var response = await PostRawAsync(app.CreateClient(acceptLanguage: "en"), ComplaintsUrl, "account=x", "application/x-www-form-urlencoded");

        await ProblemAsync(response, HttpStatusCode.UnsupportedMediaType);
        (await CaseCountAsync(app)).ShouldBe(before);
    }
}
