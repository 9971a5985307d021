using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Qorgau.BrowserTests.Infrastructure;
using Qorgau.BrowserTests.Intake;

namespace Qorgau.BrowserTests.Monitoring;

/// <summary>
/// The issue's scenario through the pages (issue 17, "What done looks like", first bullet): the second demo
/// monitor plans a visit that another organisation's supervisor, an analyst and the administrator cannot
/// find before it starts, neither in the pages, nor through the API with a token of their own, nor in any
/// count of visits they are shown; the monitor records a refusal, a private interview whose allegation
/// becomes a complaint with a receipt, a box opening whose item becomes a complaint, issues two
/// recommendations and follows one to implemented; the facility's dossier shows the refusal and the
/// implementation rate. The second monitor, as in <see cref="RecordingAVisitTests"/>: only
/// <see cref="StaffSignIn"/> ever signs them in, so the authenticator key it enrols is known here.
/// </summary>
[Collection<SharedBrowser>]
public sealed partial class AVisitFromPlanToDossierTests(BrowserFixture browser)
{
    private const string Monitor = "monitor2@npm.demo";

    /// <summary>The outsiders and what the visits API answers their token: only case roles have the staff API.</summary>
    private static readonly (string Email, int ApiStatus)[] Outsiders =
        [("supervisor@prosecutor.demo", 200), ("analyst@npm.demo", 403), ("admin@demo", 403)];

    /// <summary>The team's supervisor sees the plan: where they see it, an outsider would have, had it leaked.</summary>
    private const string TeamSupervisor = "supervisor@npm.demo";

    private static LocatorAssertionsToHaveCountOptions Patient => new() { Timeout = (float)PageArrival.Patience.TotalMilliseconds };

    [Fact]
    public async Task A_plan_is_hidden_from_outsiders_in_pages_api_and_counts_and_the_visit_ends_in_complaints_and_the_dossier()
    {
        var marker = Guid.NewGuid().ToString("N")[..10];
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await StaffSignIn.SignInAsync(page, Monitor);
        var facility = await OpenThePlanFormAsync(page);
        var people = new List<Outsider>();
        try
        {
            foreach (var (email, apiStatus) in Outsiders)
            {
                people.Add(await SignInWithATokenAsync(email, apiStatus));
            }

            var supervisor = await SignInWithATokenAsync(TeamSupervisor, 200);
            people.Add(supervisor);
            var before = new List<Sight>();
            foreach (var person in people)
            {
                before.Add(await WhatTheySeeAsync(person, facility));
            }

            var visit = await PlanAnUrgentVisitAsync(page);
            for (var i = 0; i < Outsiders.Length; i++)
            {
                await CannotOpenThePlanAsync(people[i], visit);
                (await WhatTheySeeAsync(people[i], facility)).ShouldBe(before[i], $"{people[i].Email} sees the plan in a list, a count or the API");
            }

            await TheTeamsSupervisorSeesThePlanAsync(supervisor, before[^1], facility, visit);
        }
        finally
        {
            foreach (var person in people)
            {
                await person.Context.DisposeAsync();
            }
        }

        await StartTheVisitAsync(page);
        await RecordARefusalAtThePoliceOfficeAsync(page);
        await RecordAPrivateInterviewAsync(page);
        await FileTheAllegationHeardAsAComplaintWithAReceiptAsync(page, marker);
        await EndTheVisitAsync(page);
        await IssueTwoRecommendationsAndImplementOneAsync(page);

        await OpenABoxAndFileItsItemAsAComplaintAsync(page, facility, marker);

        await page.GotoAsync($"/facilities/{facility}?culture=en");
        await Assertions.Expect(page.Locator("#refusals li[data-target='police-office']")).ToHaveCountAsync(1, Patient);
        await Assertions.Expect(page.Locator("#implementation-rate")).ToContainTextAsync("50 %");
    }

    /// <summary>The monitor opens the planning form; the code of the facility the plan will be for.</summary>
    private static async Task<string> OpenThePlanFormAsync(IPage page)
    {
        await page.GotoAsync("/visits/new?culture=en");
        await page.ArriveAtAsync(new Regex("/visits/new"));
        return (await page.Locator("#plan-facility option").Nth(3).GetAttributeAsync("value"))!;
    }

