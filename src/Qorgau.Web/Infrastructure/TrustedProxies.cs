using System.ComponentModel.DataAnnotations;
using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace Qorgau.Web.Infrastructure;

/// <summary>Reverse proxies in front of the app. Bound from <c>Network</c>.</summary>
public sealed class NetworkOptions : IValidatableObject
{
    public const string SectionName = "Network";

    /// <summary>
    /// Addresses ("10.0.0.5") or networks ("10.0.0.0/24") of the TLS-terminating proxies whose
    /// X-Forwarded-For and X-Forwarded-Proto are believed. Empty: none is, not even loopback.
    /// </summary>
    public string[] TrustedProxies { get; set; } = [];

    /// <summary>
    /// The Tor onion service ("abc…xyz.onion", a version 3 address) that serves the public pages; when
    /// set, public pages name it in an <c>Onion-Location</c> header so Tor Browser offers it.
    /// </summary>
    public string? OnionAddress { get; set; }

    /// <summary>Every entry parsed now, so that a mistyped one stops the app at start rather than failing every request.</summary>
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        var proxies = TrustedProxies.Select(e => e.Trim()).Where(e => e.Length > 0 && Parse(e) is (null, null))
            .Select(e => new ValidationResult($"'{e}' is neither an IP address nor a network such as 10.0.0.0/24", [nameof(TrustedProxies)]));
        var onion = string.IsNullOrWhiteSpace(OnionAddress) || OnionLocation.IsOnionAddress(OnionAddress.Trim())
            ? []
            : new[] { new ValidationResult($"'{OnionAddress}' is not a version 3 onion address (56 letters a-z and digits 2-7, then .onion)", [nameof(OnionAddress)]) };
        return proxies.Concat(onion);
    }

    internal static (System.Net.IPNetwork? Network, IPAddress? Address) Parse(string entry) =>
        System.Net.IPNetwork.TryParse(entry, out var range) && entry.Contains('/', StringComparison.Ordinal) ? (range, null)
        : IPAddress.TryParse(entry, out var address) ? (null, address)
        : (null, null);
}

/// <summary>
/// Forwarded headers from the configured proxies only. From them, the client's address (used by the
/// rate limits and the sign-in throttle) and the original scheme (so cookies are Secure and HSTS is
/// sent when the visitor used HTTPS); from anyone else the headers change nothing.
/// </summary>
public static class TrustedProxies
{
    /// <param name="network">Already validated (<see cref="NetworkOptions.Validate"/>): every entry parses.</param>
    public static IServiceCollection AddTrustedProxies(this IServiceCollection services, NetworkOptions network)
    {
        var parsed = network.TrustedProxies.Select(e => e.Trim()).Where(e => e.Length > 0).Select(NetworkOptions.Parse).ToList();
        var networks = parsed.Where(p => p.Network is not null).Select(p => p.Network!.Value).ToList();
        var proxies = parsed.Where(p => p.Address is not null).Select(p => p.Address!).ToList();

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
