using Npgsql;
using Qorgau.Data;

namespace Qorgau.IntegrationTests.Infrastructure;

/// <summary>
/// A throwaway database on the provider under test, chosen by <c>QORGAU_TEST_PROVIDER</c>
/// (<c>Sqlite</c>, the default, or <c>Postgres</c> with the server in <c>QORGAU_TEST_POSTGRES</c>).
/// There is no skipping: asked for PostgreSQL and unable to reach it, the tests fail.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private readonly string? _postgresServer;
    private readonly string _databaseName = $"qorgau_test_{Guid.NewGuid():N}";

    public TestDatabase()
    {
        Provider = Enum.Parse<DatabaseProvider>(Environment.GetEnvironmentVariable("QORGAU_TEST_PROVIDER") ?? nameof(DatabaseProvider.Sqlite), ignoreCase: true);
        DataDirectory = Directory.CreateTempSubdirectory("qorgau-test-").FullName;
        if (Provider == DatabaseProvider.Postgres)
        {
            _postgresServer = Environment.GetEnvironmentVariable("QORGAU_TEST_POSTGRES")
                ?? throw new InvalidOperationException("QORGAU_TEST_PROVIDER=Postgres needs QORGAU_TEST_POSTGRES, e.g. 'Host=127.0.0.1;Port=5432;Username=postgres'.");
            ConnectionString = new NpgsqlConnectionStringBuilder(_postgresServer) { Database = _databaseName }.ConnectionString;
        }
        else
        {
            ConnectionString = $"Data Source={Path.Combine(DataDirectory, "qorgau.db")}";
        }
    }

    public DatabaseProvider Provider { get; }

    public string DataDirectory { get; }

    public string ConnectionString { get; }

    /// <summary>The configuration an app or a verb needs to use this database.</summary>
    public IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Database:Provider"] = Provider.ToString(),
        ["Database:MigrateOnStart"] = "true",
        ["ConnectionStrings:Qorgau"] = ConnectionString,
        ["Storage:DataDirectory"] = DataDirectory,
        ["Logging:LogLevel:Default"] = "Warning",
        ["Security:PasswordMemoryKiB"] = "8192",
        ["Security:PasswordPasses"] = "1",
        ["Intake:ReceiptMemoryKiB"] = "8192",

        // Tests run the deadline scan themselves, at moments they choose.
        ["Cases:DeadlineWatcher"] = "false",
        ["Intake:ReceiptPasses"] = "1",
        ["Intake:FilingsPerClient"] = "10000",
        ["Intake:FilingsPerMinute"] = "10000",
        ["Intake:ReceiptAttemptsPerClient"] = "10000",
        ["Intake:ReceiptAttemptsPerMinute"] = "10000",
        ["Intake:StatisticsRequestsPerClient"] = "10000",
        ["Logging:LogLevel:Microsoft.AspNetCore.StaticFiles"] = "Error",
    };

    public async ValueTask DisposeAsync()
    {
        if (_postgresServer is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(_postgresServer);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_databaseName}\" WITH (FORCE)", connection);
            await command.ExecuteNonQueryAsync();
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(DataDirectory, recursive: true);
    }
}
