using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Qorgau.Data;

/// <summary>Used only by <c>dotnet ef migrations add</c>; the connection strings are never opened.</summary>
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteQorgauDbContext>
{
    public SqliteQorgauDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteQorgauDbContext>().UseSqlite("Data Source=design.db").Options);
}

internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresQorgauDbContext>
{
    public PostgresQorgauDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresQorgauDbContext>().UseNpgsql("Host=localhost;Database=design").Options);
}
