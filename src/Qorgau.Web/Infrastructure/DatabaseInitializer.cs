using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Qorgau.Data;
using Qorgau.Domain.Profiles;

namespace Qorgau.Web.Infrastructure;

/// <summary>
/// Brings the schema up to date before the app serves anything: always on SQLite (the embedded
/// default must just work), on PostgreSQL only when <c>Database:MigrateOnStart</c> is set, because
/// production schema changes are an operator's decision (the <c>migrate</c> verb).
/// </summary>
public sealed class DatabaseInitializer(IServiceProvider services, IOptions<DatabaseOptions> options, ILogger<DatabaseInitializer> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!ShouldMigrate(options.Value))
        {
            return;
        }

        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<QorgauDbContext>();
        await MigrateAsync(db, cancellationToken);
        var inferred = await ArticlePartStep.RunAsync(db, scope.ServiceProvider.GetRequiredService<JurisdictionProfile>(), scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime, cancellationToken);
        var staged = await Features.Statistics.FunnelStageWriter.BackfillAsync(db, scope.ServiceProvider.GetRequiredService<JurisdictionProfile>(), cancellationToken);
        logger.LogInformation("Database schema is up to date; {Inferred} case(s) had their article part inferred, {Staged} their funnel stages written", inferred, staged);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public static bool ShouldMigrate(DatabaseOptions options) =>
        options.Provider == DatabaseProvider.Sqlite || options.MigrateOnStart;

    public static async Task MigrateAsync(QorgauDbContext db, CancellationToken cancellationToken = default)
    {
        await db.Database.MigrateAsync(cancellationToken);
        if (db.Database.IsSqlite())
        {
            // WAL lets the app read while a verb writes; the file stays one database.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }
    }

    /// <summary>For verbs: migrate where the app would, else refuse to work on an out-of-date schema.</summary>
    public static async Task<string?> EnsureSchemaAsync(QorgauDbContext db, DatabaseOptions options, CancellationToken cancellationToken = default)
    {
        if (ShouldMigrate(options))
        {
            await MigrateAsync(db, cancellationToken);
            return null;
        }

        var pending = await db.Database.GetPendingMigrationsAsync(cancellationToken);
        return pending.Any() ? "the database schema is not up to date: run the 'migrate' verb first" : null;
    }
}
