using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qorgau.Data;
using Qorgau.IntegrationTests.Intake;
using Qorgau.Web.Features.Cases;
using Qorgau.Web.Infrastructure.Nodes;
using static Qorgau.IntegrationTests.Intake.IntakeApi;

namespace Qorgau.IntegrationTests.Infrastructure;

/// <summary>
/// Two app nodes on one database share what an attacker would otherwise multiply by the number of
/// nodes: the receipt and filing limits and the sign-in throttle (spent proof-of-work challenges:
/// <see cref="ProofOfWorkTests"/>); and the
/// deadline scan runs on one node at a time. Each node is its own host with its own services and memory.
/// </summary>
public sealed class TwoNodeTests : IAsyncLifetime
{
    private readonly DemoAppFactory _first = new() { Settings = new Dictionary<string, string?> { ["Intake:ReceiptAttemptsPerClient"] = "2", ["Intake:FilingsPerClient"] = "100", ["Security:LockoutAttempts"] = "2" } };
    private QorgauAppFactory _second = null!;

    [Fact]
    public async Task Receipt_attempts_on_two_nodes_count_against_one_limit()
    {
        var filed = await FileAsync(_first.CreateClient(acceptLanguage: "en"), "Two nodes, one limit.");
        var onFirst = _first.CreateClient(acceptLanguage: "en");
        var onSecond = _second.CreateClient(acceptLanguage: "en");

        (await PostAsync(onFirst, SessionUrl, new { receipt = NearMiss(filed.Receipt) })).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await PostAsync(onSecond, SessionUrl, new { receipt = NearMiss(NearMiss(filed.Receipt)) })).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        var third = await PostAsync(onSecond, SessionUrl, new { receipt = filed.Receipt });
        var fourth = await PostAsync(onFirst, SessionUrl, new { receipt = filed.Receipt });

        await ProblemAsync(third, HttpStatusCode.TooManyRequests);
        await ProblemAsync(fourth, HttpStatusCode.TooManyRequests);
        third.Headers.RetryAfter.ShouldNotBeNull();
    }

    [Fact]
    public async Task The_limit_opens_again_when_the_window_has_passed_on_the_shared_clock()
    {
        var filed = await FileAsync(_first.CreateClient(acceptLanguage: "en"), "The window slides.");
        var onFirst = _first.CreateClient(acceptLanguage: "en");
        await PostAsync(onFirst, SessionUrl, new { receipt = NearMiss(filed.Receipt) });
        await PostAsync(onFirst, SessionUrl, new { receipt = NearMiss(filed.Receipt) });
        (await PostAsync(_second.CreateClient(acceptLanguage: "en"), SessionUrl, new { receipt = filed.Receipt })).StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);

        _first.Clock.Advance(TimeSpan.FromMinutes(16));

        (await PostAsync(_second.CreateClient(acceptLanguage: "en"), SessionUrl, new { receipt = filed.Receipt })).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Failed_sign_ins_on_two_nodes_add_up_to_one_throttle()
    {
        var first = new StaffBrowser(_first.CreateClient(acceptLanguage: "en"));
        var second = new StaffBrowser(_second.CreateClient(acceptLanguage: "en"));
        const string Email = "supervisor@npm.demo";

        await first.SignInWithPasswordAsync(Email, "wrong password one");
        await second.SignInWithPasswordAsync(Email, "wrong password two");
        await first.SignInWithPasswordAsync(Email, Web.Infrastructure.CommandLine.DemoVerb.DemoPassword);

        (await _first.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.Action == "login.failed"))).ShouldBe(2);
        (await _first.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.Action == "login.throttled"))).ShouldBe(1, "the right password on the first node is refused after one failure on each node");
    }

    [Fact]
    public async Task The_deadline_scan_skips_its_turn_while_another_node_runs_it()
    {
        var scans = _second.Services.GetRequiredService<IServiceScopeFactory>();
        if (_first.Database.Provider == DatabaseProvider.Postgres)
        {
            // SQLite serves one node: there the lock is the database's own write lock.
            await using var holder = _first.Services.CreateAsyncScope();
            var holding = holder.ServiceProvider.GetRequiredService<QorgauDbContext>();
            await using var held = await holding.Database.BeginTransactionAsync(TestContext.Current.CancellationToken);
            (await ClusterLock.TryTakeForTransactionAsync(holding, ClusterLock.DeadlineScan, TestContext.Current.CancellationToken)).ShouldBeTrue();

            (await RunScanAsync(scans)).ShouldBeNull();
        }

        (await RunScanAsync(scans)).ShouldNotBeNull();
    }

    private static async Task<int?> RunScanAsync(IServiceScopeFactory scopes)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<DeadlineScan>().RunOnOneNodeAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task The_shared_counts_hold_neither_addresses_nor_emails_and_are_pruned_after_their_window()
    {
        var filed = await FileAsync(_first.CreateClient(acceptLanguage: "en"), "What the table holds.");
        await new StaffBrowser(_second.CreateClient(acceptLanguage: "en")).SignInWithPasswordAsync("monitor@npm.demo", "wrong password");

        var keys = await _first.WithDbAsync(db => db.ThrottleEvents.Select(e => e.Key).ToListAsync());
        keys.ShouldNotBeEmpty();
        keys.ShouldAllBe(k => !k.Contains('@') && !k.Contains("127.0.0.1") && !k.Contains("filing") && k.Length == 44);
        filed.Receipt.ShouldNotBeNullOrEmpty();

        _first.Clock.Advance(TimeSpan.FromHours(2));
        var pruned = await _first.Services.GetRequiredService<SharedCounter>().PruneAsync(TestContext.Current.CancellationToken);

        pruned.ShouldBeGreaterThanOrEqualTo(keys.Count);
        (await _first.WithDbAsync(db => db.ThrottleEvents.CountAsync())).ShouldBe(0);
    }

    public async ValueTask InitializeAsync()
    {
        await _first.InitializeAsync();
        _second = _first.SecondNode();
    }

    public async ValueTask DisposeAsync()
    {
        await _second.DisposeAsync();
        await _first.DisposeAsync();
    }
}
