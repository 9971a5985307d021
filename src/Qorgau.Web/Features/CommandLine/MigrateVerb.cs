using System.CommandLine;
using Microsoft.EntityFrameworkCore;
using Qorgau.Data;
using Qorgau.Domain.Profiles;
using Qorgau.Web.Infrastructure;
using Qorgau.Web.Infrastructure.CommandLine;

namespace Qorgau.Web.Features.CommandLine;

/// <summary><c>migrate</c>: applies pending schema migrations to the configured database.</summary>
internal sealed class MigrateVerb : IVerb
{
    public string Name => "migrate";

    public string Usage => "migrate";

    public string Description => "apply pending database migrations (SQLite or PostgreSQL)";

    public void Declare(Command command)
    {
    }

    public async Task<int> RunAsync(VerbContext context, ParseResult arguments)
    {
        var db = context.Get<QorgauDbContext>();
        var pending = (await db.Database.GetPendingMigrationsAsync()).ToList();
        await DatabaseInitializer.MigrateAsync(db);
        context.Out.WriteLine(pending.Count == 0
            ? "The database schema was already up to date."
            : $"Applied {pending.Count} migration(s): {string.Join(", ", pending)}");
        var inferred = await ArticlePartStep.RunAsync(db, context.Get<JurisdictionProfile>(), context.Get<TimeProvider>().GetUtcNow().UtcDateTime);
        if (inferred > 0)
        {
            context.Out.WriteLine($"Recorded the article part of {inferred} case(s) qualified under an article the profile divides into parts (flagged as inferred).");
        }

        var staged = await Statistics.FunnelStageWriter.BackfillAsync(db, context.Get<JurisdictionProfile>(), CancellationToken.None);
        if (staged > 0)
        {
            context.Out.WriteLine($"Wrote the funnel's first-reached days of {staged} case(s).");
        }
        return CommandLineApp.Success;
    }
}
