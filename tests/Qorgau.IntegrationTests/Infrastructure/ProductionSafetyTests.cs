using System.Diagnostics;
using Qorgau.Web.Infrastructure;
using Qorgau.Web.Infrastructure.CommandLine;

namespace Qorgau.IntegrationTests.Infrastructure;

/// <summary>The app in the Production environment refuses demo accounts and plain HTTP others can reach.</summary>
public sealed class ProductionSafetyTests
{
    [Theory]
    [InlineData("http://0.0.0.0:8080")]
    [InlineData("http://192.168.1.10:80")]
    [InlineData("https://127.0.0.1:5001;http://*:5000")]
    public void Plain_http_on_an_address_others_reach_is_unsafe_without_a_trusted_proxy(string urls)
    {
        ProductionSafetyCheck.UnsafeAddresses(urls, new NetworkOptions()).ShouldHaveSingleItem().ShouldContain("plain HTTP");
    }

    [Theory]
    [InlineData("http://127.0.0.1:5080")]
    [InlineData("http://localhost:5000;https://0.0.0.0:443")]
    [InlineData("http://[::1]:8080")]
    [InlineData(null)]
    public void Loopback_or_https_addresses_are_safe(string? urls)
    {
        ProductionSafetyCheck.UnsafeAddresses(urls, new NetworkOptions()).ShouldBeEmpty();
    }

    [Fact]
    public void Behind_a_trusted_proxy_plain_http_is_the_proxy_s_business()
    {
        ProductionSafetyCheck.UnsafeAddresses("http://0.0.0.0:8080", new NetworkOptions { TrustedProxies = ["10.0.0.5"] }).ShouldBeEmpty();
    }

    [Fact]
    public void An_argon2_cost_below_the_rfc_9106_floor_is_unsafe_for_passwords_and_receipts()
    {
        var weak = new Qorgau.Domain.Security.Argon2Cost(65_536, 2);
        var safe = ProductionSafetyCheck.MinimumCost;

        ProductionSafetyCheck.WeakCosts(safe, safe).ShouldBeEmpty();
        ProductionSafetyCheck.WeakCosts(weak, safe).ShouldHaveSingleItem().ShouldStartWith("Security:PasswordMemoryKiB");
        ProductionSafetyCheck.WeakCosts(safe, new(8_192, 3)).ShouldHaveSingleItem().ShouldStartWith("Intake:ReceiptMemoryKiB");
        ProductionSafetyCheck.WeakCosts(Qorgau.Domain.Security.Argon2Cost.Password, Qorgau.Domain.Intake.Receipt.Cost).ShouldBeEmpty();
    }

    [Fact]
    public async Task Production_refuses_a_weak_key_derivation_cost_at_start()
    {
        var directory = Directory.CreateTempSubdirectory("qorgau-production-");
        try
        {
            var production = await RunAsync(directory, "Production", ("Security__PasswordMemoryKiB", "8192"));

            production.ExitCode.ShouldBe(CommandLineApp.Failure);
            production.Error.ShouldContain("unsafe for production: Security:PasswordMemoryKiB/PasswordPasses (8192 KiB");
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task Production_refuses_a_database_with_the_demo_accounts_and_the_demo_environment_serves_it()
    {
        var directory = Directory.CreateTempSubdirectory("qorgau-production-");
        try
        {
            (await RunAsync(directory, "Production", [], "demo", "--cases", "0")).ExitCode.ShouldBe(CommandLineApp.Success);

            var production = await RunAsync(directory, "Production");

            production.ExitCode.ShouldBe(CommandLineApp.Failure);
            production.Error.ShouldContain("qorgau did not start: InvalidOperationException: unsafe for production: the database holds the demo accounts");
            production.Error.ShouldNotContain("   at ");
            var demo = await RunAsync(directory, ProductionSafetyCheck.DemoEnvironment);
            demo.Output.ShouldContain("Qorgau is running.");
            demo.Error.ShouldNotContain("unsafe for production");
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    /// <summary>Runs the app or a verb to its end; the app, once it says it is running, is stopped (exit code -1).</summary>
    private static Task<(int ExitCode, string Output, string Error)> RunAsync(DirectoryInfo directory, string environment, params (string Name, string Value)[] settings) =>
        RunAsync(directory, environment, settings, []);

    private static async Task<(int ExitCode, string Output, string Error)> RunAsync(DirectoryInfo directory, string environment, (string Name, string Value)[] settings, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = directory.FullName,
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            Environment = { ["ASPNETCORE_ENVIRONMENT"] = environment, ["Storage__DataDirectory"] = directory.FullName, ["ASPNETCORE_URLS"] = "http://127.0.0.1:0" },
        };
        foreach (var (name, value) in settings)
        {
            start.Environment[name] = value;
        }

        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "qorgau.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        var output = new System.Text.StringBuilder();
        var running = false;
        while (!running && await process.StandardOutput.ReadLineAsync(TestContext.Current.CancellationToken).AsTask().WaitAsync(TimeSpan.FromMinutes(5), TestContext.Current.CancellationToken) is { } line)
        {
            output.AppendLine(line);
            running = line.StartsWith("Qorgau is running.", StringComparison.Ordinal);
        }

        if (running)
        {
            process.Kill(entireProcessTree: true);
        }

        await process.WaitForExitAsync(TestContext.Current.CancellationToken).WaitAsync(TimeSpan.FromMinutes(2), TestContext.Current.CancellationToken);
        return (running ? -1 : process.ExitCode, output.ToString(), await error);
    }
}
