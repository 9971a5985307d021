using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace Qorgau.Web.Infrastructure;

/// <summary>Reverse proxies in front of the app. Bound from <c>Network</c>.</summary>
public sealed class NetworkOptions
{
    public const string SectionName = "Network";

    /// <summary>
    /// Addresses ("10.0.0.5") or networks ("10.0.0.0/24") of the TLS-terminating proxies whose
    /// X-Forwarded-For and X-Forwarded-Proto are believed. Empty: none is, not even loopback.
    /// </summary>
    public string[] TrustedProxies { get; set; } = [];
}

/// <summary>
/// Forwarded headers from the configured proxies only. From them, the client's address (used by the
/// rate limits and the sign-in throttle) and the original scheme (so cookies are Secure and HSTS is
/// sent when the visitor used HTTPS); from anyone else the headers change nothing.
/// </summary>
public static class TrustedProxies
{
    public static IServiceCollection AddTrustedProxies(this IServiceCollection services, IConfiguration configuration)
    {
        var network = configuration.GetSection(NetworkOptions.SectionName).Get<NetworkOptions>() ?? new NetworkOptions();
        var entries = network.TrustedProxies.Select(e => e.Trim()).Where(e => e.Length > 0).ToList();

        // Parsed now, so that a mistyped entry stops the app at start rather than failing every request.
        var networks = new List<System.Net.IPNetwork>();
        var proxies = new List<IPAddress>();
        foreach (var entry in entries)
        {
            if (System.Net.IPNetwork.TryParse(entry, out var range) && entry.Contains('/', StringComparison.Ordinal))
            {
                networks.Add(range);
            }
            else if (IPAddress.TryParse(entry, out var address))
            {
                proxies.Add(address);
            }
            else
            {
                throw new InvalidOperationException($"{NetworkOptions.SectionName}:TrustedProxies: '{entry}' is neither an IP address nor a network such as 10.0.0.0/24.");
            }
        }

        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            o.KnownProxies.Clear();
            o.KnownIPNetworks.Clear();
            networks.ForEach(o.KnownIPNetworks.Add);
            proxies.ForEach(o.KnownProxies.Add);
        });
        return services;
    }
}
