using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Qorgau.Data;
using Qorgau.Domain.Security;
using Qorgau.Web.Features.Intake;
using Qorgau.Web.Infrastructure.Security;

namespace Qorgau.Web.Infrastructure;

/// <summary>
/// Refuses to start in the Production environment (the default) on settings that would expose the
/// people it holds: demo accounts, whose password is public; plain HTTP on an address others can
/// reach without a TLS-terminating proxy in front; an Argon2id cost below the floor, which makes a
/// stolen database's passwords and receipts cheap to guess; a data directory other local accounts can
/// read. The demo runs in the <c>Demo</c> environment.
/// </summary>
public sealed class ProductionSafetyCheck(
    IServiceProvider services,
    IHostEnvironment environment,
    IConfiguration configuration,
    IOptions<NetworkOptions> network,
    IOptions<SecurityOptions> security,
    IOptions<IntakeOptions> intake,
    DataDirectoryGuard dataDirectory) : IHostedService
{
    public const string DemoEnvironment = "Demo";

    /// <summary>
    /// RFC 9106 (section 4), the second recommended Argon2id setting, for machines with less memory:
    /// 64 MiB and 3 passes. Nothing stored in production is derived more cheaply.
    /// </summary>
    public static readonly Argon2Cost MinimumCost = new(65_536, 3);

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!environment.IsProduction())
        {
            return;
        }

        var problems = UnsafeAddresses(configuration["urls"], network.Value).ToList();
        problems.AddRange(WeakCosts(security.Value.PasswordCost, intake.Value.ReceiptCost));
        problems.AddRange(dataDirectory.Problems.Select(p => $"{p} could not be made readable by this account only: give the data directory to the account that runs qorgau"));
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

    /// <summary>Argon2id costs below <see cref="MinimumCost"/>, each named by its setting.</summary>
    public static IEnumerable<string> WeakCosts(Argon2Cost password, Argon2Cost receipt)
    {
        if (password.MemoryKiB < MinimumCost.MemoryKiB || password.Passes < MinimumCost.Passes)
        {
            yield return $"Security:PasswordMemoryKiB/PasswordPasses ({password.MemoryKiB} KiB, {password.Passes} passes) are below the floor of {MinimumCost.MemoryKiB} KiB and {MinimumCost.Passes} passes (RFC 9106)";
        }

        if (receipt.MemoryKiB < MinimumCost.MemoryKiB || receipt.Passes < MinimumCost.Passes)
        {
            yield return $"Intake:ReceiptMemoryKiB/ReceiptPasses ({receipt.MemoryKiB} KiB, {receipt.Passes} passes) are below the floor of {MinimumCost.MemoryKiB} KiB and {MinimumCost.Passes} passes (RFC 9106)";
        }
    }

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
