using System.Net;
using Microsoft.EntityFrameworkCore;
using Qorgau.IntegrationTests.Intake;
using static Qorgau.IntegrationTests.Cases.CaseApi;

namespace Qorgau.IntegrationTests.Cases;

/// <summary>
/// Finding a case by what a caller reads out over the phone: its case number, or the number the state gave
/// it in the pre-trial register; and filtering by a facility picked from a list of names.
/// </summary>
public sealed class CaseSearchTests(DemoAppFactory app) : IClassFixture<DemoAppFactory>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private HttpClient Client { get; } = app.CreateClient(acceptLanguage: "en");

    private async Task<(string PublicId, string RegisterNumber)> RegisteredAsync(string token)
    {
        var filed = await FileAsync(Client);
        var registerNumber = $"2475{Random.Shared.NextInt64(10_000_000_000, 99_999_999_999)}";
        await ActAsync(Client, token, filed.PublicId, new { action = "accept" }, "admissible");
        await ActAsync(Client, token, filed.PublicId, new { action = "register", registerNumber, article = "146-2" }, "registered");
        return (filed.PublicId, registerNumber);
    }

    [Fact]
    public async Task The_list_finds_a_case_by_its_number_or_part_of_it_in_any_letter_case_and_by_its_register_number()
    {
        var token = await app.TokenAsync(SupervisorEmail);
        var (publicId, registerNumber) = await RegisteredAsync(token);
        var other = await FileAsync(Client);

        PublicIds(await ListAsync(Client, token, $"q={publicId}")).ShouldBe([publicId]);
        PublicIds(await ListAsync(Client, token, $"q={publicId[3..].ToLowerInvariant()}")).ShouldBe([publicId]);
        PublicIds(await ListAsync(Client, token, $"q={registerNumber}")).ShouldBe([publicId]);
        PublicIds(await ListAsync(Client, token, $"q={registerNumber[^9..]}")).ShouldBe([publicId]);
        PublicIds(await ListAsync(Client, token, $"q={other.PublicId}")).ShouldBe([other.PublicId]);
        PublicIds(await ListAsync(Client, token, "q=QG-NONE-SUCH")).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_search_longer_than_any_number_is_a_400_naming_q()
    {
        var response = await GetAsync(Client, $"{CasesUrl}?q={new string('7', CaseListFilterLimit + 1)}", await app.TokenAsync(SupervisorEmail));

        var (_, fields) = await IntakeApi.ValidationProblemAsync(response);
        fields.ShouldBe(["q"]);
    }

    [Fact]
    public async Task The_case_page_searches_by_register_number_and_picks_the_facility_from_a_list_of_names()
    {
        var token = await app.TokenAsync(SupervisorEmail);
        var (publicId, registerNumber) = await RegisteredAsync(token);
        var atFacility = await FileAsync(Client, facilityId: "demo-kz75-ivs-1");
        var facility = await app.WithDbAsync(db => db.Facilities.Where(f => f.Code == "demo-kz75-ivs-1").SingleAsync(Cancel));
        var staff = await app.SignInAsync(SupervisorEmail);

        var found = await staff.GetPageAsync($"/cases?q={registerNumber}");
        found.ShouldContain($"href=\"/cases/{publicId}\"");
        found.ShouldNotContain($"href=\"/cases/{atFacility.PublicId}\"");

        var empty = await staff.GetPageAsync("/cases");
        empty.ShouldContain($"<option value=\"{facility.Id}\">{WebUtility.HtmlEncode(facility.Name.En)}</option>");
        empty.ShouldNotContain("name=\"facility\" value=", customMessage: "the facility is picked, not typed");

        var byFacility = await staff.GetPageAsync($"/cases?facility={facility.Id}");
        byFacility.ShouldContain($"href=\"/cases/{atFacility.PublicId}\"");
        byFacility.ShouldNotContain($"href=\"/cases/{publicId}\"");
        byFacility.ShouldContain($"<option value=\"{facility.Id}\" selected=\"selected\">");
    }

    private const int CaseListFilterLimit = Qorgau.Web.Features.Cases.CaseListFilter.MaxSearchLength;
}
