using Qorgau.Web.Infrastructure.CommandLine;

[assembly: AssemblyFixture(typeof(Qorgau.IntegrationTests.Infrastructure.DatabaseTemplateCleanup))]

namespace Qorgau.IntegrationTests.Infrastructure;

/// <summary>
/// A database made once per test run that test databases start as copies of, so that each test class does not
/// run the migrations and load the demo itself (that was most of a demo class's set-up). PostgreSQL copies it
/// with <c>CREATE DATABASE ... TEMPLATE</c>, SQLite by copying the file. The data directory goes with it: the
/// installation secret the database's secret check names and the audit anchors its audit chain ends with.
/// </summary>
/// <remarks>
/// Every copy shares the template's installation secret, organisation keys and data protection keys. Nothing
/// crosses from one test host to another, so that is harmless; a test about two installations uses two
/// databases that are not copies of each other.
/// </remarks>
public sealed class DatabaseTemplate
{
    /// <summary>The demo installation without cases, as <c>demo --cases 0</c> leaves it.</summary>
    public static DatabaseTemplate Demo { get; } = new(["demo", "--cases", "0"]);

    private static readonly List<TestDatabase> Made = [];

    private readonly string[] _verb;
    private readonly Lazy<Task<TestDatabase>> _database;

    private DatabaseTemplate(string[] verb)
    {
        _verb = verb;

        // Task.Run: whoever comes first waits for the template without lending it a synchronisation context.
        _database = new(() => Task.Run(() => MakeAsync()));
    }

    /// <summary>The template's database, made on first use by the verb, the same way for the rest of the run.</summary>
    public Task<TestDatabase> DatabaseAsync() => _database.Value;

    /// <summary>Drops every template made in this run (the assembly fixture calls it when the run ends).</summary>
    internal static async ValueTask DropAllAsync()
    {
        TestDatabase[] made;
        lock (Made)
        {
            made = [.. Made];
            Made.Clear();
        }

        foreach (var database in made)
        {
            await database.DisposeAsync();
        }
    }

    private async Task<TestDatabase> MakeAsync()
    {
        var database = new TestDatabase();
        lock (Made)
        {
            Made.Add(database);
        }

        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await CommandLineApp.RunAsync(_verb, output, error, database.Settings, new TestClock());
        if (exitCode != 0)
        {
            throw new InvalidOperationException($"The template '{string.Join(' ', _verb)}' failed ({exitCode}): {error}");
        }

        await database.CloseConnectionsAsync();
        return database;
    }
}

/// <summary>The assembly fixture that drops the run's templates when the run ends.</summary>
public sealed class DatabaseTemplateCleanup : IAsyncDisposable
{
    public ValueTask DisposeAsync() => DatabaseTemplate.DropAllAsync();
}
