using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qorgau.Domain.Cases;
using Qorgau.Domain.Statistics;
using Qorgau.IntegrationTests.Infrastructure;
using Qorgau.IntegrationTests.Intake;
using Qorgau.Web.Features.Cases.Links;
using Qorgau.Web.Features.Statistics;

namespace Qorgau.IntegrationTests.Cases;

/// <summary>
/// One allegation that reached two organisations: the prosecutors' supervisor proposes a link from their case
/// to the mechanism's look-alike, the mechanism's supervisor confirms it, and national figures count the pair
/// once. Insiders (a member who is not a supervisor, the proposing side, a third organisation, an administrator)
/// can neither propose, confirm nor see it, and nobody sees the other case's number or content.
/// </summary>
public sealed class CaseLinkTests(DemoAppFactory app) : IClassFixture<DemoAppFactory>
{
    private const string Facility = "demo-kz10-ivs-1";
    private const string ProsecutorsSupervisor = "supervisor@prosecutor.demo";
    private const string MechanismSupervisor = "supervisor@npm.demo";
    private const string Secret = "The duty officer Canary-Link-7781 held the bag";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_supervisor_proposes_a_link_to_another_organisations_look_alike_and_its_supervisor_confirms_it()
    {
        var (mine, theirs) = await FilePairAsync(daysAgo: 40);
        var proposer = await app.SignInAsync(ProsecutorsSupervisor);
        var reference = await ReferenceAsync(mine, theirs);

        var offered = await proposer.GetPageAsync(LinksUrl(mine));
        offered.ShouldContain($"candidate-{reference}");
        offered.ShouldNotContain(theirs, customMessage: "the other case's number is never shown");
        offered.ShouldNotContain(Secret);
        var proposed = await proposer.SubmitAsync($"/cases/{mine}", new Dictionary<string, string> { ["Reference"] = reference }, $"{LinksUrl(mine)}?handler=Propose");
        proposed.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var link = await LinkAsync(mine);
        link.Status.ShouldBe(CaseLinkStatus.Proposed);
        (await AuditedAsync("case.link-proposed", link)).ShouldBe(1);

        var decider = await app.SignInAsync(MechanismSupervisor);
        (await decider.GetPageAsync($"/cases/{theirs}")).ShouldContain("await a decision");
        var asked = await decider.GetPageAsync(LinksUrl(theirs));
        asked.ShouldContain($"id=\"link-{link.Id}\" data-status=\"proposed\"");
        asked.ShouldNotContain(mine);
        var confirmed = await decider.SubmitAsync($"/cases/{theirs}", new Dictionary<string, string> { ["Link"] = link.Id.ToString() }, $"{LinksUrl(theirs)}?handler=Confirm");
        confirmed.StatusCode.ShouldBe(HttpStatusCode.Redirect);

        (await LinkAsync(mine)).Status.ShouldBe(CaseLinkStatus.Confirmed);
        (await AuditedAsync("case.link-confirmed", link)).ShouldBe(1);
        var seen = await proposer.GetPageAsync(LinksUrl(mine));
        seen.ShouldContain($"id=\"link-{link.Id}\" data-status=\"confirmed\"");
        seen.ShouldNotContain(theirs);
        seen.ShouldNotContain(Secret);
    }

    [Fact]
    public async Task Insiders_who_are_not_the_other_organisations_supervisor_can_neither_propose_confirm_nor_see_a_link()
    {
        var (mine, theirs) = await FilePairAsync(daysAgo: 80);
        var reference = await ReferenceAsync(mine, theirs);

        var investigator = await app.SignInAsync(CaseApi.InvestigatorEmail);
        (await investigator.GetPageAsync(LinksUrl(mine))).ShouldNotContain("candidate-", customMessage: "only a supervisor is offered look-alikes of other organisations");
        var refused = await investigator.SubmitAsync($"/cases/{mine}", new Dictionary<string, string> { ["Reference"] = reference }, $"{LinksUrl(mine)}?handler=Propose");
        StaffBrowser.RedirectTarget(refused).ShouldStartWith("/account/access-denied");
        (await LinksOfAsync(mine)).ShouldBeEmpty();

        var administrator = await app.SignInAsync("admin@demo");
        StaffBrowser.RedirectTarget(await administrator.GetAsync(LinksUrl(mine))).ShouldStartWith("/account/access-denied");

        var proposer = await app.SignInAsync(ProsecutorsSupervisor);
        (await proposer.SubmitAsync($"/cases/{mine}", new Dictionary<string, string> { ["Reference"] = reference }, $"{LinksUrl(mine)}?handler=Propose")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var link = await LinkAsync(mine);

        var deputy = await app.SignInAsync("deputy@prosecutor.demo");
        var fields = new Dictionary<string, string> { ["Link"] = link.Id.ToString() };
        (await deputy.SubmitAsync($"/cases/{mine}", fields, $"{LinksUrl(mine)}?handler=Confirm")).StatusCode.ShouldBe(HttpStatusCode.Conflict, "the proposing side does not confirm its own proposal");
        (await deputy.GetAsync(LinksUrl(theirs))).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        var thirdOrganisation = await app.SignInAsync("caseworker@ngo-coalition.demo");
        (await thirdOrganisation.GetAsync(LinksUrl(mine))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await thirdOrganisation.GetAsync(LinksUrl(theirs))).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        var intake = await app.SignInAsync("intake@npm.demo");
        (await intake.GetPageAsync(LinksUrl(theirs))).ShouldContain($"id=\"link-{link.Id}\" data-status=\"proposed\"", customMessage: "every member on the case sees the link");
        StaffBrowser.RedirectTarget(await intake.SubmitAsync($"/cases/{theirs}", fields, $"{LinksUrl(theirs)}?handler=Confirm")).ShouldStartWith("/account/access-denied");

        (await LinkAsync(mine)).Status.ShouldBe(CaseLinkStatus.Proposed);
        (await AuditedAsync("case.link-confirmed", link)).ShouldBe(0);
    }

    [Fact]
    public async Task A_case_of_another_organisation_against_another_agency_is_neither_offered_nor_accepted()
    {
        var (mine, theirs) = await FilePairAsync(daysAgo: 120, theirAgency: "health");
        var proposer = await app.SignInAsync(ProsecutorsSupervisor);
        var reference = await ReferenceAsync(mine, theirs);

        (await proposer.GetPageAsync(LinksUrl(mine))).ShouldNotContain($"candidate-{reference}");
        var refused = await proposer.SubmitAsync($"/cases/{mine}", new Dictionary<string, string> { ["Reference"] = reference }, $"{LinksUrl(mine)}?handler=Propose");

        refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await refused.Content.ReadAsStringAsync(Cancel)).ShouldContain("id=\"err-link\"");
        (await LinksOfAsync(mine)).ShouldBeEmpty();
    }

