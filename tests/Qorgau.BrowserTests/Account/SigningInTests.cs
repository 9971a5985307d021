using Microsoft.Playwright;
using Qorgau.BrowserTests.Infrastructure;
using Qorgau.Web.Infrastructure.CommandLine;

namespace Qorgau.BrowserTests.Account;

[Collection<SharedBrowser>]
public sealed class SigningInTests(BrowserFixture browser)
{
    [Fact]
    public async Task A_staff_member_signs_in_and_sets_up_the_authenticator_without_JavaScript()
    {
        await using var context = await browser.NewContextAsync(new() { Locale = "en-GB", JavaScriptEnabled = false });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/");

        await page.GetByRole(AriaRole.Link, new() { Name = "Staff sign-in", Exact = true }).ClickAsync();
        await page.GetByLabel("Email").FillAsync("monitor@npm.demo");
        await page.GetByLabel("Password").FillAsync(DemoVerb.DemoPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.ArriveAtAsync("/account/authenticator");

        (await page.Locator("img.qr").GetAttributeAsync("src")).ShouldNotBeNull().ShouldStartWith("data:image/png;base64,");
        var key = await page.Locator("code.key").InnerTextAsync();
        await page.GetByLabel("Code").FillAsync(AuthenticatorCode.Now(key));
        await page.GetByRole(AriaRole.Button, new() { Name = "Confirm" }).ClickAsync();

        (await page.Locator("ul.codes li").CountAsync()).ShouldBe(10);
        await page.GetByRole(AriaRole.Link, new() { Name = "Continue to the staff area" }).ClickAsync();
        await page.ArriveAtAsync("/staff");
        (await page.Locator("main").InnerTextAsync()).ShouldContain("Signed in as Demo NPM monitor");
        (await page.Locator("main").InnerTextAsync()).ShouldContain("Your encryption key is open in this session");
    }

    [Fact]
    public async Task A_wrong_password_is_explained_on_the_form_in_Russian()
    {
        await using var context = await browser.NewContextAsync(new() { Locale = "ru-RU", JavaScriptEnabled = false });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/account/login");

        await page.GetByLabel("Электронная почта").FillAsync("analyst@npm.demo");
        await page.GetByLabel("Пароль").FillAsync("not the password at all");
        await page.GetByRole(AriaRole.Button, new() { Name = "Войти" }).ClickAsync();

        (await page.Locator(".form-errors").InnerTextAsync()).ShouldContain("Не удалось войти: неверная электронная почта или пароль");
        (await page.GetByLabel("Электронная почта").InputValueAsync()).ShouldBe("analyst@npm.demo");
    }
}
