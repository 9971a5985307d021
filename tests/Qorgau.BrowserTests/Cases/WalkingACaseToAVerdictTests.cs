using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Qorgau.BrowserTests.Infrastructure;
using Qorgau.BrowserTests.Intake;

namespace Qorgau.BrowserTests.Cases;

/// <summary>
/// A complaint against the police, sent to the special prosecutors, walked by their supervisor on the
/// case page from triage to a verdict: accepted, registered under article 146 part 1 (cruel treatment: moving it to 362 is no requalification away from torture, which would wait for a second supervisor), requalified to 362 on a
/// stated ground, sent to court, and a conviction recorded. Each step shows in the status and adds its
/// action to the timeline; a refused step keeps what was typed and changes nothing.
/// </summary>
[Collection<SharedBrowser>]
public sealed class WalkingACaseToAVerdictTests(BrowserFixture browser)
{
    private const string Supervisor = "supervisor@prosecutor.demo";

    private const string ActionEntries = "#events li[data-kind^='action.']";

    [Fact]
    public async Task A_complaint_against_the_police_is_accepted_registered_requalified_sent_to_court_and_ends_in_a_conviction()
    {
        var marker = Guid.NewGuid().ToString("N")[..10];
        var account = $"Police officers beat me at the district station to make me confess. Marker {marker}.";
        var registerNumber = $"24-{marker}";
        var ground = $"The injuries were not found to be torture; the acts exceed official powers. Marker {marker}.";
        var court = $"Specialised inter-district criminal court of Almaty {marker}";
        var position = $"Operative officer {marker}";
        var rank = "Police captain";

        var publicId = await FileComplaintAsync(account);

        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await StaffSignIn.SignInAsync(page, Supervisor);
        await OpenFromTheCaseListAsync(page, publicId);
        await Assertions.Expect(page.Locator("#account")).ToHaveTextAsync(account);
        await Assertions.Expect(page.Locator("#case-status")).ToHaveTextAsync("received");
        var actions = await page.Locator(ActionEntries).CountAsync();

        // 1. Triage.
        var accept = await OpenActionAsync(page, "accept", "Accept as admissible");
        await SubmitAsync(page, publicId, accept, "Accept as admissible");
        await Assertions.Expect(page.Locator("#case-status")).ToHaveTextAsync("admissible");
        actions = await NewestActionIsAsync(page, actions, "action.accept", "Accept as admissible");

        // A registration without its number is refused next to the field, and keeps the article chosen.
        var register = await OpenActionAsync(page, "register", "Register in the pre-trial register");
        await register.Locator("#act-register-article").SelectOptionAsync("146-1");
        await SubmitRefusedAsync(page, publicId, register, "Register in the pre-trial register");
        register = page.Locator("#form-register");
        await Assertions.Expect(register).ToBeVisibleAsync();
        await Assertions.Expect(register.Locator("#act-register-article")).ToHaveValueAsync("146-1");
        await Assertions.Expect(register.Locator("#act-register-number")).ToHaveValueAsync(string.Empty);
        await Assertions.Expect(register.Locator("p.field-error")).ToHaveCountAsync(1);
        await Assertions.Expect(register.Locator("div.field:has(> #act-register-number) > p.field-error")).ToHaveTextAsync("This is required.");
        await Assertions.Expect(page.Locator("#case-status")).ToHaveTextAsync("admissible");
        await Assertions.Expect(page.Locator(ActionEntries)).ToHaveCountAsync(actions);
        await Assertions.Expect(page.Locator("#proceeding")).ToHaveCountAsync(0);

        // 2. Registration under article 146 part 1.
        await register.Locator("#act-register-number").FillAsync(registerNumber);
        await SubmitAsync(page, publicId, register, "Register in the pre-trial register");
        await Assertions.Expect(page.Locator("#case-status")).ToHaveTextAsync("registered (pre-trial investigation)");
        await Assertions.Expect(page.Locator("#current-article")).ToHaveTextAsync(StartsWith("146"));
        await Assertions.Expect(page.Locator("#proceeding")).ToContainTextAsync(registerNumber);
        await Assertions.Expect(page.Locator("#qualifications li")).ToHaveCountAsync(1);
        actions = await NewestActionIsAsync(page, actions, "action.register", "Register in the pre-trial register");
        await FindByRegisterNumberAsync(page, publicId, registerNumber);

        // 3. Requalification to article 362, on a stated ground.
        var requalify = await OpenActionAsync(page, "requalify", "Requalify");
        await requalify.Locator("#act-requalify-article").SelectOptionAsync("362");
        await requalify.Locator("#act-requalify-reason").FillAsync(ground);
        await SubmitAsync(page, publicId, requalify, "Requalify");
        await Assertions.Expect(page.Locator("#current-article")).ToHaveTextAsync(StartsWith("362"));
        await Assertions.Expect(page.Locator("#case-status")).ToHaveTextAsync("registered (pre-trial investigation)");
        var qualifications = page.Locator("#qualifications li");
        await Assertions.Expect(qualifications).ToHaveCountAsync(2);
        await Assertions.Expect(qualifications.Nth(0)).ToContainTextAsync("146");
        await Assertions.Expect(qualifications.Nth(0)).Not.ToContainTextAsync("←");
        await Assertions.Expect(qualifications.Nth(1)).ToContainTextAsync("362");
        await Assertions.Expect(qualifications.Nth(1)).ToContainTextAsync("← 146");
        await Assertions.Expect(qualifications.Nth(1)).ToContainTextAsync(ground);
        actions = await NewestActionIsAsync(page, actions, "action.requalify", "Requalify");

        // 4. Indictment.
        var indict = await OpenActionAsync(page, "indict", "Send to court");
        await indict.Locator("#act-indict-court").FillAsync(court);
        await SubmitAsync(page, publicId, indict, "Send to court");
        await Assertions.Expect(page.Locator("#case-status")).ToHaveTextAsync("in court");
        await Assertions.Expect(page.Locator("#proceeding")).ToContainTextAsync(court);
        actions = await NewestActionIsAsync(page, actions, "action.indict", "Send to court");

        // 5. The verdict: a new official of the police, convicted under article 362.
        var verdict = await OpenActionAsync(page, "verdict", "Record the verdict");
        await Assertions.Expect(verdict.Locator("#verdict-official")).ToHaveValueAsync(string.Empty);
        await verdict.Locator("#verdict-agency").SelectOptionAsync("police");
        await verdict.Locator("#verdict-position").FillAsync(position);
        await verdict.Locator("#verdict-rank").FillAsync(rank);
        await verdict.Locator("input[name='Act.Outcome'][value='conviction']").CheckAsync();
        await verdict.Locator("#verdict-article").SelectOptionAsync("362");
        await verdict.Locator("#verdict-months").FillAsync("36");
        await SubmitAsync(page, publicId, verdict, "Record the verdict");
        await Assertions.Expect(page.Locator("#case-status")).ToHaveTextAsync("verdict given");
        var officials = page.Locator("#officials li");
        await Assertions.Expect(officials).ToHaveCountAsync(1);
        await Assertions.Expect(officials).ToContainTextAsync("Ministry of Internal Affairs (police)");
        await Assertions.Expect(officials).ToContainTextAsync(position);
        await Assertions.Expect(officials).ToContainTextAsync(rank);
        await Assertions.Expect(officials).ToContainTextAsync("convicted");
        await Assertions.Expect(officials).ToContainTextAsync("362");
        await Assertions.Expect(officials).ToContainTextAsync("36 months' custody");
        await NewestActionIsAsync(page, actions, "action.verdict", "Record the verdict");
    }

