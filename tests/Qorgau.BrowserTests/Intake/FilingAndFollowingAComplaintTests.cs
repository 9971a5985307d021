using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Qorgau.BrowserTests.Infrastructure;

namespace Qorgau.BrowserTests.Intake;

/// <summary>
/// The whole safe channel, in a browser with and without JavaScript: a complaint in Russian with a file,
/// the receipt that alone opens the case, the organisation reading it and answering, and the answer
/// reaching the complainant.
/// </summary>
[Collection<SharedBrowser>]
public sealed partial class FilingAndFollowingAComplaintTests(BrowserFixture browser)
{
    private const string Supervisor = "supervisor@npm.demo";

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_complaint_filed_in_Russian_with_a_file_is_read_and_answered_and_the_answer_reaches_the_receipt_holder(bool javaScript)
    {
        var marker = Guid.NewGuid().ToString("N")[..10];
        var account = $"Меня били в СИЗО на допросе, требовали подписать признание. Метка {marker}.";
        var place = $"Кабинет следователя на втором этаже {marker}";
        var contact = $"Через адвоката, метка {marker}";
        var reply = $"Мы получили вашу жалобу и направили наблюдателя. Ответ {marker}.";
        var fileName = $"справка-{marker}.txt";
        var fileContent = Encoding.UTF8.GetBytes($"Медицинская справка: ушибы, ссадины. {marker}\n");
        var directory = Directory.CreateTempSubdirectory("qorgau-intake-");
        try
        {
            var file = Path.Combine(directory.FullName, fileName);
            await File.WriteAllBytesAsync(file, fileContent, TestContext.Current.CancellationToken);

            var (publicId, receipt) = await FileComplaintAsync(javaScript, account, place, contact, file);

            await using var complainantContext = await browser.NewContextAsync(new() { JavaScriptEnabled = javaScript, Locale = "ru-RU" });
            var complainant = await complainantContext.NewPageAsync();
            await OpenWithReceiptAsync(complainant, receipt);
            await Assertions.Expect(complainant.Locator("h1")).ToContainTextAsync(publicId);
            await Assertions.Expect(complainant.Locator("#status")).ToHaveTextAsync("Получена. Её ещё не прочитали.");
            await Assertions.Expect(complainant.Locator("article.message")).ToHaveCountAsync(0);
            await Assertions.Expect(complainant.GetByText("Сообщений пока нет.")).ToBeVisibleAsync();

            await ReadAndReplyAsStaffAsync(javaScript, publicId, account, place, contact, fileName, fileContent, reply);

            await complainant.GotoAsync("/receipt/case");
            await complainant.ArriveAtAsync("/receipt/case");
            await Assertions.Expect(complainant.Locator("#status")).ToHaveTextAsync("Получена и прочитана организацией.");
            var answer = complainant.Locator("article.message.staff");
            await Assertions.Expect(answer).ToHaveCountAsync(1);
            await Assertions.Expect(answer.Locator("div")).ToHaveTextAsync(reply);
            await Assertions.Expect(answer.Locator("p.muted")).ToContainTextAsync("От организации");
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task Showing_the_places_of_a_region_and_then_sending_files_the_complaint_with_the_place_chosen()
    {
        var account = $"Избили в следственном изоляторе. Метка {Guid.NewGuid():N}.";
        await using var context = await browser.NewContextAsync(new() { JavaScriptEnabled = false });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/complaint?culture=ru");

        await page.GetByLabel("Что произошло?").FillAsync(account);
        await page.Locator("select#region").SelectOptionAsync("KZ-75");
        await page.GetByRole(AriaRole.Button, new() { Name = "Показать учреждения региона" }).ClickAsync();
        await Assertions.Expect(page.Locator("select#facilityId option[value='demo-kz75-sizo-1']")).ToHaveTextAsync("СИЗО г. Алматы (демо)");
        await Assertions.Expect(page.Locator("select#facilityId option:not([value='']):not([value^='demo-kz75-'])")).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByLabel("Что произошло?")).ToHaveValueAsync(account);
        await Assertions.Expect(page.Locator("select#region")).ToHaveValueAsync("KZ-75");
        await Assertions.Expect(page.Locator("p.field-error")).ToHaveCountAsync(0);

        await page.Locator("select#facilityId").SelectOptionAsync("demo-kz75-sizo-1");
        await page.GetByRole(AriaRole.Button, new() { Name = "Отправить жалобу" }).ClickAsync();
        var (publicId, _) = await ReceiptShownAsync(page);

        await using var staffContext = await browser.NewContextAsync(new() { JavaScriptEnabled = false });
        var staff = await staffContext.NewPageAsync();
        await StaffSignIn.SignInAsync(staff, Supervisor);
        await staff.GotoAsync("/intake/inbox");
        await staff.ArriveAtAsync("/intake/inbox");
        var row = staff.Locator("table tbody tr").Filter(new() { Has = staff.GetByRole(AriaRole.Link, new() { Name = publicId, Exact = true }) });
        await Assertions.Expect(row.Locator("td").Nth(4)).ToHaveTextAsync("Almaty Pre-trial Detention Centre (demo)");
    }

    private async Task<(string PublicId, string Receipt)> FileComplaintAsync(bool javaScript, string account, string place, string contact, string file)
    {
        await using var context = await browser.NewContextAsync(new() { JavaScriptEnabled = javaScript });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/complaint?culture=ru");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Сообщить о пытках или жестоком обращении");

        await page.GetByLabel("Что произошло?").FillAsync(account);
        await page.Locator("select#region").SelectOptionAsync("KZ-75");
        await page.Locator("#place").FillAsync(place);
        await page.Locator("#incidentFrom").FillAsync("2025-11-03");
        await page.Locator("#incidentTo").FillAsync("2025-11-04");
        await page.GetByLabel("Человек всё ещё там и может быть в опасности").CheckAsync();
        await page.Locator("#contact").FillAsync(contact);
        await page.GetByLabel("Со мной можно связаться").CheckAsync();
        await page.Locator("input#attachments").SetInputFilesAsync(file);
        await page.GetByRole(AriaRole.Button, new() { Name = "Отправить жалобу" }).ClickAsync();
        return await ReceiptShownAsync(page);
    }

