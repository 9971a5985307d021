using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qorgau.Data;
using Qorgau.Domain.Evidence;
using Qorgau.Domain.Security;
using Qorgau.IntegrationTests.Infrastructure;
using Qorgau.Web.Infrastructure.CommandLine;

namespace Qorgau.IntegrationTests.Evidence;

/// <summary>The custody signer grant: the organisation's signing key alone, sealed to members who are not key holders.</summary>
public sealed class CustodySignerTests : IAsyncLifetime
{
    private readonly QorgauAppFactory _app = new();

    [Fact]
    public async Task The_demo_gives_case_working_members_the_signing_key_and_nobody_else()
    {
        var grants = await _app.WithDbAsync(db => db.CustodySignerGrants.Join(db.Users, g => g.UserId, u => u.Id, (g, u) => u.Email!).ToListAsync());

        grants.ShouldContain("monitor@npm.demo");
        grants.ShouldContain("intake@npm.demo");
        grants.ShouldContain("deputy@prosecutor.demo");
        grants.ShouldNotContain("analyst@npm.demo");
        grants.ShouldNotContain("admin@demo");
        grants.ShouldNotContain("supervisor@npm.demo", "a key holder signs through the organisation keys");
        (await SigningKeyOfAsync("monitor")).ShouldNotBeNull();
    }

    [Fact]
    public async Task A_key_holder_gives_one_member_the_signing_key_on_the_key_holder_page()
    {
        var monitorId = await _app.WithDbAsync(db => db.Users.Where(u => u.Email == "monitor@npm.demo").Select(u => u.Id).SingleAsync());
        await _app.WithDbAsync(db => db.CustodySignerGrants.Where(g => g.UserId == monitorId).ExecuteDeleteAsync());
        (await SigningKeyOfAsync("monitor")).ShouldBeNull();
        var supervisor = new StaffBrowser(_app.CreateClient(acceptLanguage: "en"));
        await supervisor.SignInAndEnrolAsync("supervisor@npm.demo", DemoVerb.DemoPassword);

        var page = await (await supervisor.SubmitAsync("/staff/key-holder", new Dictionary<string, string>(), action: $"/staff/key-holder?id={monitorId}&handler=CustodySigner"))
            .Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        page.ShouldContain("Done: Demo NPM monitor.");
        page.ShouldContain("can sign custody entries");
        var signingKey = (await SigningKeyOfAsync("monitor")).ShouldNotBeNull();
        var organisationKey = await _app.WithDbAsync(db => db.Organisations.Where(o => o.Code == "npm").Select(o => o.SigningPublicKey).SingleAsync());
        CustodySigning.PublicKeyOf(signingKey).ShouldBe(organisationKey);
        (await _app.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == "custody-signer.granted" && a.SubjectId == monitorId.ToString()))).ShouldBe(1);
    }

    /// <summary>What the member's own key opens of their grant (their private key unwrapped with the demo password, as at sign-in).</summary>
    private async Task<byte[]?> SigningKeyOfAsync(string who)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<QorgauDbContext>();
        var user = await db.Users.SingleAsync(u => u.Email == DemoAccounts.Email(who));
        var grant = await db.CustodySignerGrants.SingleOrDefaultAsync(g => g.UserId == user.Id);
        if (grant is null)
        {
            return null;
        }

        var privateKey = new UserKeys(user.PublicKey!, user.WrappedPrivateKey!, user.KeySalt!).Unwrap(user.Id, DemoVerb.DemoPassword, new Argon2Cost(8192, 1));
        return CustodySigning.OpenForMember(grant.SealedKey, privateKey, grant.OrganisationId, user.Id);
    }

    public async ValueTask InitializeAsync() => await _app.LoadDemoAsync();

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
