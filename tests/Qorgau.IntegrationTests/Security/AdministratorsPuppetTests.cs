using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qorgau.Data;
using Qorgau.Domain.Organisations;
using Qorgau.Domain.Security;
using Qorgau.IntegrationTests.Cases;
using Qorgau.IntegrationTests.Infrastructure;
using Qorgau.IntegrationTests.Intake;
using Qorgau.Web.Infrastructure.CommandLine;
using Qorgau.Web.Infrastructure.Security;

namespace Qorgau.IntegrationTests.Security;

/// <summary>
/// The administrator's puppet: admin@demo creates a supervisor in npm, signs in as it (the one-time
/// password, then its own password and authenticator) and tries every way a role alone used to give
/// content: first reader of new complaints, self-assignment through the API sealed by a colleague's
/// next opening, and the custody signing key handed out by a key holder's evidence page.
/// </summary>
public sealed partial class AdministratorsPuppetTests : IAsyncLifetime
{
    private const string PuppetEmail = "puppet@example.org";
    private const string PuppetPassword = "steppe wind over the river";
    private const string Canary = "PUPPET-CANARY beaten in cell four";
    private readonly DemoAppFactory _app = new();

    [Fact]
    public async Task The_administrators_puppet_reads_nothing_and_gets_no_grant()
    {
        var puppet = await CreatePuppetAsync();
        var puppetId = await IdOfAsync(PuppetEmail);

        // (a) A new complaint: a supervisor is a first reader, but the puppet was never admitted.
        var filed = await IntakeApi.FileAsync(_app.CreateClient(acceptLanguage: "en"), Canary);
        (await GrantsOfAsync(puppetId)).ShouldBe(0);
        (await puppet.GetPageAsync($"/cases/{filed.PublicId}")).ShouldNotContain(Canary);

        // (b) It assigns itself through the API; a key holder then opens the case (which seals the key to everyone assigned).
        var token = await _app.CreateTokenAsync(PuppetEmail);
        (await CaseApi.AssignAsync(_app.CreateClient(acceptLanguage: "en"), token, filed.PublicId, PuppetEmail, StaffRole.Supervisor)).StatusCode.ShouldBe(HttpStatusCode.Created);
        var keyHolder = await _app.SignInAsync("supervisor@npm.demo");
        (await keyHolder.GetPageAsync($"/cases/{filed.PublicId}")).ShouldContain(Canary);
        (await GrantsOfAsync(puppetId)).ShouldBe(0);
        (await puppet.GetPageAsync($"/cases/{filed.PublicId}")).ShouldNotContain(Canary);

        // (c) The key holder hands the custody signing key to the case-working members who lack it, from the evidence page.
        (await Qorgau.IntegrationTests.Evidence.EvidencePages.PostAsync(keyHolder, filed.PublicId, "HandOutKey", [])).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await _app.WithDbAsync(db => db.CustodySignerGrants.CountAsync(g => g.UserId == puppetId))).ShouldBe(0);

