using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Qorgau.Data;
using Qorgau.Domain.Organisations;
using Qorgau.Domain.Security;
using Qorgau.IntegrationTests.Infrastructure;
using Qorgau.Web.Features.Admin;
using Qorgau.Web.Infrastructure.Security;

namespace Qorgau.IntegrationTests.Security;

/// <summary>
/// An organisation made with <c>organisations create</c> has no key holder, only its printed recovery
/// key: a supervisor types it on /staff/key-holder to become one, first and again after a password reset.
/// </summary>
public sealed partial class RecoveryKeyTests : IAsyncLifetime
{
    private const string Code = "safe-harbour";
    private const string SupervisorEmail = "supervisor@safe-harbour.example";
    private const string FirstPassword = "harbour-lights-at-dawn";
    private const string ChosenPassword = "lanterns-over-the-steppe";
    private readonly QorgauAppFactory _app = new();
    private string _recoveryKey = string.Empty;

    [Fact]
    public async Task The_recovery_key_restores_access_after_a_reset()
    {
        var supervisorId = await CreateUserAsync(SupervisorEmail, FirstPassword, StaffRole.Supervisor, inOrganisation: true);
        var caseId = Guid.NewGuid();
        var caseKey = await InScopeAsync(async s => await s.GetRequiredService<CaseKeyring>().CreateCaseKeyAsync(caseId, await OrganisationAsync(s), []));

        // The first key holder: the organisation has none until a supervisor uses the printed key.
        var first = new StaffBrowser(_app.CreateClient(acceptLanguage: "en"));
        var (authenticatorKey, _) = await first.SignInAndEnrolAsync(SupervisorEmail, FirstPassword);
        (await OpenCaseKeyAsync(caseId, supervisorId, FirstPassword)).ShouldBeNull("not a key holder yet");
        (await RecoverAsync(first, _recoveryKey)).ShouldContain("you are now a key holder of your organisation");
        (await OpenCaseKeyAsync(caseId, supervisorId, FirstPassword)).ShouldBe(caseKey);

        // An administrator resets the password: the old private key, and the organisation key sealed to it, are out of reach.
        var oneTimePassword = await InScopeAsync(async s =>
        {
            var db = s.GetRequiredService<QorgauDbContext>();
            var administrator = await db.Users.SingleAsync(u => u.Email == "admin@qorgau.local");
            return await s.GetRequiredService<StaffAccounts>().ResetPasswordAsync(await db.Users.SingleAsync(u => u.Id == supervisorId), administrator.Id);
        });
        var again = new StaffBrowser(_app.CreateClient(acceptLanguage: "en"));
        StaffBrowser.RedirectTarget(await again.SignInWithPasswordAsync(SupervisorEmail, oneTimePassword)).ShouldStartWith("/account/login/code");
        StaffBrowser.RedirectTarget(await again.SubmitAsync("/account/login/code", new Dictionary<string, string> { ["Input.Code"] = StaffBrowser.Totp(authenticatorKey) }))
            .ShouldBe("/account/password");
        var changed = await again.SubmitAsync("/account/password", new Dictionary<string, string>
        {
            ["Input.CurrentPassword"] = oneTimePassword,
            ["Input.NewPassword"] = ChosenPassword,
            ["Input.ConfirmPassword"] = ChosenPassword,
        });
        StaffBrowser.RedirectTarget(changed).ShouldBe("/staff");
        (await OpenCaseKeyAsync(caseId, supervisorId, ChosenPassword)).ShouldBeNull("the reset supervisor's new key opens nothing");

        // Spaces instead of dashes and lower case: typed from paper.
        var page = await RecoverAsync(again, _recoveryKey.Replace('-', ' ').ToLowerInvariant());

        page.ShouldContain("you are now a key holder of your organisation");
        (await OpenCaseKeyAsync(caseId, supervisorId, ChosenPassword)).ShouldBe(caseKey);
        (await _app.WithDbAsync(db => db.OrganisationKeyHolders.CountAsync())).ShouldBe(1);
        (await _app.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == "organisation-keys.recovered" && a.ActorUserId == supervisorId))).ShouldBe(2);
    }

    [Fact]
    public async Task A_wrong_recovery_key_is_refused_next_to_the_field_and_not_shown_again()
    {
        await CreateUserAsync(SupervisorEmail, FirstPassword, StaffRole.Supervisor, inOrganisation: true);
        var supervisor = new StaffBrowser(_app.CreateClient(acceptLanguage: "en"));
        await supervisor.SignInAndEnrolAsync(SupervisorEmail, FirstPassword);
        var wrongKeys = new[] { Keyring.FormatRecoveryKey(Crypto.NewKey()), "ABCD-EFGH", "AAAA-" + _recoveryKey[5..] };

        foreach (var wrongKey in wrongKeys)
        {
            var response = await supervisor.SubmitAsync("/staff/key-holder", new Dictionary<string, string> { ["Recovery.Key"] = wrongKey }, action: "/staff/key-holder?handler=Recover");
            var page = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

            response.StatusCode.ShouldBe(HttpStatusCode.OK);
            FieldError().Match(page).Groups[1].Value.ShouldContain("This recovery key does not open your organisation&#x27;s keys");
            page.ShouldContain("what you typed is not shown again");
            page.ShouldNotContain(wrongKey);
            page.ShouldNotContain(wrongKey.Replace("-", string.Empty, StringComparison.Ordinal));
            var field = KeyField().Match(page).Value;
            field.ShouldContain("value=\"\"");
            Regex.Count(field, "value=").ShouldBe(1, field);
        }

        (await _app.WithDbAsync(db => db.OrganisationKeyHolders.CountAsync())).ShouldBe(0);
        (await _app.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == "organisation-keys.recovery-refused"))).ShouldBe(wrongKeys.Length);
    }

    [Fact]
    public async Task An_empty_recovery_key_is_required_next_to_the_field()
    {
        await CreateUserAsync(SupervisorEmail, FirstPassword, StaffRole.Supervisor, inOrganisation: true);
        var supervisor = new StaffBrowser(_app.CreateClient(acceptLanguage: "ru"));
        await supervisor.SignInAndEnrolAsync(SupervisorEmail, FirstPassword);

        var response = await supervisor.SubmitAsync("/staff/key-holder", new Dictionary<string, string> { ["Recovery.Key"] = "  " }, action: "/staff/key-holder?handler=Recover");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        FieldError().Match(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).Groups[1].Value.ShouldNotBeEmpty();
        (await _app.WithDbAsync(db => db.OrganisationKeyHolders.CountAsync())).ShouldBe(0);
    }

    [Theory]
    [InlineData(StaffRole.CaseWorker, true)]
    [InlineData(StaffRole.Supervisor, false)]
    [InlineData(StaffRole.Supervisor + "," + StaffRole.Administrator, true)]
    public async Task Only_a_supervisor_of_the_organisation_may_use_its_recovery_key(string roles, bool inOrganisation)
    {
        await CreateUserAsync("someone@safe-harbour.example", FirstPassword, roles, inOrganisation);
        var browser = new StaffBrowser(_app.CreateClient(acceptLanguage: "en"));
        await browser.SignInAndEnrolAsync("someone@safe-harbour.example", FirstPassword);

        (await browser.GetPageAsync("/staff/key-holder")).ShouldNotContain("handler=Recover");
        var response = await browser.SubmitAsync("/staff", new Dictionary<string, string> { ["Recovery.Key"] = _recoveryKey }, action: "/staff/key-holder?handler=Recover");

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await _app.WithDbAsync(db => db.OrganisationKeyHolders.CountAsync())).ShouldBe(0);
    }

    private static async Task<string> RecoverAsync(StaffBrowser browser, string recoveryKey)
    {
        var response = await browser.SubmitAsync("/staff/key-holder", new Dictionary<string, string> { ["Recovery.Key"] = recoveryKey }, action: "/staff/key-holder?handler=Recover");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        page.ShouldNotContain(recoveryKey);
        return page;
    }

    /// <param name="roles">Role names separated by commas.</param>
    private async Task<Guid> CreateUserAsync(string email, string password, string roles, bool inOrganisation) =>
        await InScopeAsync(async s =>
        {
            var user = new StaffUser { UserName = email, Email = email, DisplayName = "Aigerim Supervisor", OrganisationId = inOrganisation ? (await OrganisationAsync(s)).Id : null };
            var created = await s.GetRequiredService<StaffAccounts>().CreateAsync(user, password, roles.Split(','));
            created.Succeeded.ShouldBeTrue(string.Join("; ", created.Errors.Select(e => e.Description)));
            return user.Id;
        });

    /// <summary>What the supervisor opens with their key as it stands now, unwrapped with their password.</summary>
    private async Task<byte[]?> OpenCaseKeyAsync(Guid caseId, Guid userId, string password) =>
        await InScopeAsync(async s =>
        {
            var user = await s.GetRequiredService<QorgauDbContext>().Users.AsNoTracking().SingleAsync(u => u.Id == userId);
            var cost = s.GetRequiredService<IOptions<SecurityOptions>>().Value.PasswordCost;
            var privateKey = new UserKeys(user.PublicKey!, user.WrappedPrivateKey!, user.KeySalt!).Unwrap(user.Id, password, cost);
            return await s.GetRequiredService<CaseKeyring>().OpenCaseKeyAsync(caseId, userId, privateKey);
        });

    private static Task<Organisation> OrganisationAsync(IServiceProvider services) =>
        services.GetRequiredService<QorgauDbContext>().Organisations.SingleAsync(o => o.Code == Code);

    private async Task<T> InScopeAsync<T>(Func<IServiceProvider, Task<T>> action)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        return await action(scope.ServiceProvider);
    }

    public async ValueTask InitializeAsync()
    {
        (await _app.RunVerbAsync("init")).ExitCode.ShouldBe(0);
        var run = await _app.RunVerbAsync(
            "organisations", "create", Code, "--kind", "ngo", "--public",
            "--name-kk", "Қауіпсіз айлақ", "--name-ru", "Безопасная гавань", "--name-en", "Safe harbour");
        run.ExitCode.ShouldBe(0, run.Error);
        _recoveryKey = PrintedRecoveryKey().Match(run.Output).Groups[1].Value;
        _recoveryKey.Length.ShouldBe(64, run.Output);
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    [GeneratedRegex(@"^  safe-harbour: ([A-Z2-7]{4}(?:-[A-Z2-7]{1,4}){12})$", RegexOptions.Multiline)]
    private static partial Regex PrintedRecoveryKey();

    [GeneratedRegex("""<span class="field-error[^"]*"[^>]*data-valmsg-for="Recovery.Key"[^>]*>(.*?)</span>""", RegexOptions.Singleline)]
    private static partial Regex FieldError();

    [GeneratedRegex("""<input[^>]*\bname="Recovery.Key"[^>]*>""")]
    private static partial Regex KeyField();
}