    /// <summary>The monitor plans an urgent visit for today with themselves on the team; the visit page's path.</summary>
    private static async Task<string> PlanAnUrgentVisitAsync(IPage page)
    {
        var today = await page.Locator("#plan-from").GetAttributeAsync("min");
        await page.Locator("#plan-facility").SelectOptionAsync(new SelectOptionValue { Index = 3 });
        await page.Locator("#plan-type").SelectOptionAsync("urgent");
        await page.Locator("#plan-from").FillAsync(today!);
        await page.Locator("#plan-to").FillAsync(today!);
        await page.GetByLabel("Demo NPM second monitor").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the plan" }).ClickAsync();
        await page.ArriveAtAsync(VisitPage());
        await Assertions.Expect(page.Locator("#visit-status")).ToHaveAttributeAsync("data-status", "planned");
        return new Uri(page.Url).AbsolutePath;
    }

    private static async Task StartTheVisitAsync(IPage page)
    {
        await page.Locator("#start-notice").SelectOptionAsync("none");
        await page.GetByRole(AriaRole.Button, new() { Name = "We have arrived: start" }).ClickAsync();
        await Assertions.Expect(page.Locator("#visit-status")).ToHaveAttributeAsync("data-status", "under-way", new() { Timeout = (float)PageArrival.Patience.TotalMilliseconds });
    }

    private static async Task RecordARefusalAtThePoliceOfficeAsync(IPage page)
    {
        var access = page.Locator("form").Filter(new() { Has = page.Locator("#access-target") });
        await access.Locator("#access-target").SelectOptionAsync("police-office");
        await access.Locator("#access-outcome").SelectOptionAsync("refused");
        await access.Locator("#access-by").FillAsync("Head of the department");
        await access.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Assertions.Expect(page.Locator("#access-requests tr[data-outcome='refused']")).ToHaveCountAsync(1, Patient);
    }

    private static async Task RecordAPrivateInterviewAsync(IPage page)
    {
        var interview = page.Locator("form").Filter(new() { Has = page.Locator("#interview-setting") });
        await interview.Locator("#interview-setting").SelectOptionAsync("private");
        await interview.Locator("#interview-persons").FillAsync("1");
        await interview.Locator("#interview-notes").FillAsync("Speaks of blows in the office on the second floor");
        await interview.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Assertions.Expect(page.Locator("#interviews li[data-setting='private']")).ToHaveCountAsync(1, Patient);
    }

    /// <summary>With the detainee's consent, the monitor records the allegation heard as a complaint and gets a receipt to hand over.</summary>
    private static async Task FileTheAllegationHeardAsAComplaintWithAReceiptAsync(IPage page, string marker)
    {
        var visit = new Uri(page.Url).AbsolutePath;
        await page.Locator("#allegation").GetByRole(AriaRole.Link, new() { Name = "Record an allegation heard as a complaint" }).ClickAsync();
        await page.ArriveAtAsync(new Regex(@"/intake/record\?channel=visit&reference=visit-[0-9a-f]{32}$"));
        await Assertions.Expect(page.Locator("#channel")).ToHaveValueAsync("visit");
        await Assertions.Expect(page.Locator("#reference")).ToHaveValueAsync($"visit-{visit.Split('/')[^1].Replace("-", "", StringComparison.Ordinal)}");
        var complaint = await FileTheComplaintAsync(page, $"He says he was beaten in the office on the second floor {marker}");
        await Assertions.Expect(page.Locator("#receipt")).ToHaveTextAsync(new Regex("^[0-9 ]{19}$"));

        await OpenTheCaseAsync(page, complaint, "monitoring visit");
        await page.GotoAsync($"{visit}?culture=en");
    }

