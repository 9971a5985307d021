using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qorgau.Data;
using Qorgau.Domain.Audit;
using Qorgau.IntegrationTests.Infrastructure;
using Qorgau.Web.Infrastructure.Audit;

namespace Qorgau.IntegrationTests.Audit;

/// <summary>
/// An insider who can write to the database (not to the anchor file, nor read the installation
/// secret) trims or rewrites the audit log to hide what they did. Each test tampers with its own
/// demo installation, whose <c>demo</c> verb signed a checkpoint of its head when it stopped.
/// </summary>
public sealed class TrimmedAuditLogTests : IAsyncLifetime
{
    private readonly QorgauAppFactory _app = new();
    private long _anchored;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_demo_verb_signs_a_checkpoint_in_the_database_and_in_the_anchor_file_when_it_stops()
    {
        var rows = await _app.WithDbAsync(db => db.AuditCheckpoints.ToListAsync(Cancel));
        var lines = await File.ReadAllLinesAsync(AnchorFile, Cancel);

        var row = rows.ShouldHaveSingleItem();
        row.EntryCount.ShouldBe(_anchored);
        lines.ShouldBe([AuditAnchor.ToLine(row)]);
        var run = await _app.RunVerbAsync("audit", "verify");
        run.ExitCode.ShouldBe(0, run.Error);
        run.Output.ShouldContain($"the last vouches for entries 1 to {_anchored}");
    }

    [Fact]
    public async Task Deleting_the_last_entries_and_their_checkpoints_is_caught_by_the_anchor_file()
    {
        await _app.WithDbAsync(async db =>
        {
            await db.AuditEntries.Where(a => a.Id > _anchored - 3).ExecuteDeleteAsync(Cancel);
            return await db.AuditCheckpoints.ExecuteDeleteAsync(Cancel);
        });

        var run = await _app.RunVerbAsync("audit", "verify");

        run.ExitCode.ShouldBe(1);
        run.Error.ShouldContain($"entries {_anchored - 2} to {_anchored} were removed from the end");
        run.Error.ShouldContain("missing from the database or differs there");
    }

    [Fact]
    public async Task Deleting_the_last_entries_is_caught_by_the_checkpoint_in_the_database_alone()
    {
        File.Delete(AnchorFile);
        await _app.WithDbAsync(db => db.AuditEntries.Where(a => a.Id == _anchored).ExecuteDeleteAsync(Cancel));

        var run = await _app.RunVerbAsync("audit", "verify");

        run.ExitCode.ShouldBe(1);
        run.Error.ShouldContain($"entry {_anchored} was removed from the end");
    }

    [Fact]
    public async Task Deleting_a_middle_entry_and_recomputing_every_later_hash_is_caught_and_the_range_named()
    {
        await AppendAsync(6);
        (await CheckpointAsync()).ShouldNotBeNull().EntryCount.ShouldBe(_anchored + 6);
        var removed = _anchored + 2;

        await _app.WithDbAsync(async db =>
        {
            var kept = await db.AuditEntries.AsNoTracking().Where(a => a.Id > removed).OrderBy(a => a.Id).ToListAsync(Cancel);
            var previous = await db.AuditEntries.AsNoTracking().SingleAsync(a => a.Id == removed - 1, Cancel);
            await db.AuditEntries.Where(a => a.Id >= removed).ExecuteDeleteAsync(Cancel);
            foreach (var entry in kept.Append(kept[^1]))
            {
                // Renumbered and rehashed, one forged entry at the end to keep the count.
                previous = AuditChain.Next(previous.Id, previous.Hash, new AuditEvent(entry.Action, entry.ActorUserId, entry.OrganisationId, entry.SubjectType, entry.SubjectId, entry.Details), new DateTimeOffset(entry.OccurredAtUtc, TimeSpan.Zero));
                db.AuditEntries.Add(previous);
            }

            return await db.SaveChangesAsync(Cancel);
        });
        (await _app.WithDbAsync(db => AuditChain.VerifyAsync(db.AuditEntries.AsNoTracking().OrderBy(a => a.Id).AsAsyncEnumerable(), Cancel))).ShouldBeNull("the rewritten chain holds together by itself");

        var run = await _app.RunVerbAsync("audit", "verify");

        run.ExitCode.ShouldBe(1);
        run.Error.ShouldContain($"entries {_anchored + 1} to {_anchored + 6} were rewritten");
    }

    [Fact]
    public async Task A_timestamp_altered_by_hand_is_named_by_the_entry_id_without_a_stack_trace()
    {
        var sql = _app.Database.Provider == DatabaseProvider.Sqlite
            ? """UPDATE "AuditLog" SET "OccurredAtUtc" = 'the day before yesterday' WHERE "Id" = 3"""
            : """UPDATE "AuditLog" SET "OccurredAtUtc" = "OccurredAtUtc" - interval '1 day' WHERE "Id" = 3""";
        await _app.WithDbAsync(db => db.Database.ExecuteSqlRawAsync(sql, Cancel));

        var run = await _app.RunVerbAsync("audit", "verify");

        run.ExitCode.ShouldBe(1);
        run.Error.ShouldContain(_app.Database.Provider == DatabaseProvider.Sqlite ? "entry 3 cannot be read" : "entry 3 was altered");
        run.Error.ShouldNotContain("   at ");
        run.Error.ShouldNotContain("Exception");
    }