        (await puppet.GetPageAsync("/staff")).ShouldContain("waits for admission by a key holder");
    }

    [Fact]
    public async Task A_key_holders_admission_gives_the_member_what_their_roles_need_and_is_shown_to_key_holders()
    {
        var member = await CreatePuppetAsync();
        var memberId = await IdOfAsync(PuppetEmail);
        var keyHolder = await _app.SignInAsync("supervisor@npm.demo");
        (await keyHolder.GetPageAsync("/staff/key-holder")).ShouldContain("waits for admission");

        var admitted = await keyHolder.SubmitAsync("/staff/key-holder", new Dictionary<string, string>(), action: $"/staff/key-holder?id={memberId}&handler=Admit");

        var page = await admitted.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        page.ShouldContain("Done: Puppet supervisor.");
        page[page.IndexOf("id=\"admissions\"", StringComparison.Ordinal)..].ShouldContain("Puppet supervisor");
        var supervisorId = await IdOfAsync("supervisor@npm.demo");
        (await _app.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == "member.admitted" && a.ActorUserId == supervisorId && a.SubjectId == memberId.ToString()))).ShouldBe(1);

        var filed = await IntakeApi.FileAsync(_app.CreateClient(acceptLanguage: "en"), Canary);
        (await GrantsOfAsync(memberId)).ShouldBe(1);
        (await member.GetPageAsync($"/cases/{filed.PublicId}")).ShouldContain(Canary);
        (await member.GetPageAsync("/staff")).ShouldNotContain("waits for admission by a key holder");
    }

    [Fact]
    public async Task An_administrator_cannot_admit_anyone_nor_be_admitted()
    {
        await CreatePuppetAsync();
        var memberId = await IdOfAsync(PuppetEmail);
        var admin = await _app.SignInAsync("admin@demo");

        var response = await admin.SubmitAsync("/staff", new Dictionary<string, string>(), action: $"/staff/key-holder?id={memberId}&handler=Admit");

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        await using var scope = _app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<QorgauDbContext>();
        var admission = scope.ServiceProvider.GetRequiredService<MemberAdmission>();
        var cancel = TestContext.Current.CancellationToken;
        var npm = await db.Organisations.SingleAsync(o => o.Code == "npm", cancel);
        var secrets = await NpmSecretsAsync(db, npm.Id);
        var adminId = await IdOfAsync("admin@demo");
        var member = await db.Users.SingleAsync(u => u.Id == memberId, cancel);
        var administrator = await db.Users.SingleAsync(u => u.Id == adminId, cancel);
        member.MustChangePassword.ShouldBeFalse();

        (await admission.AdmitAsync(npm, member, secrets, adminId, cancellationToken: cancel)).ShouldBe(AdmissionOutcome.Administrator, "the keyring refuses an administrator who holds the organisation secrets");
        (await admission.AdmitAsync(npm, administrator, secrets, await IdOfAsync("supervisor@npm.demo"), cancellationToken: cancel)).ShouldBe(AdmissionOutcome.Administrator);
        (await admission.IsAdmittedAsync(member, cancel)).ShouldBeFalse();
        (await db.AuditEntries.CountAsync(a => a.Action == "member.admitted" && a.SubjectId == memberId.ToString(), cancel)).ShouldBe(0);
    }

    [Fact]
    public async Task An_admitted_member_given_a_case_working_role_gets_nothing_until_admitted_again()
    {
        var analystId = await IdOfAsync("analyst@npm.demo");
        var admin = await _app.SignInAsync("admin@demo");
        (await admin.SubmitAsync($"/admin/users/{analystId}/roles", new Dictionary<string, string> { ["Roles"] = StaffRole.Supervisor })).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        await IntakeApi.FileAsync(_app.CreateClient(acceptLanguage: "en"), Canary);
        (await GrantsOfAsync(analystId)).ShouldBe(0, "the admission covered the analyst role, not the supervisor role given since");

        var keyHolder = await _app.SignInAsync("supervisor@npm.demo");
        (await keyHolder.GetPageAsync("/staff/key-holder")).ShouldContain("waits for admission again");
        (await keyHolder.SubmitAsync("/staff/key-holder", new Dictionary<string, string>(), action: $"/staff/key-holder?id={analystId}&handler=Restore")).StatusCode.ShouldBe(HttpStatusCode.OK);
        await IntakeApi.FileAsync(_app.CreateClient(acceptLanguage: "en"), Canary);
        (await GrantsOfAsync(analystId)).ShouldBe(1);
    }

    [Fact]
    public async Task An_admitted_member_made_administrator_loses_admission_and_every_key_copy()
    {
        var monitorId = await IdOfAsync("monitor@npm.demo");
        (await _app.WithDbAsync(db => db.CustodySignerGrants.CountAsync(g => g.UserId == monitorId))).ShouldBe(1);
        var admin = await _app.SignInAsync("admin@demo");

        var response = await admin.SubmitAsync($"/admin/users/{monitorId}/roles", new Dictionary<string, string> { ["Roles"] = StaffRole.Administrator });

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var monitor = await _app.WithDbAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Id == monitorId));
        monitor.AdmissionSignature.ShouldBeNull();
        (await _app.WithDbAsync(db => db.CustodySignerGrants.CountAsync(g => g.UserId == monitorId))).ShouldBe(0);
        (await _app.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == "member.admission-revoked" && a.SubjectId == monitorId.ToString()))).ShouldBe(1);
    }

    [Fact]
    public async Task The_key_the_administrator_could_unwrap_with_the_one_time_password_is_replaced_at_the_first_password_change()
    {
        var oneTimePassword = await CreateAccountAsync();
        var memberId = await IdOfAsync(PuppetEmail);
        var administratorsSession = new StaffBrowser(_app.CreateClient(acceptLanguage: "en"));
        StaffBrowser.RedirectTarget(await administratorsSession.SignInWithPasswordAsync(PuppetEmail, oneTimePassword)).ShouldBe("/account/password");
        var dumped = await _app.WithDbAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Id == memberId));
        var cost = new Argon2Cost(8192, 1);
        var unwrappedByTheAdministrator = new UserKeys(dumped.PublicKey!, dumped.WrappedPrivateKey!, dumped.KeySalt!).Unwrap(memberId, oneTimePassword, cost);

        var member = new StaffBrowser(_app.CreateClient(acceptLanguage: "en"));
        await member.SignInWithPasswordAsync(PuppetEmail, oneTimePassword);
        (await member.SubmitAsync("/account/password", new Dictionary<string, string>
        {
            ["Input.CurrentPassword"] = oneTimePassword,
            ["Input.NewPassword"] = PuppetPassword,
            ["Input.ConfirmPassword"] = PuppetPassword,
        })).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var stored = await _app.WithDbAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Id == memberId));
        stored.PublicKey.ShouldNotBe(dumped.PublicKey, "a new pair, made under the member's own password");
        Crypto.PublicKeyOf(unwrappedByTheAdministrator).ShouldNotBe(stored.PublicKey!);
        (await _app.WithDbAsync(db => db.StaffSessions.CountAsync(s => s.UserId == memberId && s.RevokedAtUtc == null))).ShouldBe(1, "the sessions opened with the one-time password ended; the member's own goes on");
        var afterwards = await administratorsSession.GetAsync("/account/password");
        afterwards.StatusCode.ShouldBe(HttpStatusCode.Redirect, "the administrator's session opened with the one-time password has ended");
    }

    private async Task<string> CreateAccountAsync()
    {
        var admin = await _app.SignInAsync("admin@demo");
        var npmId = await _app.WithDbAsync(db => db.Organisations.Where(o => o.Code == "npm").Select(o => o.Id).SingleAsync());
        var created = await admin.SubmitAsync("/admin/users/new", new Dictionary<string, string>
        {
            ["Input.DisplayName"] = "Puppet supervisor",
            ["Input.Email"] = PuppetEmail,
            ["Input.Roles"] = StaffRole.Supervisor,
            ["Input.OrganisationId"] = npmId.ToString(),
        });
        var oneTimePassword = OneTimePassword().Match(await created.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).Groups[1].Value;
        oneTimePassword.Length.ShouldBe(20);
        return oneTimePassword;
    }

    private async Task<StaffBrowser> CreatePuppetAsync()
    {
        var oneTimePassword = await CreateAccountAsync();

        var first = new StaffBrowser(_app.CreateClient(acceptLanguage: "en"));
        StaffBrowser.RedirectTarget(await first.SignInWithPasswordAsync(PuppetEmail, oneTimePassword)).ShouldBe("/account/password");
        (await first.SubmitAsync("/account/password", new Dictionary<string, string>
        {
            ["Input.CurrentPassword"] = oneTimePassword,
            ["Input.NewPassword"] = PuppetPassword,
            ["Input.ConfirmPassword"] = PuppetPassword,
        })).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var puppet = new StaffBrowser(_app.CreateClient(acceptLanguage: "en"));
        await puppet.SignInAndEnrolAsync(PuppetEmail, PuppetPassword);
        return puppet;
    }

    private static async Task<Keyring.OrganisationSecrets> NpmSecretsAsync(QorgauDbContext db, Guid npmId)
    {
        var supervisor = await db.Users.SingleAsync(u => u.Email == "supervisor@npm.demo");
        var privateKey = new UserKeys(supervisor.PublicKey!, supervisor.WrappedPrivateKey!, supervisor.KeySalt!).Unwrap(supervisor.Id, DemoVerb.DemoPassword, new Argon2Cost(8192, 1));
        var holder = await db.OrganisationKeyHolders.SingleAsync(h => h.OrganisationId == npmId && h.UserId == supervisor.Id);
        return Keyring.OpenOrganisationSecrets(holder.SealedSecrets, privateKey, npmId);
    }

    private Task<Guid> IdOfAsync(string email) => _app.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());

    private Task<int> GrantsOfAsync(Guid userId) =>
        _app.WithDbAsync(db => db.CaseKeyGrants.CountAsync(g => g.RecipientKind == KeyRecipient.User && g.RecipientId == userId));

    public async ValueTask InitializeAsync() => await _app.InitializeAsync();

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    [GeneratedRegex("""<code class="key">([A-Za-z0-9]{20})</code>""")]
    private static partial Regex OneTimePassword();
}