    /// <summary>The monitor registers a box at the facility, opens it with one item inside and files the item as a complaint.</summary>
    private static async Task OpenABoxAndFileItsItemAsAComplaintAsync(IPage page, string facility, string marker)
    {
        await page.GotoAsync("/boxes?culture=en");
        await page.Locator("#box-facility").SelectOptionAsync(facility);
        await page.Locator("#box-reference").FillAsync($"B-{marker}");
        await page.Locator("#box-location").FillAsync("Corridor by the canteen");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add the box" }).ClickAsync();
        await page.ArriveAtAsync(new Regex("/boxes/[0-9a-f-]{36}$"));
        var box = new Uri(page.Url).AbsolutePath;

        await page.Locator("#opening-witnesses").FillAsync("The deputy head of the facility");
        await page.Locator("#opening-seal-found").FillAsync($"S1-{marker}");
        await page.Locator("#opening-seal-left").FillAsync($"S2-{marker}");
        await page.Locator("#opening-items").FillAsync("1");
        await page.GetByRole(AriaRole.Button, new() { Name = "Record the opening" }).ClickAsync();
        await Assertions.Expect(page.Locator("section.opening")).ToHaveCountAsync(1, Patient);

        await page.Locator("li[data-item='1']").GetByRole(AriaRole.Link, new() { Name = "Record this item as a complaint" }).ClickAsync();
        await page.ArriveAtAsync(new Regex(@"/intake/record\?channel=box&opening=[0-9a-f-]{36}&item=1$"));
        await Assertions.Expect(page.Locator("#channel")).ToHaveValueAsync("box");
        await Assertions.Expect(page.Locator("#reference")).ToHaveValueAsync(new Regex($"^box B-{marker} · "));
        var complaint = await FileTheComplaintAsync(page, $"A note from the box: the guards beat us at night {marker}");

        await OpenTheCaseAsync(page, complaint, "complaint box");
        await page.GotoAsync($"{box}?culture=en");
        await Assertions.Expect(page.Locator($"li[data-item='1'] a[href='/cases/{complaint}']")).ToHaveCountAsync(1, Patient);
    }

    /// <summary>Types the complainant's account on the record form (channel and reference already filled) and files it; the case number.</summary>
    private static async Task<string> FileTheComplaintAsync(IPage page, string account)
    {
        await page.Locator("#account").FillAsync(account);
        await page.Locator("input[name='reporterRelation'][value='victim']").CheckAsync();
        await Assertions.Expect(page.GetByLabel("Make a receipt to hand to the complainant")).ToBeCheckedAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Record the complaint" }).ClickAsync();
        var number = page.Locator("a[href^='/cases/'] strong");
        await Assertions.Expect(number).ToHaveCountAsync(1, Patient);
        return await number.InnerTextAsync();
    }

    /// <summary>Opens the case a complaint became and checks the channel it arrived by.</summary>
    private static async Task OpenTheCaseAsync(IPage page, string complaint, string channel)
    {
        await page.GotoAsync($"/cases/{complaint}?culture=en");
        await Assertions.Expect(page.Locator("#received")).ToContainTextAsync(channel);
    }

    private static async Task EndTheVisitAsync(IPage page)
    {
        await page.GetByRole(AriaRole.Button, new() { Name = "We have left: end the visit" }).ClickAsync();
        await Assertions.Expect(page.Locator("#visit-status")).ToHaveAttributeAsync("data-status", "reported", new() { Timeout = (float)PageArrival.Patience.TotalMilliseconds });
    }

    private static async Task IssueTwoRecommendationsAndImplementOneAsync(IPage page)
    {
        foreach (var text in new[] { "Open the police offices to monitors", "Examine every detainee on admission" })
        {
            await page.Locator("#rec-text").FillAsync(text);
            await page.GetByRole(AriaRole.Button, new() { Name = "Issue the recommendation" }).ClickAsync();
            await Assertions.Expect(page.Locator("section.recommendation").Filter(new() { HasText = text })).ToHaveCountAsync(1, Patient);
        }

        var first = page.Locator("section.recommendation").First;
        await first.Locator("select[name='FollowUp.Status']").SelectOptionAsync("implemented");
        await first.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Assertions.Expect(page.Locator("section.recommendation[data-status='implemented']")).ToHaveCountAsync(1, Patient);
    }

    [GeneratedRegex("/visits/[0-9a-f-]{36}$")]
    private static partial Regex VisitPage();
}
