using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;

namespace Qorgau.Web.Infrastructure;

/// <summary>
/// Tells Tor Browser that a public page is also served by the installation's onion service
/// (<c>Onion-Location</c>, see the Tor Project's documentation of the header): a complainant already
/// using Tor is moved to the address that never leaves the Tor network. Staff pages (anything that needs
/// a sign-in, and the sign-in pages themselves) are not advertised: the onion service serves the public
/// side only (docs/deployment.md).
/// </summary>
public static partial class OnionLocation
{
    public const string HeaderName = "Onion-Location";

    public static bool IsOnionAddress(string host) => V3Address().IsMatch(host);

    /// <summary>After routing, so that the endpoint (and whether it needs a sign-in) is known.</summary>
    public static IApplicationBuilder UseOnionLocation(this IApplicationBuilder app)
    {
        var onion = app.ApplicationServices.GetRequiredService<IOptions<NetworkOptions>>().Value.OnionAddress?.Trim();
        if (string.IsNullOrEmpty(onion))
        {
            return app;
        }

        return app.Use((context, next) =>
        {
            if (HttpMethods.IsGet(context.Request.Method) && IsPublicPage(context))
            {
                var request = context.Request;
                context.Response.Headers[HeaderName] = $"http://{onion}{request.PathBase}{request.Path}{request.QueryString}";
            }

            return next(context);
        });
    }

    private static bool IsPublicPage(HttpContext context) =>
        context.GetEndpoint() is { } endpoint
        && endpoint.Metadata.GetMetadata<IAuthorizeData>() is null
        && !context.Request.Path.StartsWithSegments("/account")
        && !context.Request.Path.StartsWithSegments("/api")
        && !context.Request.Path.StartsWithSegments("/openapi");

    [GeneratedRegex("^[a-z2-7]{56}\\.onion$")]
    private static partial Regex V3Address();
}
