using System.Globalization;
using Microsoft.AspNetCore.Localization;
using Qorgau.Domain;

namespace Qorgau.Web.Infrastructure.Localisation;

/// <summary>
/// Kazakh, Russian and English. The language comes from <c>?culture=</c>, then the culture cookie,
/// then <c>Accept-Language</c> (the framework's standard providers, in that order); a culture chosen
/// with the query string is remembered in the cookie.
/// </summary>
public static class LocalisationSetup
{
    public static readonly CultureInfo[] SupportedCultures = [.. LocalizedName.Cultures.Select(CultureInfo.GetCultureInfo)];

    public static IServiceCollection AddQorgauLocalisation(this IServiceCollection services)
    {
        services.AddLocalization(o => o.ResourcesPath = "Resources");
        services.Configure<RequestLocalizationOptions>(o =>
        {
            o.DefaultRequestCulture = new RequestCulture("ru");
            o.SupportedCultures = SupportedCultures;
            o.SupportedUICultures = SupportedCultures;
            o.FallBackToParentCultures = true;
            o.FallBackToParentUICultures = true;
        });
        return services;
    }

    public static IApplicationBuilder UseQorgauLocalisation(this IApplicationBuilder app)
    {
        app.UseRequestLocalization();
        app.Use(RememberChosenCulture);
        return app;
    }

    private static Task RememberChosenCulture(HttpContext context, RequestDelegate next)
    {
        var feature = context.Features.Get<IRequestCultureFeature>();
        if (feature?.Provider is QueryStringRequestCultureProvider)
        {
            context.Response.Cookies.Append(
                CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(feature.RequestCulture),
                new CookieOptions
                {
                    Expires = DateTimeOffset.UtcNow.AddYears(1),
                    HttpOnly = true,
                    IsEssential = true,
                    SameSite = SameSiteMode.Lax,
                    Secure = context.Request.IsHttps,
                });
        }

        return next(context);
    }
}