    /// <summary>Files the complaint in English on the public form, to the special prosecutors; returns the case number.</summary>
    private async Task<string> FileComplaintAsync(string account)
    {
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync("/complaint?culture=en");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Report torture or ill-treatment");

        await page.GetByLabel("What happened?").FillAsync(account);
        await page.Locator("select#accusedAgency").SelectOptionAsync("police");
        await page.Locator("select#organisation").SelectOptionAsync("prosecutor");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send the complaint" }).ClickAsync();

        try
        {
            await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Your complaint was received");
        }
        catch (PlaywrightException e)
        {
            var problems = await page.Locator("#problems").CountAsync() > 0 ? await page.Locator("#problems").InnerTextAsync() : "none";
            throw new ShouldAssertException($"The complaint was not filed: the answer at {page.Url} is the form again (problems shown: {problems}).", e);
        }

        var publicId = (await page.Locator("section.receipt-shown p strong").First.InnerTextAsync()).Trim();
        publicId.ShouldNotBeNullOrWhiteSpace();
        return publicId;
    }

    private static async Task OpenFromTheCaseListAsync(IPage page, string publicId)
    {
        await page.GotoAsync("/cases");
        await page.ArriveAtAsync("/cases");
        var link = page.GetByRole(AriaRole.Link, new() { Name = publicId, Exact = true });
        var row = page.Locator("table tbody tr").Filter(new() { Has = link });
        await Assertions.Expect(row).ToHaveCountAsync(1);
        await Assertions.Expect(row.Locator("td").Nth(2)).ToHaveTextAsync("received");
        await Assertions.Expect(row.Locator("td").Nth(5)).ToHaveTextAsync("Ministry of Internal Affairs (police)");

        await link.ClickAsync();
        await page.ArriveAtAsync($"/cases/{publicId}");
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync(publicId);
    }

