using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Qorgau.Data;

namespace Qorgau.Web.Infrastructure;

/// <summary>
/// Refuses to start in the Production environment (the default) on settings that would expose the
/// people it holds: demo accounts, whose password is public, and plain HTTP on an address others can
/// reach without a TLS-terminating proxy in front. The demo runs in the <c>Demo</c> environment.
/// </summary>
public sealed class ProductionSafetyCheck(IServiceProvider services, IHostEnvironment environment, IConfiguration configuration, IOptions<NetworkOptions> network) : IHostedService
{
    public const string DemoEnvironment = "Demo";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!environment.IsProduction())
        {
            return;
        }

        var problems = UnsafeAddresses(configuration["urls"], network.Value).ToList();
        if (await HoldsDemoAccountsAsync(cancellationToken))
        {
            problems.Add($"the database holds the demo accounts, whose password is public: run a demo with ASPNETCORE_ENVIRONMENT={DemoEnvironment}, and production on a database of its own");
        }

        if (problems.Count > 0)
        {
            throw new InvalidOperationException("unsafe for production: " + string.Join("; ", problems));
        }
    }

    private async Task<bool> HoldsDemoAccountsAsync(CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        try
        {
            return await scope.ServiceProvider.GetRequiredService<QorgauDbContext>().Installations.AnyAsync(i => i.IsDemo, cancellationToken);
        }
        catch (Exception e) when (e is System.Data.Common.DbException or InvalidOperationException)
        {
            // A PostgreSQL schema not migrated yet (an operator's step) holds no accounts at all.
            return false;
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Plain-HTTP addresses other machines can reach, when no trusted proxy terminates TLS in front of the app.</summary>
    public static IEnumerable<string> UnsafeAddresses(string? urls, NetworkOptions network)
    {
        if (network.TrustedProxies.Any(p => !string.IsNullOrWhiteSpace(p)))
        {
            yield break;
        }

        foreach (var url in (urls ?? string.Empty).Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (url.StartsWith("http://", StringComparison.OrdinalIgnoreCase) && !IsLoopback(url))
            {
                yield return $"'{url}' serves plain HTTP to other machines: listen on https://, or on loopback behind a TLS proxy named in Network:TrustedProxies";
            }
        }
    }

    private static bool IsLoopback(string url)
    {
        var host = url["http://".Length..].Split('/')[0];
        host = host.StartsWith('[') ? host[..(host.IndexOf(']', StringComparison.Ordinal) + 1)] : host.Split(':')[0];
        return host is "localhost" or "127.0.0.1" or "[::1]" || (System.Net.IPAddress.TryParse(host.Trim('[', ']'), out var address) && System.Net.IPAddress.IsLoopback(address));
    }
}
