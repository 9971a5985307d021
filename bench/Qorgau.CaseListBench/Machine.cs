using System.Reflection;
using System.Runtime.InteropServices;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Qorgau.CaseListBench;

/// <summary>What the results depend on: the machine, the runtime, the libraries and the server's settings.</summary>
internal sealed record Machine(string Cpu, int Cores, string Memory, string Runtime, string Libraries, string Server, string ServerSettings, string Table)
{
    public static async Task<Machine> DescribeAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        var cpu = ReadLine("/proc/cpuinfo", "model name") ?? RuntimeInformation.ProcessArchitecture.ToString();
        var memory = ReadLine("/proc/meminfo", "MemTotal") is { } total && long.TryParse(total.Replace("kB", "", StringComparison.Ordinal).Trim(), out var kib)
            ? $"{kib / 1024.0 / 1024.0:F1} GiB"
            : "unknown";
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var version = await CaseGenerator.ScalarAsync<string>(connection, "SHOW server_version", cancellationToken);
        var settings = new List<string>();
        foreach (var name in new[] { "shared_buffers", "work_mem", "effective_cache_size", "random_page_cost", "jit", "max_parallel_workers_per_gather" })
        {
            settings.Add($"{name}={await CaseGenerator.ScalarAsync<string>(connection, $"SHOW {name}", cancellationToken)}");
        }

        var table = await CaseGenerator.ScalarAsync<string>(connection,
            """SELECT pg_size_pretty(pg_table_size('"Cases"')) || ' table, ' || pg_size_pretty(pg_indexes_size('"Cases"')) || ' indexes'""", cancellationToken);
        var libraries = $"EF Core {VersionOf(typeof(DbContext))}, Npgsql.EntityFrameworkCore.PostgreSQL {VersionOf(typeof(NpgsqlDbContextOptionsBuilderExtensions))}, Npgsql {VersionOf(typeof(NpgsqlConnection))}";
        return new Machine(cpu, Environment.ProcessorCount, memory, RuntimeInformation.FrameworkDescription, libraries,
            $"PostgreSQL {version}", string.Join(", ", settings), table);
    }

    /// <summary>The 1-, 5- and 15-minute load averages.</summary>
    public static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

    private static string? ReadLine(string path, string key) =>
        File.Exists(path)
            ? File.ReadLines(path).FirstOrDefault(l => l.StartsWith(key, StringComparison.Ordinal))?.Split(':', 2)[1].Trim()
            : null;

    private static string VersionOf(Type type) =>
        type.Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0]
        ?? type.Assembly.GetName().Version?.ToString() ?? "?";
}