    /// <summary>Types the pre-trial register number (in lower case, as people type) into the case list's search box and opens the one case found.</summary>
    private static async Task FindByRegisterNumberAsync(IPage page, string publicId, string registerNumber)
    {
        await page.Locator("#staff-nav a[href='/cases']").ClickAsync();
        await page.ArriveAtAsync("/cases");
        await page.GetByLabel("Case number or pre-trial register number").FillAsync(registerNumber.ToLowerInvariant());
        await page.GetByRole(AriaRole.Button, new() { Name = "Show", Exact = true }).ClickAsync();
        await page.ArriveAtAsync(new Regex(@"/cases\?"));
        await Assertions.Expect(page.Locator("table tbody tr")).ToHaveCountAsync(1);

        await page.GetByRole(AriaRole.Link, new() { Name = publicId, Exact = true }).ClickAsync();
        await page.ArriveAtAsync($"/cases/{publicId}");
        await Assertions.Expect(page.Locator("#proceeding")).ToContainTextAsync(registerNumber);
    }

    /// <summary>Opens the action's section by its summary, as a person would, and returns its form.</summary>
    private static async Task<ILocator> OpenActionAsync(IPage page, string action, string name)
    {
        var summary = page.Locator("#workflow details.action > summary").Filter(new() { HasTextRegex = Exactly(name) });
        await Assertions.Expect(summary).ToHaveCountAsync(1);
        var form = page.Locator($"#workflow details.action:has(> summary) > form#form-{action}");
        await Assertions.Expect(form).ToBeHiddenAsync();
        await summary.ClickAsync();
        await Assertions.Expect(form).ToBeVisibleAsync();
        return form;
    }

    /// <summary>Sends the action's form and waits for the case page it leads back to.</summary>
    private static async Task SubmitAsync(IPage page, string publicId, ILocator form, string name)
    {
        var answer = await SendAsync(page, form, name);
        if (answer.Status != 302)
        {
            var refusal = await page.Locator("#action-refusal").CountAsync() > 0 ? await page.Locator("#action-refusal").InnerTextAsync() : "none";
            var problems = string.Join(" | ", await page.Locator("#workflow p.field-error").AllInnerTextsAsync());
            throw new ShouldAssertException(
                $"'{name}' was refused with {answer.Status} at {page.Url} (refusal: {refusal}; field errors: {(problems.Length == 0 ? "none" : problems)}).");
        }

        await page.ArriveAtAsync(TimelineOf(publicId));
    }

    /// <summary>Sends the action's form expecting it to be refused as typed: the page comes back with the form.</summary>
    private static async Task SubmitRefusedAsync(IPage page, string publicId, ILocator form, string name)
    {
        var answer = await SendAsync(page, form, name);
        answer.Status.ShouldBe(400);
        await page.ArriveAtAsync(ActionAnswerOf(publicId));
    }

    private static Task<IResponse> SendAsync(IPage page, ILocator form, string name) =>
        page.RunAndWaitForResponseAsync(
            () => form.GetByRole(AriaRole.Button, new() { Name = name, Exact = true }).ClickAsync(),
            response => response.Request.Method == "POST" && new Uri(response.Url).AbsolutePath.StartsWith("/cases/", StringComparison.Ordinal));

    /// <summary>
    /// Checks that the timeline holds one more action than <paramref name="before"/>, the newest being
    /// <paramref name="kind"/>, by the supervisor; returns the new count.
    /// </summary>
    private static async Task<int> NewestActionIsAsync(IPage page, int before, string kind, string name)
    {
        var entries = page.Locator(ActionEntries);
        await Assertions.Expect(entries).ToHaveCountAsync(before + 1);
        var newest = entries.Last;
        await Assertions.Expect(newest).ToHaveAttributeAsync("data-kind", kind);
        await Assertions.Expect(newest).ToContainTextAsync(name);
        await Assertions.Expect(newest).ToContainTextAsync(Supervisor);
        return before + 1;
    }

    private static Regex TimelineOf(string publicId) => new($"/cases/{Regex.Escape(publicId)}#timeline$");

    private static Regex ActionAnswerOf(string publicId) => new($"/cases/{Regex.Escape(publicId)}\\?handler=Action$");

    private static Regex Exactly(string text) => new($"^\\s*{Regex.Escape(text)}\\s*$");

    private static Regex StartsWith(string text) => new($"^\\s*{Regex.Escape(text)}\\b");
}
