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

    /// <summary>
    /// Makes this database, still untouched, a copy of the template's (made first if it is the run's first
    /// use of it), data directory included.
    /// </summary>
    public async Task CopyFromAsync(DatabaseTemplate template)
    {
        var source = await template.DatabaseAsync();
        if (File.Exists(Path.Combine(DataDirectory, "qorgau.db")))
        {
            throw new InvalidOperationException("A database is copied from a template before the app or a verb opens it.");
        }

        CopyDirectory(source.DataDirectory, DataDirectory);
        if (_postgresServer is not null)
        {
            await CreateFromAsync(source._databaseName);
        }
    }

    /// <summary>Closes what is still connected to this database, so that it can be copied.</summary>
    internal async Task CloseConnectionsAsync()
    {
        if (_postgresServer is null)
        {
            ClearSqlitePool();
            return;
        }

        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(_postgresServer);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = @name AND pid <> pg_backend_pid()", connection);
        command.Parameters.AddWithValue("name", _databaseName);
        await command.ExecuteNonQueryAsync();
    }

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
        else
        {
            ClearSqlitePool();
        }

        Directory.Delete(DataDirectory, recursive: true);
    }

    // This database's pool only: clearing every pool closed other tests' idle connections, and SQLite removes
    // the WAL file when the last connection to a database closes (DataFilePermissionsTests looks for it).
    private void ClearSqlitePool()
    {
        using var connection = new Microsoft.Data.Sqlite.SqliteConnection(ConnectionString);
        Microsoft.Data.Sqlite.SqliteConnection.ClearPool(connection);
    }

    private async Task CreateFromAsync(string template)
    {
        await using var connection = new NpgsqlConnection(_postgresServer);
        await connection.OpenAsync();
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var command = new NpgsqlCommand($"CREATE DATABASE \"{_databaseName}\" TEMPLATE \"{template}\"", connection);
                await command.ExecuteNonQueryAsync();
                return;
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.ObjectInUse && attempt < 20)
            {
                // A connection of the template's own making was still closing.
                await Task.Delay(TimeSpan.FromMilliseconds(100 * attempt));
            }
        }
    }

    /// <summary>Copies files and folders with their modes (the app keeps them private); not SQLite's shared-memory index, which is rebuilt.</summary>
    private static void CopyDirectory(string from, string to)
    {
        foreach (var folder in Directory.EnumerateDirectories(from, "*", SearchOption.AllDirectories))
        {
            var copy = Path.Combine(to, Path.GetRelativePath(from, folder));
            Directory.CreateDirectory(copy);
            KeepMode(folder, copy);
        }

        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories).Where(f => !f.EndsWith("-shm", StringComparison.Ordinal)))
        {
            var copy = Path.Combine(to, Path.GetRelativePath(from, file));
            File.Copy(file, copy);
            KeepMode(file, copy);
        }
    }

    private static void KeepMode(string original, string copy)
    {
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(copy, File.GetUnixFileMode(original));
        }
    }
}
