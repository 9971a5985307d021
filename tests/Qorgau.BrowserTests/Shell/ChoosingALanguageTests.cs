using Microsoft.Playwright;
using Qorgau.BrowserTests.Infrastructure;

namespace Qorgau.BrowserTests.Shell;

[Collection<SharedBrowser>]
public sealed class ChoosingALanguageTests(BrowserFixture browser)
{
    private const string KazakhHomeTitle = "Бас бостандығынан айыру орындарындағы азаптау мен қатыгез қарым-қатынас туралы қауіпсіз хабарлау жолы";
    private const string RussianHomeTitle = "Безопасный способ сообщить о пытках и жестоком обращении в местах несвободы";
    private const string EnglishHomeTitle = "A safe way to report torture and ill-treatment in detention";

    [Fact]
    public async Task The_home_page_changes_to_Kazakh_Russian_and_English_with_the_header_links()
    {
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync("/");

        await ChooseLanguageAsync(page, "Қазақша", "kk");
        (await LanguageOfPageAsync(page)).ShouldBe("kk");
        (await HeadingAsync(page)).ShouldBe(KazakhHomeTitle);

        await ChooseLanguageAsync(page, "Русский", "ru");
        (await LanguageOfPageAsync(page)).ShouldBe("ru");
        (await HeadingAsync(page)).ShouldBe(RussianHomeTitle);

        await ChooseLanguageAsync(page, "English", "en");
        (await LanguageOfPageAsync(page)).ShouldBe("en");
        (await HeadingAsync(page)).ShouldBe(EnglishHomeTitle);
    }

    [Fact]
    public async Task The_header_marks_the_language_in_use()
    {
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync("/");

        await ChooseLanguageAsync(page, "Русский", "ru");

        (await LanguageLink(page, "Русский").GetAttributeAsync("aria-current")).ShouldBe("true");
        (await LanguageLink(page, "Қазақша").GetAttributeAsync("aria-current")).ShouldBeNull();
        (await LanguageLink(page, "English").GetAttributeAsync("aria-current")).ShouldBeNull();
    }

    [Fact]
    public async Task After_choosing_Kazakh_the_facilities_page_reached_from_the_menu_is_in_Kazakh_too()
    {
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync("/");
        await ChooseLanguageAsync(page, "Қазақша", "kk");

        await page.GetByRole(AriaRole.Navigation, new() { Name = "Негізгі навигация", Exact = true })
            .GetByRole(AriaRole.Link, new() { Name = "Бас бостандығынан айыру орындары", Exact = true })
            .ClickAsync();
        await page.ArriveAtAsync("/facilities");

        (await LanguageOfPageAsync(page)).ShouldBe("kk");
        (await HeadingAsync(page)).ShouldBe("Бас бостандығынан айыру орындарының тізілімі");
    }

    private static ILocator LanguageLink(IPage page, string name) =>
        page.Locator("nav.languages").GetByRole(AriaRole.Link, new() { Name = name, Exact = true });

    private static async Task ChooseLanguageAsync(IPage page, string linkText, string culture)
    {
        await LanguageLink(page, linkText).ClickAsync();
        await page.ArriveAtAsync($"/?culture={culture}");
    }

    private static Task<string?> LanguageOfPageAsync(IPage page) => page.Locator("html").GetAttributeAsync("lang");

    private static Task<string> HeadingAsync(IPage page) => page.Locator("h1").InnerTextAsync();
}
