using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Qorgau.IntegrationTests.Infrastructure;
using Qorgau.Web.Infrastructure.CommandLine;

namespace Qorgau.IntegrationTests.Account;

/// <summary>
/// A session that idle time ended must not keep the private key it holds encrypted: with a stolen
/// cookie (or a later leak of the cookie secret) and a database copy, that row would still open it.
/// </summary>
public sealed class ExpiredSessionKeyTests : IAsyncLifetime
{
    private const string Password = DemoVerb.DemoPassword;
    private readonly QorgauAppFactory _app = new();

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_session_left_idle_loses_its_encrypted_key_at_the_periodic_deadline_scan()
    {
        await new StaffBrowser(_app.CreateClient(acceptLanguage: "en")).SignInWithPasswordAsync("monitor@npm.demo", Password);
        await new StaffBrowser(_app.CreateClient(acceptLanguage: "en")).SignInWithPasswordAsync("analyst@npm.demo", Password);
        await LeaveIdleAsync("monitor@npm.demo", TimeSpan.FromMinutes(31));

        await using var watching = _app.WithWebHostBuilder(b => b.UseSetting("Cases:DeadlineWatcher", "true"));
        _ = watching.Server;
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while ((await KeyLengthsAsync("monitor@npm.demo")).Any(l => l > 0) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100, Cancel);
        }

        (await KeyLengthsAsync("monitor@npm.demo")).ShouldBe([0], "the idle session's key is erased");
        (await KeyLengthsAsync("analyst@npm.demo")).ShouldAllBe(l => l > 0, "a live session keeps its key");
    }

    [Fact]
    public async Task Signing_in_again_erases_the_keys_of_that_persons_idle_sessions()
    {
        await new StaffBrowser(_app.CreateClient(acceptLanguage: "en")).SignInWithPasswordAsync("supervisor@npm.demo", Password);
        await new StaffBrowser(_app.CreateClient(acceptLanguage: "en")).SignInWithPasswordAsync("intake@npm.demo", Password);
        await LeaveIdleAsync("supervisor@npm.demo", TimeSpan.FromHours(2));
        await LeaveIdleAsync("intake@npm.demo", TimeSpan.FromHours(2));

        await new StaffBrowser(_app.CreateClient(acceptLanguage: "en")).SignInWithPasswordAsync("supervisor@npm.demo", Password);

        var supervisorKeys = await KeyLengthsAsync("supervisor@npm.demo");
        supervisorKeys.Count(l => l == 0).ShouldBe(1, "the idle session's key is erased");
        supervisorKeys.Count(l => l > 0).ShouldBe(1, "the new session holds its key");
        (await KeyLengthsAsync("intake@npm.demo")).ShouldAllBe(l => l > 0, "another person's sessions wait for the scan");
    }

    public async ValueTask InitializeAsync()
    {
        await _app.LoadDemoAsync();
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private Task<int> LeaveIdleAsync(string email, TimeSpan idle) => _app.WithDbAsync(async db =>
    {
        var userId = await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync(Cancel);
        var then = _app.Clock.GetUtcNow().UtcDateTime - idle;
        return await db.StaffSessions.Where(s => s.UserId == userId).ExecuteUpdateAsync(u => u.SetProperty(s => s.LastSeenAtUtc, then), Cancel);
    });

    private Task<List<int>> KeyLengthsAsync(string email) => _app.WithDbAsync(async db =>
    {
        var userId = await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync(Cancel);
        var keys = await db.StaffSessions.AsNoTracking().Where(s => s.UserId == userId).Select(s => s.EncryptedPrivateKey).ToListAsync(Cancel);
        return keys.Select(k => k.Length).ToList();
    });
}
