using Microsoft.EntityFrameworkCore;

namespace Qorgau.IntegrationTests.Infrastructure;

public sealed class DatabaseTests(QorgauAppFactory app) : IClassFixture<QorgauAppFactory>
{
    [Fact]
    public async Task Every_migration_of_the_provider_is_applied_on_start()
    {
        _ = app.Server;
        var (applied, all) = await app.WithDbAsync(async db =>
            ((await db.Database.GetAppliedMigrationsAsync()).ToList(), db.Database.GetMigrations().ToList()));

        all.ShouldNotBeEmpty();
        applied.ShouldBe(all);
    }

    [Fact]
    public async Task The_migrations_match_the_model()
    {
        _ = app.Server;
        var pending = await app.WithDbAsync(db => Task.FromResult(db.Database.HasPendingModelChanges()));

        pending.ShouldBeFalse("run dotnet ef migrations add for both providers (see docs/architecture.md)");
    }

    [Fact]
    public async Task The_migrate_verb_reports_an_up_to_date_schema()
    {
        _ = app.Server;
        var run = await app.RunVerbAsync("migrate");

        run.ExitCode.ShouldBe(0, run.Error);
        run.Output.ShouldContain("already up to date");
    }
}