    private static async Task<(string PublicId, string Receipt)> ReceiptShownAsync(IPage page)
    {
        try
        {
            await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Ваша жалоба получена");
        }
        catch (PlaywrightException e)
        {
            var problems = await page.Locator("#problems").CountAsync() > 0 ? await page.Locator("#problems").InnerTextAsync() : "none";
            throw new ShouldAssertException($"The complaint was not filed: the answer at {page.Url} is the form again (problems shown: {problems}).", e);
        }

        var receipt = (await page.Locator("#receipt").InnerTextAsync()).Trim();
        ReceiptShape().IsMatch(receipt).ShouldBeTrue($"a receipt is 16 digits in groups of four, not '{receipt}'");
        var publicId = (await page.Locator("section.receipt-shown p strong").First.InnerTextAsync()).Trim();
        publicId.ShouldNotBeNullOrWhiteSpace();
        return (publicId, receipt);
    }

    private static async Task OpenWithReceiptAsync(IPage page, string receipt)
    {
        await page.GotoAsync("/receipt?culture=ru");
        await page.GetByLabel("Квитанция (16 цифр)").FillAsync(receipt);
        await page.GetByRole(AriaRole.Button, new() { Name = "Открыть", Exact = true }).ClickAsync();
        await page.ArriveAtAsync("/receipt/case");
    }

    private async Task ReadAndReplyAsStaffAsync(
        bool javaScript, string publicId, string account, string place, string contact, string fileName, byte[] fileContent, string reply)
    {
        await using var context = await browser.NewContextAsync(new() { JavaScriptEnabled = javaScript, AcceptDownloads = true });
        var page = await context.NewPageAsync();
        await StaffSignIn.SignInAsync(page, Supervisor);

        await page.GotoAsync("/intake/inbox");
        await page.ArriveAtAsync("/intake/inbox");
        var link = page.GetByRole(AriaRole.Link, new() { Name = publicId, Exact = true });
        var row = page.Locator("table tbody tr").Filter(new() { Has = link });
        await Assertions.Expect(row).ToHaveCountAsync(1);
        await Assertions.Expect(row.Locator("td").Nth(3)).ToHaveTextAsync("Almaty");
        await Assertions.Expect(row.Locator("td").Last).ToHaveTextAsync(UrgentAndNew());

        await link.ClickAsync();
        await page.ArriveAtAsync($"/cases/{publicId}");
        await Assertions.Expect(page.Locator("#account")).ToHaveTextAsync(account);
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync(place);
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync(contact);
        var attachment = page.GetByRole(AriaRole.Link, new() { Name = fileName, Exact = true });
        await Assertions.Expect(attachment).ToBeVisibleAsync();

        var download = await page.RunAndWaitForDownloadAsync(() => attachment.ClickAsync());
        download.SuggestedFilename.ShouldBe(fileName);
        var saved = await download.PathAsync();
        (await File.ReadAllBytesAsync(saved, TestContext.Current.CancellationToken)).ShouldBe(fileContent);

        await page.Locator("textarea#Reply").FillAsync(reply);
        await page.GetByRole(AriaRole.Button, new() { Name = "Send reply" }).ClickAsync();
        await page.ArriveAtAsync(CasePageAfterReply(publicId));
        await Assertions.Expect(page.Locator("article.message.staff div")).ToHaveTextAsync(reply);
    }

    private static Regex CasePageAfterReply(string publicId) => new($"/cases/{Regex.Escape(publicId)}#messages$");

    [GeneratedRegex(@"^\s*Urgent\s+new\s*$")]
    private static partial Regex UrgentAndNew();

    [GeneratedRegex(@"^\d{4} \d{4} \d{4} \d{4}$")]
    private static partial Regex ReceiptShape();
}
