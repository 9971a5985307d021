using System.Net;
using Microsoft.EntityFrameworkCore;
using Qorgau.Data;
using static Qorgau.IntegrationTests.Intake.IntakeApi;

namespace Qorgau.IntegrationTests.Intake;

/// <summary>
/// The independence guard: a complaint never reaches an organisation affiliated with the agency it
/// accuses. Each test changes the demo organisations, so each has its own installation.
/// </summary>
public sealed class ComplaintRoutingTests : IAsyncLifetime
{
    private readonly DemoAppFactory _app = new();

    [Fact]
    public async Task Choosing_an_organisation_affiliated_with_the_accused_agency_is_a_400_naming_organisation()
    {
        await SetAffiliationAsync(_app, "ngo-coalition", "police");
        var client = _app.CreateClient(acceptLanguage: "en");
        var before = await CaseCountAsync(_app);

        var response = await PostAsync(client, ComplaintsUrl, new { account = "The police beat me.", organisation = "ngo-coalition", accusedAgency = "police" });

        var (problem, fields) = await ValidationProblemAsync(response);
        fields.ShouldBe(["organisation"]);
        ErrorText(problem, "organisation").ShouldContain("belongs to the agency you complain about");
        (await CaseCountAsync(_app)).ShouldBe(before);
    }

    [Fact]
    public async Task The_affiliated_organisation_still_receives_complaints_against_other_agencies()
    {
        await SetAffiliationAsync(_app, "ngo-coalition", "police");
        var client = _app.CreateClient(acceptLanguage: "en");

        // Not the prisons: the penal system committee belongs to the Interior Ministry, as the police do (issue 13).
        var filed = await FileAsync(client, new { account = "Beaten in the psychiatric ward.", organisation = "ngo-coalition", accusedAgency = "health" });

        (await CaseAsync(_app, filed.PublicId)).OrganisationId.ShouldBe(await OrganisationIdAsync(_app, "ngo-coalition"));
    }

    [Fact]
    public async Task When_the_default_organisation_is_affiliated_with_the_accused_agency_the_case_goes_to_an_independent_one()
    {
        await SetAffiliationAsync(_app, "npm", "police");
        var client = _app.CreateClient(acceptLanguage: "en");
        var npm = await OrganisationIdAsync(_app, "npm");
        var coalition = await OrganisationIdAsync(_app, "ngo-coalition");

        var againstPolice = await FileAsync(client, new { account = "The police beat me.", accusedAgency = "police" });
        var againstNobody = await FileAsync(client, new { account = "Someone beat me." });

        var routed = await CaseAsync(_app, againstPolice.PublicId);
        routed.OrganisationId.ShouldBe(coalition);
        routed.AccusedAgencyCode.ShouldBe("police");
        (await CaseAsync(_app, againstNobody.PublicId)).OrganisationId.ShouldBe(npm, "no agency accused: the default organisation");

        var grants = await _app.WithDbAsync(db => db.CaseKeyGrants.Where(g => g.CaseId == routed.Id).ToListAsync());
        var npmMembers = await _app.WithDbAsync(db => db.Users.Where(u => u.OrganisationId == npm).Select(u => u.Id).ToListAsync());
        grants.ShouldContain(g => g.RecipientKind == KeyRecipient.Organisation && g.RecipientId == coalition);
        grants.ShouldNotContain(g => g.RecipientKind == KeyRecipient.Organisation && g.RecipientId == npm, "the affiliated organisation gets no key");
        grants.ShouldNotContain(g => g.RecipientKind == KeyRecipient.User && npmMembers.Contains(g.RecipientId), "nor does any of its members");
    }

    [Theory]
    [InlineData("police", "penitentiary")]
    [InlineData("national-security", "border")]
    [InlineData("border", "national-security")]
    public async Task An_organisation_affiliated_with_an_agency_above_or_below_the_accused_one_cannot_be_chosen(string affiliation, string accused)
    {
        await SetAffiliationAsync(_app, "ngo-coalition", affiliation);
        var client = _app.CreateClient(acceptLanguage: "en");
        var before = await CaseCountAsync(_app);

        var response = await PostAsync(client, ComplaintsUrl, new { account = "Beaten in custody.", organisation = "ngo-coalition", accusedAgency = accused });

        (await ValidationProblemAsync(response)).Fields.ShouldBe(["organisation"]);
        (await CaseCountAsync(_app)).ShouldBe(before);
    }

    [Fact]
    public async Task The_guard_also_holds_when_the_accused_agency_is_given_with_surrounding_spaces()
    {
        await SetAffiliationAsync(_app, "ngo-coalition", "police");
        var client = _app.CreateClient(acceptLanguage: "en");

        var response = await PostAsync(client, ComplaintsUrl, new { account = "The police beat me.", organisation = " ngo-coalition ", accusedAgency = " police " });

        (await ValidationProblemAsync(response)).Fields.ShouldBe(["organisation"]);
    }

    [Fact]
    public async Task An_organisation_that_takes_no_public_complaints_cannot_be_chosen()
    {
        var client = _app.CreateClient(acceptLanguage: "en");

        var prosecutors = await PostAsync(client, ComplaintsUrl, new { account = "x", organisation = "police-security" });
        var unknown = await PostAsync(client, ComplaintsUrl, new { account = "x", organisation = "nobody" });

        (await ValidationProblemAsync(prosecutors)).Fields.ShouldBe(["organisation"]);
        (await ValidationProblemAsync(unknown)).Fields.ShouldBe(["organisation"]);
    }

    [Fact]
    public async Task When_every_receiving_organisation_is_affiliated_with_the_accused_agency_nothing_is_stored()
    {
        await SetAffiliationAsync(_app, "npm", "police");
        await SetAffiliationAsync(_app, "ngo-coalition", "police");
        await SetAffiliationAsync(_app, "prosecutor", "police");
        var client = _app.CreateClient(acceptLanguage: "en");
        var before = await CaseCountAsync(_app);

        var response = await PostAsync(client, ComplaintsUrl, new { account = "The police beat me.", accusedAgency = "police" });

        await ProblemAsync(response, HttpStatusCode.ServiceUnavailable);
        (await CaseCountAsync(_app)).ShouldBe(before);
    }

    public async ValueTask InitializeAsync() => await _app.InitializeAsync();

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