    [Fact]
    public async Task A_checkpoint_row_forged_without_the_installation_key_is_caught()
    {
        await _app.WithDbAsync(async db =>
        {
            var head = await db.AuditEntries.OrderByDescending(a => a.Id).Select(a => a.Hash).FirstAsync(Cancel);
            var genuine = await db.AuditCheckpoints.AsNoTracking().SingleAsync(Cancel);
            db.AuditCheckpoints.Add(new AuditCheckpoint { EntryCount = _anchored - 1, HeadHash = head, CreatedAtUtc = _app.Clock.GetUtcNow().UtcDateTime, Signature = genuine.Signature });
            return await db.SaveChangesAsync(Cancel);
        });

        var run = await _app.RunVerbAsync("audit", "verify");

        run.ExitCode.ShouldBe(1);
        run.Error.ShouldContain($"(entry {_anchored - 1}) is not signed by this installation's audit key");
    }

    [Fact]
    public async Task A_checkpoint_row_altered_to_match_a_trimmed_log_is_caught()
    {
        await _app.WithDbAsync(async db =>
        {
            await db.AuditEntries.Where(a => a.Id == _anchored).ExecuteDeleteAsync(Cancel);
            var newHead = await db.AuditEntries.Where(a => a.Id == _anchored - 1).Select(a => a.Hash).SingleAsync(Cancel);
            return await db.AuditCheckpoints.ExecuteUpdateAsync(u => u.SetProperty(c => c.EntryCount, _anchored - 1).SetProperty(c => c.HeadHash, newHead), Cancel);
        });

        var run = await _app.RunVerbAsync("audit", "verify");

        run.ExitCode.ShouldBe(1);
        run.Error.ShouldContain($"entry {_anchored} was removed from the end");
        run.Error.ShouldContain("is not signed by this installation's audit key");
    }

    [Fact]
    public async Task The_running_app_signs_a_checkpoint_when_the_log_reaches_a_mark_and_when_it_stops()
    {
        const int every = 5;
        var app = _app.WithWebHostBuilder(b => b.UseSetting("Audit:CheckpointEvery", every.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        var mark = ((_anchored / every) + 1) * every;
        await AppendAsync(app, (int)(mark - _anchored));

        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!await HasCheckpointAsync(mark) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100, Cancel);
        }

        (await HasCheckpointAsync(mark)).ShouldBeTrue("a checkpoint at the mark");
        await AppendAsync(app, 1);
        await app.DisposeAsync();
        (await File.ReadAllLinesAsync(AnchorFile, Cancel)).Select(AuditAnchor.ParseLine).Select(c => c!.EntryCount).ShouldBe([_anchored, mark, mark + 1]);
        (await _app.RunVerbAsync("audit", "verify")).ExitCode.ShouldBe(0);
    }

    [Fact]
    public async Task No_checkpoint_is_signed_for_a_log_that_no_longer_continues_from_the_last_one()
    {
        await _app.WithDbAsync(db => db.AuditEntries.Where(a => a.Id == _anchored).ExecuteDeleteAsync(Cancel));
        await AppendAsync(2);

        var checkpoint = await CheckpointAsync();

        checkpoint.ShouldBeNull();
        (await _app.WithDbAsync(db => db.AuditCheckpoints.CountAsync(Cancel))).ShouldBe(1);
        (await File.ReadAllLinesAsync(AnchorFile, Cancel)).Length.ShouldBe(1);
    }

    [Fact]
    public async Task Each_anchor_line_also_goes_to_syslog_when_a_socket_is_configured()
    {
        var socketPath = Path.Combine(_app.Database.DataDirectory, "syslog.sock");
        using var syslog = new System.Net.Sockets.Socket(System.Net.Sockets.AddressFamily.Unix, System.Net.Sockets.SocketType.Dgram, System.Net.Sockets.ProtocolType.Unspecified);
        syslog.Bind(new System.Net.Sockets.UnixDomainSocketEndPoint(socketPath));
        await using var app = _app.WithWebHostBuilder(b => b.UseSetting("Audit:SyslogSocket", socketPath));
        await AppendAsync(app, 1);

        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<AuditCheckpoints>().WriteAsync(Cancel);
        }

        var buffer = new byte[1024];
        var received = await syslog.ReceiveAsync(buffer, System.Net.Sockets.SocketFlags.None, Cancel);

        var line = System.Text.Encoding.UTF8.GetString(buffer, 0, received);
        line.ShouldStartWith($"<37>qorgau: qorgau-audit-checkpoint/1 {_anchored + 1} ");
        (await File.ReadAllLinesAsync(AnchorFile, Cancel)).ShouldContain(line["<37>qorgau: ".Length..]);
    }

    public async ValueTask InitializeAsync()
    {
        await _app.LoadDemoAsync();
        _anchored = await _app.WithDbAsync(db => db.AuditEntries.LongCountAsync(Cancel));
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private string AnchorFile => Path.Combine(_app.Database.DataDirectory, "audit-anchors.log");

    private Task AppendAsync(int count) => AppendAsync(_app, count);

    private Task<bool> HasCheckpointAsync(long count) => _app.WithDbAsync(db => db.AuditCheckpoints.AnyAsync(c => c.EntryCount == count, Cancel));

    private static async Task AppendAsync(WebApplicationFactory<Program> app, int count)
    {
        for (var i = 0; i < count; i++)
        {
            await using var scope = app.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<AuditLog>().WriteAsync(new AuditEvent("test.appended"), Cancel);
        }
    }

    private async Task<AuditCheckpoint?> CheckpointAsync()
    {
        await using var scope = _app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AuditCheckpoints>().WriteAsync(Cancel);
    }
}
