using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Qorgau.Data;

public static class DataServiceCollectionExtensions
{
    /// <summary>Registers <see cref="QorgauDbContext"/> on the chosen provider; <paramref name="configure"/> adds what the host needs (interceptors).</summary>
    public static IServiceCollection AddQorgauDatabase(this IServiceCollection services, DatabaseProvider provider, string connectionString, Action<IServiceProvider, DbContextOptionsBuilder>? configure = null)
    {
        switch (provider)
        {
            case DatabaseProvider.Postgres:
                services.AddDbContext<QorgauDbContext, PostgresQorgauDbContext>((s, o) => Configure(s, o.UseNpgsql(connectionString), configure));
                break;
            default:
                services.AddDbContext<QorgauDbContext, SqliteQorgauDbContext>((s, o) => Configure(s, o.UseSqlite(connectionString), configure));
                break;
        }

        return services;
    }

    private static void Configure(IServiceProvider services, DbContextOptionsBuilder options, Action<IServiceProvider, DbContextOptionsBuilder>? configure) =>
        configure?.Invoke(services, options);
}
