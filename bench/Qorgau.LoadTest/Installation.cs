using System.Globalization;
using Qorgau.Domain.Security;

namespace Qorgau.LoadTest;

/// <summary>
/// A throwaway installation on PostgreSQL for the mixed load and the node comparison: a database of its
/// own on the server given, <c>qorgau migrate</c>, <c>qorgau demo --cases N</c>, a personal access token
/// for each staff account the load signs in with, and one or more app processes (nodes) sharing the
/// database, the data directory (blobs, installation secret) and the configuration, each on its own port.
/// Disposing stops the nodes and deletes the directory; the database stays on the (throwaway) server.
/// </summary>
internal sealed class Installation : IDisposable
{
    private readonly string _executable;
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("qorgau-mixed-");
    private readonly Dictionary<string, string> _environment;
    private readonly List<AppUnderTest> _nodes = [];

    private Installation(string executable, string server, Argon2Cost cost)
    {
        _executable = executable;
        var database = $"qorgau_load_{DateTime.UtcNow:yyyyMMddHHmmss}_{Environment.ProcessId}";
        _environment = new Dictionary<string, string>
        {
            ["Database__Provider"] = "Postgres",
            ["ConnectionStrings__Qorgau"] = $"{server.TrimEnd(';')};Database={database}",
            ["Storage__DataDirectory"] = Path.Combine(_directory.FullName, "data"),
            ["Intake__ReceiptMemoryKiB"] = cost.MemoryKiB.ToString(CultureInfo.InvariantCulture),
            ["Intake__ReceiptPasses"] = cost.Passes.ToString(CultureInfo.InvariantCulture),

            // Every visitor of the load comes from 127.0.0.1: the per-address limits would turn the
            // load into 429s after a few requests. The load paces the KDF-bound requests itself.
            ["Intake__FilingsPerClient"] = "1000000",
            ["Intake__FilingsPerMinute"] = "1000000",
            ["Intake__ReceiptAttemptsPerClient"] = "1000000",
            ["Intake__ReceiptAttemptsPerMinute"] = "1000000",
            ["Intake__StatisticsRequestsPerClient"] = "1000000",
            ["ASPNETCORE_ENVIRONMENT"] = "Demo",
        };
    }

    public IReadOnlyList<AppUnderTest> Nodes => _nodes;

    /// <summary>The staff accounts the load signs in as, with the token made for each.</summary>
    public IReadOnlyList<(string Email, string Token)> Tokens { get; private set; } = [];

    /// <summary>The demo accounts that work the demo cases (DemoVerb: the first supervisor, case worker or investigator of each organisation).</summary>
    public static readonly string[] StaffEmails =
        ["supervisor@npm.demo", "caseworker@ngo-coalition.demo", "supervisor@prosecutor.demo"];

    /// <summary>The demo accounts' password (DemoVerb.DemoPassword: public by design, demo accounts guard nothing).</summary>
    public const string DemoPassword = "demo-Qorgau-2026";

    public static async Task<Installation> CreateAsync(string executable, string server, Argon2Cost cost, int cases, int nodes, TextWriter log, CancellationToken cancellationToken)
    {
        var installation = new Installation(executable, server, cost);
        try
        {
            await installation.LoadAsync(cases, log, cancellationToken);
            for (var i = 0; i < nodes; i++)
            {
                // Each node its own audit anchor file, as docs/deployment.md says for a shared data directory.
                var environment = new Dictionary<string, string>(installation._environment)
                {
                    ["Audit__AnchorFile"] = Path.Combine(installation._directory.FullName, $"audit-anchors-node{i + 1}.log"),
                };
                installation._nodes.Add(await AppUnderTest.StartNodeAsync(executable, installation._directory, environment, log, cancellationToken));
            }

            return installation;
        }
        catch
        {
            installation.Dispose();
            throw;
        }
    }

    public void Dispose()
    {
        _nodes.ForEach(n => n.Dispose());
        try
        {
            _directory.Delete(recursive: true);
        }
        catch (IOException)
        {
            // A file still held open; the directory is under the system's temporary folder.
        }
    }

    private async Task LoadAsync(int cases, TextWriter log, CancellationToken cancellationToken)
    {
        log.WriteLine($"  qorgau migrate; qorgau demo --cases {cases} → {_directory.FullName}");
        await RunAsync(cancellationToken, "migrate");

        // The demo verb prints a recovery key of the throwaway installation: kept out of the report.
        await RunAsync(cancellationToken, "demo", "--cases", cases.ToString(CultureInfo.InvariantCulture));
        var tokens = new List<(string, string)>();
        foreach (var email in StaffEmails)
        {
            var output = await RunAsync(cancellationToken, "tokens", "create", "--user", email, "--name", "load test");
            tokens.Add((email, output.Trim()));
        }

        Tokens = tokens;
    }

    private Task<string> RunAsync(CancellationToken cancellationToken, params string[] arguments) =>
        AppUnderTest.RunVerbAsync(_executable, _directory, _environment, cancellationToken, arguments);
}