    [Fact]
    public async Task National_figures_count_a_confirmed_pair_once_and_say_how_many_links_were_made()
    {
        var (mine, theirs) = await FilePairAsync(daysAgo: 160);
        var period = new StatisticsPeriod(new DateOnly(app.Today.Year, 1, 1), app.Today);
        var (receivedBefore, linksBefore) = await FiguresAsync(period);

        var proposer = await app.SignInAsync(ProsecutorsSupervisor);
        await proposer.SubmitAsync($"/cases/{mine}", new Dictionary<string, string> { ["Reference"] = await ReferenceAsync(mine, theirs) }, $"{LinksUrl(mine)}?handler=Propose");
        var link = await LinkAsync(mine);
        (await FiguresAsync(period)).ShouldBe((receivedBefore, linksBefore), "a proposal alone changes nothing");
        var decider = await app.SignInAsync(MechanismSupervisor);
        await decider.SubmitAsync($"/cases/{theirs}", new Dictionary<string, string> { ["Link"] = link.Id.ToString() }, $"{LinksUrl(theirs)}?handler=Confirm");

        (await FiguresAsync(period)).ShouldBe((receivedBefore - 1, linksBefore + 1));
        var lastYear = new StatisticsPeriod(new DateOnly(app.Today.Year - 1, 1, 1), new DateOnly(app.Today.Year - 1, 12, 31));
        (await FiguresAsync(lastYear)).Links.ShouldBe(0, "figures as of a past date do not move: the link was made after it");

        using var funnel = JsonDocument.Parse(await app.CreateClient().GetStringAsync(new Uri(FunnelEndpoints.FunnelUrl, UriKind.Relative), Cancel));
        funnel.RootElement.TryGetProperty("links", out _).ShouldBeTrue("the public funnel says how many links were made");
    }

    private static string LinksUrl(string publicId) => $"/cases/{publicId}/links";

    /// <summary>The same allegation filed with the prosecutors and, with the story the other side must never see, with the mechanism.</summary>
    private async Task<(string Mine, string Theirs)> FilePairAsync(int daysAgo, string theirAgency = "police")
    {
        var client = app.CreateClient(acceptLanguage: "en");
        var mine = await IntakeApi.FileAsync(client, new { account = "Beaten in the interview room.", organisation = "prosecutor", accusedAgency = "police", illTreatment = "torture", facilityId = Facility, incidentFrom = app.Day(-daysAgo) });
        var theirs = await IntakeApi.FileAsync(client, new { account = Secret, organisation = "npm", accusedAgency = theirAgency, facilityId = Facility, incidentFrom = app.Day(-daysAgo + 2) });
        return (mine.PublicId, theirs.PublicId);
    }

    private Task<string> ReferenceAsync(string mine, string theirs) => app.WithDbAsync(async db =>
        CaseLinks.Reference(await db.Cases.SingleAsync(c => c.PublicId == mine, Cancel), await db.Cases.SingleAsync(c => c.PublicId == theirs, Cancel)));

    private Task<List<CaseLink>> LinksOfAsync(string publicId) => app.WithDbAsync(db =>
        db.CaseLinks.AsNoTracking().Where(l => db.Cases.Any(c => c.PublicId == publicId && (c.Id == l.CaseId || c.Id == l.OtherCaseId))).ToListAsync(Cancel));

    private async Task<CaseLink> LinkAsync(string publicId) => (await LinksOfAsync(publicId)).ShouldHaveSingleItem();

    private Task<int> AuditedAsync(string action, CaseLink link) =>
        app.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == action && a.Details == $"link {link.Id}", Cancel));

    private async Task<(long Received, int Links)> FiguresAsync(StatisticsPeriod period)
    {
        using var scope = app.Services.CreateScope();
        var funnel = scope.ServiceProvider.GetRequiredService<FunnelStatistics>();
        var counts = await funnel.CountAsync(period, FunnelBreakdown.Year, Cancel);
        return (counts.Where(c => c.Key.Stage == FunnelStage.Received).Sum(c => c.Value), await funnel.LinksAsync(period, Cancel));
    }
}
