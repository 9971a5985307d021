using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Qorgau.BrowserTests.Infrastructure;

namespace Qorgau.BrowserTests.Intake;

/// <summary>
/// A complaint may take a long time to write, in fear: a mistake must never cost what was typed. The
/// form is checked on the server (it has <c>novalidate</c>), and the answer keeps every value.
/// </summary>
[Collection<SharedBrowser>]
public sealed partial class ComplaintFormProblemsTests(BrowserFixture browser)
{
    [Fact]
    public async Task A_date_in_the_future_is_explained_in_Russian_next_to_the_field_and_everything_typed_is_kept()
    {
        var marker = Guid.NewGuid().ToString("N")[..10];
        var account = $"Первая строка рассказа {marker}.\nВторая строка: что было потом.";
        var place = $"Автомобиль полиции у вокзала {marker}";
        var contact = $"Телеграм @example_{marker}";
        var futureDate = new DateOnly(DateTime.UtcNow.Year + 1, 5, 1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        await using var context = await browser.NewContextAsync(new() { JavaScriptEnabled = false });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/complaint?culture=ru");

        await page.GetByLabel("Что произошло?").FillAsync(account);
        await page.Locator("#incidentFrom").FillAsync(futureDate);
        await page.Locator("select#region").SelectOptionAsync("KZ-75");
        await page.Locator("#place").FillAsync(place);
        await page.Locator("summary", new() { HasText = "Что было сделано (отметьте)" }).ClickAsync();
        await page.GetByLabel("Избиение", new() { Exact = true }).CheckAsync();
        await page.GetByLabel("Воздействие электротоком", new() { Exact = true }).CheckAsync();
        await page.Locator("summary", new() { HasText = "Что делает человека уязвимее (отметьте)" }).ClickAsync();
        await page.GetByLabel("Несовершеннолетний", new() { Exact = true }).CheckAsync();
        await page.Locator("#contact").FillAsync(contact);

        var answer = await page.RunAndWaitForResponseAsync(
            () => page.GetByRole(AriaRole.Button, new() { Name = "Отправить жалобу" }).ClickAsync(),
            response => response.Request.Method == "POST" && new Uri(response.Url).AbsolutePath == "/complaint");
        answer.Status.ShouldBe(400);

        var expected = $"{futureDate} — дата в будущем. Укажите, когда это произошло.";
        var error = page.Locator("div.field:has(> #incidentFrom) > p.field-error#err-incidentFrom");
        await Assertions.Expect(error).ToHaveTextAsync(expected);
        await Assertions.Expect(page.Locator("p.field-error")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("#problems")).ToContainTextAsync("Пока ничего не отправлено.");
        await Assertions.Expect(page.Locator("#problems li")).ToHaveTextAsync([expected]);
        await Assertions.Expect(page.Locator("#incidentFrom")).ToHaveAttributeAsync("aria-invalid", "true");
        await Assertions.Expect(page.Locator("#incidentFrom")).ToHaveAttributeAsync("aria-describedby", "err-incidentFrom");
        await Assertions.Expect(page.Locator("#receipt")).ToHaveCountAsync(0);

        await Assertions.Expect(page.Locator("#incidentFrom")).ToHaveValueAsync(futureDate);
        await Assertions.Expect(page.Locator("#account")).ToHaveValueAsync(account);
        await Assertions.Expect(page.Locator("#place")).ToHaveValueAsync(place);
        await Assertions.Expect(page.Locator("#contact")).ToHaveValueAsync(contact);
        await Assertions.Expect(page.Locator("select#region")).ToHaveValueAsync("KZ-75");
        await Assertions.Expect(page.Locator("select#region option:checked")).ToHaveTextAsync("Алматы");
        await Assertions.Expect(page.Locator("input[name=methods]:checked")).ToHaveCountAsync(2);
        await Assertions.Expect(page.GetByLabel("Избиение", new() { Exact = true })).ToBeCheckedAsync();
        await Assertions.Expect(page.GetByLabel("Воздействие электротоком", new() { Exact = true })).ToBeCheckedAsync();
        await Assertions.Expect(page.Locator("input[name=vulnerabilities]:checked")).ToHaveCountAsync(1);
        await Assertions.Expect(page.GetByLabel("Несовершеннолетний", new() { Exact = true })).ToBeCheckedAsync();
        await Assertions.Expect(page.Locator("details:has(input[name=methods])")).ToHaveAttributeAsync("open", PresentAttribute());
        await Assertions.Expect(page.Locator("details:has(input[name=vulnerabilities])")).ToHaveAttributeAsync("open", PresentAttribute());
        await Assertions.Expect(page.Locator("#incidentTo")).ToHaveValueAsync(string.Empty);
    }

    // Rendered as open="open" by Razor, or as a bare attribute: either way the section is open.
    [GeneratedRegex("^(open)?$")]
    private static partial Regex PresentAttribute();
}
