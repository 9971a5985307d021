using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Qorgau.Data;

public static class DataServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="QorgauDbContext"/> on the chosen provider, pooled: the context holds no state of its own
    /// beyond what EF Core resets, and a pooled context spares every request the context's set-up
    /// (docs/benchmarks-cases.md). <paramref name="configure"/> adds what the host needs (interceptors, which are
    /// singletons, since pooled options are built once).
    /// </summary>
    public static IServiceCollection AddQorgauDatabase(this IServiceCollection services, DatabaseProvider provider, string connectionString, Action<IServiceProvider, DbContextOptionsBuilder>? configure = null)
    {
        switch (provider)
        {
            case DatabaseProvider.Postgres:
                services.AddDbContextPool<QorgauDbContext, PostgresQorgauDbContext>((s, o) => Configure(s, o.UseNpgsql(connectionString), configure));
                break;
            default:
                services.AddDbContextPool<QorgauDbContext, SqliteQorgauDbContext>((s, o) => Configure(s, o.UseSqlite(connectionString), configure));
                break;
        }

        return services;
    }

    private static void Configure(IServiceProvider services, DbContextOptionsBuilder options, Action<IServiceProvider, DbContextOptionsBuilder>? configure) =>
        configure?.Invoke(services, options);
}
