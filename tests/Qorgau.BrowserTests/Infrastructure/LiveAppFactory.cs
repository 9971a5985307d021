using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Qorgau.Web.Infrastructure.CommandLine;

namespace Qorgau.BrowserTests.Infrastructure;

/// <summary>
/// The app served by Kestrel on a free loopback port, so a real browser can reach it, on its own
/// throwaway SQLite database holding the demo data.
/// </summary>
public sealed class LiveAppFactory : WebApplicationFactory<Program>
{
    private readonly string _dataDirectory = Directory.CreateTempSubdirectory("qorgau-browser-").FullName;

    public LiveAppFactory() => UseKestrel(0);

    /// <summary>The configuration the app and the command-line verbs share.</summary>
    public IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Database:Provider"] = "Sqlite",
        ["Database:MigrateOnStart"] = "true",
        ["ConnectionStrings:Qorgau"] = $"Data Source={Path.Combine(_dataDirectory, "qorgau.db")}",
        ["Storage:DataDirectory"] = _dataDirectory,
        ["Logging:LogLevel:Default"] = "Warning",
        ["Security:PasswordMemoryKiB"] = "8192",
        ["Security:PasswordPasses"] = "1",
        ["Intake:ReceiptMemoryKiB"] = "8192",
        ["Intake:ReceiptPasses"] = "1",
        ["Intake:FilingsPerClient"] = "10000",
        ["Intake:FilingsPerMinute"] = "10000",
        ["Intake:ReceiptAttemptsPerClient"] = "10000",
        ["Intake:ReceiptAttemptsPerMinute"] = "10000",
        ["Intake:StatisticsRequestsPerClient"] = "10000",
        ["Logging:LogLevel:Microsoft.AspNetCore.StaticFiles"] = "Error",
    };

    /// <summary>Loads the demo data with the <c>demo</c> verb, then starts listening; returns the app's address.</summary>
    public async Task<Uri> StartWithDemoDataAsync()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await CommandLineApp.RunAsync(["demo", "--cases", "0"], output, error, Settings);
        if (exitCode != CommandLineApp.Success)
        {
            throw new InvalidOperationException($"The demo verb failed with exit code {exitCode}: {error}{output}");
        }

        StartServer();
        var address = ClientOptions.BaseAddress;
        if (!address.IsLoopback || address.Port == 0)
        {
            throw new InvalidOperationException($"Kestrel did not report a loopback address with a port, but '{address}'.");
        }

        return address;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_dataDirectory, recursive: true);
    }
}
