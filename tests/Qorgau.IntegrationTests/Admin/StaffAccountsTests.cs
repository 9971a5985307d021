using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Qorgau.IntegrationTests.Infrastructure;
using Qorgau.Web.Infrastructure.CommandLine;

namespace Qorgau.IntegrationTests.Admin;

/// <summary>The demo administrator belongs to the demo NPM, so manages that organisation's accounts only.</summary>
public sealed partial class StaffAccountsTests : IAsyncLifetime
{
    private const string Password = DemoVerb.DemoPassword;
    private readonly QorgauAppFactory _app = new();
    private StaffBrowser _admin = null!;

    [Fact]
    public async Task An_organisation_administrator_sees_only_that_organisations_accounts()
    {
        var html = await _admin.GetPageAsync("/admin/users");

        html.ShouldContain("intake@npm.demo");
        html.ShouldContain("analyst@npm.demo");
        html.ShouldNotContain("caseworker@ngo-coalition.demo");
        html.ShouldNotContain("investigator@prosecutor.demo");
    }

    [Fact]
    public async Task Staff_without_the_administrator_role_are_refused()
    {
        var analyst = new StaffBrowser(_app.CreateClient(acceptLanguage: "en"));
        await analyst.SignInAndEnrolAsync("analyst@npm.demo", Password);

        var response = await analyst.GetAsync("/admin/users");

        StaffBrowser.RedirectTarget(response).ShouldStartWith("/account/access-denied");
    }

    [Fact]
    public async Task Creating_an_account_shows_its_one_time_password_once_and_gives_it_keys_and_roles()
    {
        var fields = NewAccount("Aigerim Demo", "aigerim@example.org", "monitor");
        fields["Input.OrganisationId"] = (await _app.WithDbAsync(db => db.Organisations.Where(o => o.Code == "npm").Select(o => o.Id).SingleAsync())).ToString();

        var response = await _admin.SubmitAsync("/admin/users/new", fields);
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        var password = OneTimePassword().Match(html).Groups[1].Value;
        password.Length.ShouldBe(20);
        var user = await _app.WithDbAsync(db => db.Users.SingleAsync(u => u.Email == "aigerim@example.org"));
        user.MustChangePassword.ShouldBeTrue();
        user.PublicKey.ShouldNotBeNull();
        var fresh = new StaffBrowser(_app.CreateClient(acceptLanguage: "en"));
        StaffBrowser.RedirectTarget(await fresh.SignInWithPasswordAsync("aigerim@example.org", password)).ShouldBe("/account/password");
        (await _app.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == "user.created" && a.ActorUserId != null && a.SubjectId == user.Id.ToString()))).ShouldBe(1);
    }

    [Fact]
    public async Task A_bad_form_names_each_problem_and_keeps_what_was_typed()
    {
        var fields = NewAccount("Nurlan Demo", "not-an-email", role: null);

        var html = await (await _admin.SubmitAsync("/admin/users/new", fields)).Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        html.ShouldContain("Email is not a valid email address.");
        html.ShouldContain("Choose at least one role from the list.");
        html.ShouldContain("Organisation is required.");
        html.ShouldContain("""value="Nurlan Demo""");
        html.ShouldContain("""value="not-an-email""");
    }

    [Fact]
    public async Task Resetting_a_password_ends_the_persons_sessions_and_forces_a_change()
    {
        var monitor = new StaffBrowser(_app.CreateClient(acceptLanguage: "en"));
        await monitor.SignInAndEnrolAsync("monitor@npm.demo", Password);
        var monitorId = await _app.WithDbAsync(db => db.Users.Where(u => u.Email == "monitor@npm.demo").Select(u => u.Id).SingleAsync());

        var response = await _admin.SubmitAsync("/admin/users", new Dictionary<string, string>(), action: $"/admin/users?id={monitorId}&handler=Reset");
        var password = OneTimePassword().Match(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).Groups[1].Value;

        password.Length.ShouldBe(20);
        StaffBrowser.RedirectTarget(await monitor.GetAsync("/staff")).ShouldStartWith("/account/login");
        var again = new StaffBrowser(_app.CreateClient(acceptLanguage: "en"));
        (await again.SignInWithPasswordAsync("monitor@npm.demo", password)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await _app.WithDbAsync(db => db.AuditEntries.Select(a => a.Action).ToListAsync())).ShouldContain("password.reset");
    }

    [Fact]
    public async Task An_administrator_cannot_manage_an_account_of_another_organisation()
    {
        var caseworkerId = await _app.WithDbAsync(db => db.Users.Where(u => u.Email == "caseworker@ngo-coalition.demo").Select(u => u.Id).SingleAsync());

        var response = await _admin.SubmitAsync("/admin/users", new Dictionary<string, string>(), action: $"/admin/users?id={caseworkerId}&handler=Reset");

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await _admin.GetAsync($"/admin/users/{caseworkerId}/roles")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    private static Dictionary<string, string> NewAccount(string name, string email, string? role)
    {
        var fields = new Dictionary<string, string> { ["Input.DisplayName"] = name, ["Input.Email"] = email };
        if (role is not null)
        {
            fields["Input.Roles"] = role;
        }

        return fields;
    }

    public async ValueTask InitializeAsync()
    {
        await _app.LoadDemoAsync();
        _admin = new StaffBrowser(_app.CreateClient(acceptLanguage: "en"));
        await _admin.SignInAndEnrolAsync("admin@demo", Password);
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    [GeneratedRegex("""<code class="key">([A-Za-z0-9]{20})</code>""")]
    private static partial Regex OneTimePassword();
}
