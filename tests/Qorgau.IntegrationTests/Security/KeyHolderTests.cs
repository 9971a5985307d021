using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qorgau.Data;
using Qorgau.Domain.Security;
using Qorgau.IntegrationTests.Infrastructure;
using Qorgau.Web.Features.Admin;
using Qorgau.Web.Infrastructure.CommandLine;
using Qorgau.Web.Infrastructure.Security;

namespace Qorgau.IntegrationTests.Security;

/// <summary>npm's key holder is its supervisor: the page a key holder uses after a colleague's password reset.</summary>
public sealed class KeyHolderTests : IAsyncLifetime
{
    private const string Password = DemoVerb.DemoPassword;
    private const string OwnPassword = "steppe wind over the river";
    private readonly QorgauAppFactory _app = new();

    [Fact]
    public async Task A_key_holder_gives_a_reset_colleague_back_their_cases()
    {
        var caseId = Guid.NewGuid();
        var caseKey = await InScopeAsync(async s => await s.GetRequiredService<CaseKeyring>().CreateCaseKeyAsync(
            caseId, await s.GetRequiredService<QorgauDbContext>().Organisations.SingleAsync(o => o.Code == "npm"), [await UserAsync(s, "analyst")]));
        var newPassword = await InScopeAsync(async s => await s.GetRequiredService<StaffAccounts>().ResetPasswordAsync(await UserAsync(s, "analyst"), (await UserAsync(s, "admin")).Id));
        var analyst = new StaffBrowser(_app.CreateClient(acceptLanguage: "en"));
        await analyst.SignInWithPasswordAsync("analyst@npm.demo", newPassword);
        (await analyst.SubmitAsync("/account/password", new Dictionary<string, string>
        {
            ["Input.CurrentPassword"] = newPassword,
            ["Input.NewPassword"] = OwnPassword,
            ["Input.ConfirmPassword"] = OwnPassword,
        })).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        newPassword = OwnPassword;
        (await OpenAsAnalystAsync(caseId, newPassword)).ShouldBeNull();

        var supervisor = new StaffBrowser(_app.CreateClient(acceptLanguage: "en"));
        await supervisor.SignInAndEnrolAsync("supervisor@npm.demo", Password);
        var analystId = await InScopeAsync(async s => (await UserAsync(s, "analyst")).Id);
        var response = await supervisor.SubmitAsync("/staff/key-holder", new Dictionary<string, string>(), action: $"/staff/key-holder?id={analystId}&handler=Restore");

        (await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).ShouldContain("Done: 1.");
        (await OpenAsAnalystAsync(caseId, newPassword)).ShouldBe(caseKey);
    }

    [Fact]
    public async Task A_member_who_is_not_a_key_holder_is_told_so_and_can_do_nothing()
    {
        var monitor = new StaffBrowser(_app.CreateClient(acceptLanguage: "en"));
        await monitor.SignInAndEnrolAsync("monitor@npm.demo", Password);
        var analystId = await InScopeAsync(async s => (await UserAsync(s, "analyst")).Id);

        (await monitor.GetPageAsync("/staff/key-holder")).ShouldContain("You are not a key holder");
        var response = await monitor.SubmitAsync("/staff", new Dictionary<string, string>(), action: $"/staff/key-holder?id={analystId}&handler=Promote");

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    private async Task<byte[]?> OpenAsAnalystAsync(Guid caseId, string password) =>
        await InScopeAsync(async s =>
        {
            var user = await UserAsync(s, "analyst");
            var privateKey = new UserKeys(user.PublicKey!, user.WrappedPrivateKey!, user.KeySalt!).Unwrap(user.Id, password, new Argon2Cost(8192, 1));
            return await s.GetRequiredService<CaseKeyring>().OpenCaseKeyAsync(caseId, user.Id, privateKey);
        });

    private async Task<T> InScopeAsync<T>(Func<IServiceProvider, Task<T>> action)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        return await action(scope.ServiceProvider);
    }

    private static Task<StaffUser> UserAsync(IServiceProvider services, string who) =>
        services.GetRequiredService<QorgauDbContext>().Users.SingleAsync(u => u.Email == DemoAccounts.Email(who));

    public async ValueTask InitializeAsync() => await _app.LoadDemoAsync();

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
