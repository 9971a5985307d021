using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Qorgau.Data;

public static class DataServiceCollectionExtensions
{
    /// <summary>Registers <see cref="QorgauDbContext"/> on the chosen provider.</summary>
    public static IServiceCollection AddQorgauDatabase(this IServiceCollection services, DatabaseProvider provider, string connectionString)
    {
        switch (provider)
        {
            case DatabaseProvider.Postgres:
                services.AddDbContext<QorgauDbContext, PostgresQorgauDbContext>(o => o.UseNpgsql(connectionString));
                break;
            default:
                services.AddDbContext<QorgauDbContext, SqliteQorgauDbContext>(o => o.UseSqlite(connectionString));
                break;
        }

        return services;
    }
}
