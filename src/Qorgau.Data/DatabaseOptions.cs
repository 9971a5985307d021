namespace Qorgau.Data;

/// <summary>Which database to use. Bound from the <c>Database</c> section.</summary>
public sealed class DatabaseOptions
{
    public const string SectionName = "Database";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>Apply pending migrations when the app starts. Always done for SQLite; opt-in for PostgreSQL.</summary>
    public bool MigrateOnStart { get; set; }
}

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}
