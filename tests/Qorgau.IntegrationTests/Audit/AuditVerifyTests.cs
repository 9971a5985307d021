using Microsoft.EntityFrameworkCore;
using Qorgau.Domain.Audit;
using Qorgau.IntegrationTests.Infrastructure;
using Qorgau.Web.Infrastructure.CommandLine;

namespace Qorgau.IntegrationTests.Audit;

/// <summary>Each test tampers with its own demo installation.</summary>
public sealed class AuditVerifyTests : IAsyncLifetime
{
    private readonly QorgauAppFactory _app = new();

    [Fact]
    public async Task A_fresh_demo_installation_verifies()
    {
        var run = await _app.RunVerbAsync("audit", "verify");

        run.ExitCode.ShouldBe(0, run.Error);
        run.Output.ShouldContain("intact");
    }

    [Fact]
    public async Task Changing_one_row_by_hand_is_caught_and_named()
    {
        await _app.WithDbAsync(db => db.Database.ExecuteSqlRawAsync("""UPDATE "AuditLog" SET "Details" = 'role=supervisor' WHERE "Id" = 3"""));

        var run = await _app.RunVerbAsync("audit", "verify");

        run.ExitCode.ShouldBe(1);
        run.Error.ShouldContain("entry 3 was altered");
    }

    [Fact]
    public async Task Deleting_one_row_by_hand_is_caught_and_named()
    {
        await _app.WithDbAsync(db => db.Database.ExecuteSqlRawAsync("""DELETE FROM "AuditLog" WHERE "Id" = 4"""));

        var run = await _app.RunVerbAsync("audit", "verify");

        run.ExitCode.ShouldBe(1);
        run.Error.ShouldContain("entry 4 is missing");
    }

    [Fact]
    public async Task The_application_refuses_to_change_or_delete_an_audit_row()
    {
        await Should.ThrowAsync<InvalidOperationException>(() => _app.WithDbAsync(async db =>
        {
            var entry = await db.AuditEntries.OrderBy(a => a.Id).FirstAsync();
            db.AuditEntries.Remove(entry);
            return await db.SaveChangesAsync();
        }));
    }

    [Fact]
    public async Task The_demo_records_who_was_created_without_any_personal_content()
    {
        var entries = await _app.WithDbAsync(db => db.AuditEntries.OrderBy(a => a.Id).ToListAsync());

        entries.Count(e => e.Action == "user.created").ShouldBe(DemoVerb.Accounts.Count);
        entries.ShouldContain(e => e.Action == "demo.loaded");
        entries.ShouldAllBe(e => e.Details == null || !e.Details.Contains('@'));
        (await AuditChain.VerifyAsync(entries.ToAsyncEnumerable(), TestContext.Current.CancellationToken)).ShouldBeNull();
    }

    public async ValueTask InitializeAsync()
    {
        await _app.LoadDemoAsync();
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
