using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Qorgau.BrowserTests.Infrastructure;
using Qorgau.BrowserTests.Intake;

namespace Qorgau.BrowserTests.Cases;

/// <summary>
/// A supervisor follows the links from a case page to its examinations and its support page, records
/// a forensic examination and a Compensation Fund claim, and finds both on the case's timeline.
/// </summary>
[Collection<SharedBrowser>]
public sealed partial class RecordingAnExaminationAndACompensationClaimTests(BrowserFixture browser)
{
    private const string Supervisor = "supervisor@npm.demo";

    [Fact]
    public async Task A_staff_member_adds_a_forensic_examination_and_a_compensation_claim_and_sees_both_on_the_timeline()
    {
        var marker = Guid.NewGuid().ToString("N")[..10];
        var publicId = await FileComplaintAsync($"I was beaten in the temporary detention centre. Marker {marker}.");
        var examinedOn = DateTime.UtcNow.AddDays(-3).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var filedOn = DateTime.UtcNow.AddDays(-2).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var findings = $"Bruises on both forearms, 3 cm. Marker {marker}.";

        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await StaffSignIn.SignInAsync(page, Supervisor);
        await page.GotoAsync($"/cases/{publicId}");
        await page.ArriveAtAsync($"/cases/{publicId}");

        // The examination, from the case page's link.
        await page.Locator("#care-links").GetByRole(AriaRole.Link, new() { Name = "Forensic examinations" }).ClickAsync();
        await page.ArriveAtAsync($"/cases/{publicId}/examinations");
        var exam = page.Locator("#add-examination form");
        await Assertions.Expect(exam).ToBeVisibleAsync();
        await exam.Locator("#exam-on").FillAsync(examinedOn);
        await exam.GetByLabel("Examiner", new() { Exact = true }).FillAsync("Dr Aigerim Sadykova");
        await exam.GetByLabel("The person gave informed consent to the examination").CheckAsync();
        await exam.GetByLabel("The examination was private: no police, guards or other officials present").CheckAsync();
        await exam.Locator("#exam-physical").FillAsync(findings);
        await exam.Locator("#exam-consistency").SelectOptionAsync("highly-consistent");
        await exam.GetByRole(AriaRole.Button, new() { Name = "Add an examination" }).ClickAsync();
        await page.ArriveAtAsync(new Regex($"/cases/{Regex.Escape(publicId)}/examinations#exam-[0-9a-f]{{32}}$"));
        var recorded = page.Locator("article[id^='exam-']");
        await Assertions.Expect(recorded).ToHaveCountAsync(1);
        await Assertions.Expect(recorded.Locator("h2")).ToHaveTextAsync($"{examinedOn} · highly consistent");
        await Assertions.Expect(recorded).ToContainTextAsync(findings);
        await Assertions.Expect(recorded.GetByRole(AriaRole.Link, new() { Name = "Add photos as evidence" })).ToHaveAttributeAsync("href", new Regex($"^/cases/{Regex.Escape(publicId)}/evidence\\?examination="));

        // The claim, from the support page.
        await page.GetByRole(AriaRole.Link, new() { Name = $"← Case {publicId}" }).ClickAsync();
        await page.ArriveAtAsync($"/cases/{publicId}");
        await page.Locator("#care-links").GetByRole(AriaRole.Link, new() { Name = "Support and redress" }).ClickAsync();
        await page.ArriveAtAsync($"/cases/{publicId}/support");
        await page.Locator("#add-claim > summary").ClickAsync();
        var claim = page.Locator("#add-claim form");
        await Assertions.Expect(claim).ToBeVisibleAsync();
        await claim.GetByLabel("Amount claimed").FillAsync("250000");
        await claim.GetByLabel("Filed on").FillAsync(filedOn);
        await claim.GetByRole(AriaRole.Button, new() { Name = "Add a claim" }).ClickAsync();
        await page.ArriveAtAsync($"/cases/{publicId}/support#compensation");
        await Assertions.Expect(page.Locator("#compensation li[id^='claim-']")).ToContainTextAsync("250,000.00");

        // Both on the timeline.
        await page.GotoAsync($"/cases/{publicId}#timeline");
        await page.ArriveAtAsync($"/cases/{publicId}#timeline");
        var examination = page.Locator("#events li[data-kind='examination.recorded']");
        await Assertions.Expect(examination).ToHaveCountAsync(1);
        await Assertions.Expect(examination).ToContainTextAsync("forensic examination recorded");
        await Assertions.Expect(examination).ToContainTextAsync("highly-consistent");
        await Assertions.Expect(examination).ToContainTextAsync(Supervisor);
        await Assertions.Expect(examination).Not.ToContainTextAsync(findings);
        var filed = page.Locator("#events li[data-kind='compensation.filed']");
        await Assertions.Expect(filed).ToHaveCountAsync(1);
        await Assertions.Expect(filed).ToContainTextAsync("compensation claim filed");
        await Assertions.Expect(filed).ToContainTextAsync("250000.00");
    }

    /// <summary>Files the complaint in English on the public form, to the default organisation; returns the case number.</summary>
    private async Task<string> FileComplaintAsync(string account)
    {
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync("/complaint?culture=en");
        await page.GetByLabel("What happened?").FillAsync(account);
        await page.Locator("select#accusedAgency").SelectOptionAsync("police");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send the complaint" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Your complaint was received");
        return (await page.Locator("section.receipt-shown p strong").First.InnerTextAsync()).Trim();
    }
}
