using System.Diagnostics;
using System.Text;
using Npgsql;

namespace Qorgau.Web.Infrastructure.Backups;

/// <summary>
/// <c>pg_dump</c> and <c>pg_restore</c> in the custom format (<c>--format=custom</c>: compressed, restorable
/// table by table, documented in PostgreSQL's manual), streamed through standard output and input. The
/// connection goes through libpq's environment variables, so the password never appears in a process list.
/// </summary>
internal sealed class PostgresTools(string binDirectory, string connectionString)
{
    /// <summary>The tool's full path, or null with the reason it was not found.</summary>
    public (string? Path, string? Problem) Find(string tool)
    {
        var folders = string.IsNullOrWhiteSpace(binDirectory)
            ? (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(System.IO.Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            : [binDirectory];
        var found = folders.Select(f => System.IO.Path.Combine(f, tool)).FirstOrDefault(File.Exists);
        return found is not null
            ? (found, null)
            : (null, $"{tool} was not found ({(string.IsNullOrWhiteSpace(binDirectory) ? "looked on PATH" : $"looked in Backup:PostgresBinDirectory {binDirectory}")}). "
                + "A PostgreSQL backup needs pg_dump and pg_restore of the server's major version or newer: install them "
                + "(Debian: apt install postgresql-client) or name their folder in Backup:PostgresBinDirectory.");
    }

    /// <summary>Streams a consistent snapshot of the database (pg_dump takes one in a serializable transaction) into <paramref name="output"/>.</summary>
    public async Task DumpAsync(string pgDump, Stream output, CancellationToken cancellationToken)
    {
        using var process = Start(pgDump, ["--format=custom", "--no-owner", "--no-privileges"], redirectInput: false);
        var errors = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.StandardOutput.BaseStream.CopyToAsync(output, cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"pg_dump stopped with exit code {process.ExitCode}: {(await errors).Trim()}");
        }
    }

    /// <summary>Restores a dump read from <paramref name="input"/> in one transaction; killed (and so rolled back) if reading fails.</summary>
    public async Task RestoreAsync(string pgRestore, Stream input, CancellationToken cancellationToken)
    {
        var database = new NpgsqlConnectionStringBuilder(connectionString).Database
            ?? throw new InvalidOperationException("ConnectionStrings:Qorgau names no database.");
        using var process = Start(pgRestore, ["--format=custom", "--no-owner", "--no-privileges", "--single-transaction", "--exit-on-error", "--dbname", database], redirectInput: true);
        var errors = process.StandardError.ReadToEndAsync(cancellationToken);
        try
        {
            await input.CopyToAsync(process.StandardInput.BaseStream, cancellationToken);
            process.StandardInput.Close();
        }
        catch
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"pg_restore stopped with exit code {process.ExitCode}: {(await errors).Trim()}");
        }
    }

    private Process Start(string tool, string[] arguments, bool redirectInput)
    {
        var start = new ProcessStartInfo(tool)
        {
            RedirectStandardOutput = !redirectInput,
            RedirectStandardInput = redirectInput,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in LibpqEnvironment(connectionString))
        {
            start.Environment[name] = value;
        }

        try
        {
            return Process.Start(start) ?? throw new InvalidOperationException($"{tool} could not be started.");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException($"{tool} could not be started: {e.Message}", e);
        }
    }

    /// <summary>libpq's variables for the connection string's host, port, user, password, database and TLS mode.</summary>
    private static IEnumerable<(string, string)> LibpqEnvironment(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        yield return ("PGHOST", builder.Host ?? "localhost");
        yield return ("PGPORT", builder.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (builder.Username is { } user)
        {
            yield return ("PGUSER", user);
        }

        if (builder.Password is { } password)
        {
            yield return ("PGPASSWORD", password);
        }

        if (builder.Database is { } database)
        {
            yield return ("PGDATABASE", database);
        }

        yield return ("PGSSLMODE", builder.SslMode switch
        {
            SslMode.Disable => "disable",
            SslMode.Allow => "allow",
            SslMode.Require => "require",
            SslMode.VerifyCA => "verify-ca",
            SslMode.VerifyFull => "verify-full",
            _ => "prefer",
        });
        yield return ("PGAPPNAME", "qorgau-backup");
    }
}
