using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Qorgau.IntegrationTests.Cases;
using Qorgau.IntegrationTests.Infrastructure;
using Qorgau.Web.Infrastructure.CommandLine;

namespace Qorgau.IntegrationTests.Admin;

/// <summary>
/// What an organisation's administrator does all year: create accounts of their organisation, find an
/// account, reset a password only once they have read what it does, and deactivate a person who left.
/// </summary>
public sealed partial class AccountAdministrationTests(DemoAppFactory app) : IClassFixture<DemoAppFactory>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private Task<Guid> IdOfAsync(string email) => app.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync(Cancel));

    [Fact]
    public async Task The_new_user_form_of_an_organisation_administrator_has_their_organisation_chosen_and_accepts_it()
    {
        var admin = await app.SignInAsync("admin@demo");
        var npm = await app.WithDbAsync(db => db.Organisations.Where(o => o.Code == "npm").Select(o => o.Id).SingleAsync(Cancel));

        var html = await admin.GetPageAsync("/admin/users/new");
        var chosen = SelectedOrganisation().Match(html);

        chosen.Success.ShouldBeTrue(html);
        chosen.Groups[1].Value.ShouldBe(npm.ToString());
        html.ShouldNotContain(">Whole installation</option>", customMessage: "an organisation administrator is not offered installation accounts");
        var created = await admin.SubmitAsync("/admin/users/new", new Dictionary<string, string>
        {
            ["Input.DisplayName"] = "Dana Demo",
            ["Input.Email"] = "dana@example.org",
            ["Input.OrganisationId"] = chosen.Groups[1].Value,
            ["Input.Roles"] = "monitor",
        });
        (await created.Content.ReadAsStringAsync(Cancel)).ShouldContain("<code class=\"key\">");
        (await app.WithDbAsync(db => db.Users.Where(u => u.Email == "dana@example.org").Select(u => u.OrganisationId).SingleAsync(Cancel))).ShouldBe(npm);
    }

    [Fact]
    public async Task The_user_list_finds_accounts_by_part_of_a_name_or_an_email_in_any_letter_case()
    {
        var admin = await app.SignInAsync("admin@demo");

        var byEmail = await admin.GetPageAsync("/admin/users?q=MONITOR@npm");
        var byName = await admin.GetPageAsync("/admin/users?q=npm%20analyst");
        var none = await admin.GetPageAsync("/admin/users?q=nobody-here");

        byEmail.ShouldContain("monitor@npm.demo");
        byEmail.ShouldNotContain("analyst@npm.demo");
        byName.ShouldContain("analyst@npm.demo");
        byName.ShouldNotContain("monitor@npm.demo");
        none.ShouldContain("id=\"no-users\"");
    }

    [Fact]
    public async Task A_password_reset_first_says_what_it_does_and_changes_nothing_until_confirmed()
    {
        var admin = await app.SignInAsync("admin@demo");
        var analyst = await IdOfAsync("analyst@npm.demo");
        var hashBefore = await app.WithDbAsync(db => db.Users.Where(u => u.Id == analyst).Select(u => u.PasswordHash).SingleAsync(Cancel));

        var list = await admin.GetPageAsync("/admin/users");
        var confirm = await admin.GetPageAsync($"/admin/users?confirmReset={analyst}");

        list.ShouldNotContain($"action=\"/admin/users?id={analyst}&amp;handler=Reset\"", customMessage: "the list asks first, it does not reset");
        list.ShouldContain($"href=\"/admin/users?confirmReset={analyst}#confirm-reset\"");
        confirm.ShouldContain("id=\"confirm-reset\"");
        confirm.ShouldContain("they read none of their cases until a key holder of their organisation admits them anew");
        confirm.ShouldContain($"action=\"/admin/users?id={analyst}&amp;handler=Reset\"");
        (await app.WithDbAsync(db => db.Users.Where(u => u.Id == analyst).Select(u => u.PasswordHash).SingleAsync(Cancel))).ShouldBe(hashBefore);
        (await app.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == "password.reset" && a.SubjectId == analyst.ToString(), Cancel))).ShouldBe(0);
        (await admin.GetAsync($"/admin/users?confirmReset={await IdOfAsync("caseworker@ngo-coalition.demo")}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_deactivated_member_is_signed_out_refused_at_sign_in_and_through_tokens_until_reactivated()
    {
        const string Email = "intake@npm.demo";
        var member = await app.SignInAsync(Email);
        var token = await app.CreateTokenAsync(Email);
        var client = app.CreateClient(acceptLanguage: "en");
        (await CaseApi.GetAsync(client, CaseApi.CasesUrl, token)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var admin = await app.SignInAsync("admin@demo");
        var id = await IdOfAsync(Email);
        var keyBefore = await app.WithDbAsync(db => db.Users.Where(u => u.Id == id).Select(u => u.PublicKey).SingleAsync(Cancel));

        (await admin.SubmitAsync("/admin/users", new Dictionary<string, string>(), $"/admin/users?id={id}&handler=Deactivate")).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        StaffBrowser.RedirectTarget(await member.GetAsync("/staff")).ShouldStartWith("/account/login");
        (await new StaffBrowser(app.CreateClient(acceptLanguage: "en")).SignInWithPasswordAsync(Email, DemoVerb.DemoPassword)).StatusCode.ShouldBe(HttpStatusCode.OK, "refused: the form again");
        (await CaseApi.GetAsync(client, CaseApi.CasesUrl, token)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await admin.GetPageAsync("/admin/users?q=intake")).ShouldContain("Deactivated: cannot sign in");
        (await app.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == "user.deactivated" && a.SubjectId == id.ToString(), Cancel))).ShouldBe(1);

        (await admin.SubmitAsync("/admin/users", new Dictionary<string, string>(), $"/admin/users?id={id}&handler=Reactivate")).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        (await new StaffBrowser(app.CreateClient(acceptLanguage: "en")).SignInWithPasswordAsync(Email, DemoVerb.DemoPassword)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await CaseApi.GetAsync(client, CaseApi.CasesUrl, token)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await app.WithDbAsync(db => db.Users.Where(u => u.Id == id).Select(u => u.PublicKey).SingleAsync(Cancel))).ShouldBe(keyBefore, "the key pair and its grants stay");
        (await app.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == "user.reactivated" && a.SubjectId == id.ToString(), Cancel))).ShouldBe(1);
    }

    [Fact]
    public async Task An_administrator_cannot_deactivate_themselves_nor_another_organisations_member()
    {
        var admin = await app.SignInAsync("admin@demo");
        Guid[] ids = [await IdOfAsync("admin@demo"), await IdOfAsync("caseworker@ngo-coalition.demo")];

        var self = await admin.SubmitAsync("/admin/users", new Dictionary<string, string>(), $"/admin/users?id={ids[0]}&handler=Deactivate");
        var other = await admin.SubmitAsync("/admin/users", new Dictionary<string, string>(), $"/admin/users?id={ids[1]}&handler=Deactivate");

        self.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        other.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await app.WithDbAsync(db => db.Users.CountAsync(u => ids.Contains(u.Id) && u.DeactivatedAtUtc != null, Cancel))).ShouldBe(0);
    }

    [GeneratedRegex("""<option value="([0-9a-f-]{36})" selected="selected">""")]
    private static partial Regex SelectedOrganisation();
}
