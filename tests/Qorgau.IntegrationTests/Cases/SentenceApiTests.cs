using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Qorgau.Domain.Profiles;
using Qorgau.IntegrationTests.Intake;
using static Qorgau.IntegrationTests.Cases.CaseApi;

namespace Qorgau.IntegrationTests.Cases;

/// <summary>
/// The verdict's sentence on the staff API: every main penalty of the Code, the fine in МРП and in
/// tenge, suspended or not, as <c>POST .../actions</c> takes it and <c>GET /api/v1/cases/{publicId}</c> shows it.
/// </summary>
public sealed class SentenceApiTests(DemoAppFactory app) : IClassFixture<DemoAppFactory>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private HttpClient Client { get; } = app.CreateClient(acceptLanguage: "en");

    [Fact]
    public async Task Community_service_and_a_fine_in_monthly_indices_are_stored_and_read_back_with_the_fine_in_tenge()
    {
        var (token, publicId) = await InCourtAsync("362");
        var index = app.Services.GetRequiredService<JurisdictionProfile>().MonthlyIndex.On(app.Today).ShouldNotBeNull("the profile has the МРП of the date of the act");

        await ActAsync(Client, token, publicId, Verdict(new { agency = "police", outcome = "conviction", article = "362", communityServiceHours = 240, fineMrp = 50, banFromOfficeMonths = 12 }), "verdict");

        var sentence = SingleSentence(await CaseAsync(Client, token, publicId));
        sentence.GetProperty("communityServiceHours").GetInt32().ShouldBe(240);
        sentence.GetProperty("fineMrp").GetDecimal().ShouldBe(50m);
        sentence.GetProperty("fineIndexTenge").GetDecimal().ShouldBe(index.Tenge);
        sentence.GetProperty("fine").GetDecimal().ShouldBe(50m * index.Tenge);
        sentence.GetProperty("banFromOfficeMonths").GetInt32().ShouldBe(12);
        sentence.GetProperty("custodialMonths").ValueKind.ShouldBe(JsonValueKind.Null);
        sentence.GetProperty("suspended").GetBoolean().ShouldBeFalse();
        Strings(sentence.GetProperty("mainPenalties")).ShouldBe(["fine", "community-service"]);
    }

    [Fact]
    public async Task A_fine_given_in_tenge_is_kept_as_given_beside_its_monthly_indices()
    {
        var (token, publicId) = await InCourtAsync("362");

        await ActAsync(Client, token, publicId, Verdict(new { agency = "police", outcome = "conviction", article = "362", fine = 123456.78m, fineMrp = 30 }), "verdict");

        var sentence = SingleSentence(await CaseAsync(Client, token, publicId));
        sentence.GetProperty("fine").GetDecimal().ShouldBe(123456.78m);
        sentence.GetProperty("fineMrp").GetDecimal().ShouldBe(30m);
        sentence.GetProperty("fineIndexTenge").ValueKind.ShouldBe(JsonValueKind.Null);
    }

    [Fact]
    public async Task A_suspended_restriction_of_liberty_and_correctional_labour_are_recorded_with_the_existing_fields_unchanged()
    {
        var (token, publicId) = await InCourtAsync("362");

        await ActAsync(Client, token, publicId, Verdict(
            new { agency = "police", outcome = "conviction", article = "362", restrictionOfLibertyMonths = 24, suspended = true },
            new { agency = "police", outcome = "conviction", article = "362", correctionalLabourMonths = 12, correctionalLabourMrp = 150 }), "verdict");

        var sentences = (await CaseAsync(Client, token, publicId)).GetProperty("proceeding").GetProperty("sentences").EnumerateArray().ToList();
        var restricted = sentences.Single(s => s.GetProperty("restrictionOfLibertyMonths").ValueKind == JsonValueKind.Number);
        restricted.GetProperty("restrictionOfLibertyMonths").GetInt32().ShouldBe(24);
        restricted.GetProperty("suspended").GetBoolean().ShouldBeTrue();
        Strings(restricted.GetProperty("mainPenalties")).ShouldBe(["restriction-of-liberty"]);
        var labour = sentences.Single(s => s.GetProperty("correctionalLabourMonths").ValueKind == JsonValueKind.Number);
        (labour.GetProperty("correctionalLabourMonths").GetInt32(), labour.GetProperty("correctionalLabourMrp").GetDecimal()).ShouldBe((12, 150m));
        labour.GetProperty("suspended").GetBoolean().ShouldBeFalse();
    }

    [Fact]
    public async Task Two_main_penalties_for_one_official_are_a_400_naming_the_graver_and_nothing_is_stored()
    {
        var (token, publicId) = await InCourtAsync("362");

        var response = await ActionAsync(Client, token, publicId, Verdict(
            new { agency = "police", outcome = "conviction", article = "362", custodialMonths = 36, fine = 100000 },
            new { agency = "police", outcome = "conviction", article = "362", restrictionOfLibertyMonths = 12, correctionalLabourMonths = 6 }));

        var (problem, fields) = await IntakeApi.ValidationProblemAsync(response);
        fields.ShouldBe(["sentences[1].restrictionOfLibertyMonths"]);
        IntakeApi.ErrorText(problem, "sentences[1].restrictionOfLibertyMonths").ShouldBe("Only one main penalty per conviction: imprisonment, restriction of liberty, correctional labour and community service exclude each other.");
        var read = await CaseAsync(Client, token, publicId);
        read.GetProperty("status").GetString().ShouldBe("in-court");
        read.GetProperty("proceeding").GetProperty("sentences").GetArrayLength().ShouldBe(0);
    }

    [Fact]
    public async Task A_suspended_sentence_without_imprisonment_or_restriction_of_liberty_is_a_400_and_an_acquittal_carries_no_penalty()
    {
        var (token, publicId) = await InCourtAsync("362");

        var response = await ActionAsync(Client, token, publicId, Verdict(
            new { agency = "police", outcome = "conviction", article = "362", communityServiceHours = 100, suspended = true },
            new { agency = "police", outcome = "acquittal", article = (string?)null, communityServiceHours = 100, suspended = false }));

        var (_, fields) = await IntakeApi.ValidationProblemAsync(response);
        fields.ShouldBe(["sentences[0].custodialMonths", "sentences[1].outcome"], ignoreOrder: true);
    }

    [Theory]
    [InlineData("""{"action":"verdict","sentences":[{"communityServiceHours":"many"}]}""", "sentences[0].communityServiceHours")]
    [InlineData("""{"action":"verdict","sentences":[{"fineMrp":"fifty"}]}""", "sentences[0].fineMrp")]
    [InlineData("""{"action":"verdict","sentences":[{"restrictionOfLibertyMonths":1.5}]}""", "sentences[0].restrictionOfLibertyMonths")]
    public async Task A_penalty_that_cannot_be_read_is_a_400_naming_it(string body, string field)
    {
        var (token, publicId) = await InCourtAsync("362");

        var response = await IntakeApi.PostRawAsync(Client, ActionsUrl(publicId), body, token: token);

        var text = await response.Content.ReadAsStringAsync(Cancel);
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, text);
        IntakeApi.PropertyNames(JsonDocument.Parse(text).RootElement.GetProperty("errors")).ShouldBe([field], text);
    }

    private static object Verdict(params object[] sentences) => new { action = "verdict", sentences };

    private static JsonElement SingleSentence(JsonElement json) =>
        json.GetProperty("proceeding").GetProperty("sentences").EnumerateArray().ShouldHaveSingleItem();

    /// <summary>A new complaint against the police, accepted, registered under the article and sent to court.</summary>
    private async Task<(string Token, string PublicId)> InCourtAsync(string article)
    {
        var token = await app.TokenAsync(SupervisorEmail);
        var filed = await FileAsync(Client);
        await ActAsync(Client, token, filed.PublicId, new { action = "accept" }, "admissible");
        await ActAsync(Client, token, filed.PublicId, new { action = "register", registerNumber = $"R-{Guid.NewGuid():N}"[..20], article }, "registered");
        await ActAsync(Client, token, filed.PublicId, new { action = "indict" }, "in-court");
        return (token, filed.PublicId);
    }
}
