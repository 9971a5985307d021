using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Qorgau.Web.Features.Cases;
using Qorgau.Web.Features.Facilities;
using Qorgau.Web.Features.Intake;
using Qorgau.Web.Features.Monitoring;
using Qorgau.Web.Features.Profile;
using Qorgau.Web.Features.Statistics;
using Qorgau.Web.Infrastructure.Localisation;

namespace Qorgau.Web.Infrastructure;

public static class QorgauPipeline
{
    public static WebApplication UseQorgau(this WebApplication app)
    {
        // First: the client address and scheme every later step sees (from trusted proxies only).
        app.UseForwardedHeaders();
        app.UseSecurityHeaders();

        // Before the error handlers, so that a re-executed error page keeps the request's language.
        app.UseQorgauLocalisation();
        app.UseWhen(IsApi, api =>
        {
            // A body over its size limit (413) or unreadable (400) is the client's doing, not a server error.
            api.UseExceptionHandler(new ExceptionHandlerOptions { StatusCodeSelector = ClientErrorStatus });
            api.UseStatusCodePages();
        });
        app.UseWhen(context => !IsApi(context), pages =>
        {
            pages.UseExceptionHandler(new ExceptionHandlerOptions { ExceptionHandlingPath = "/error", StatusCodeSelector = ClientErrorStatus });
            pages.UseStatusCodePagesWithReExecute("/error/{0}");
        });
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
        }

        // Plain static files from wwwroot beside the executable: the same in every environment, built or
        // published. (MapStaticAssets serves pre-compressed variants that exist only after publish.)
        app.UseStaticFiles();
        app.UseRouting();
        app.UseOnionLocation();
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseAuthorization();

        app.MapRazorPages();
        app.MapOpenApi();
        app.MapHealthChecks("/healthz", new HealthCheckOptions { ResponseWriter = WriteStatusOnly });
        app.MapOpenDataEndpoints();
        var api = app.MapGroup("/api/v1");
        api.MapProfileEndpoints();
        api.MapFacilityEndpoints();
        api.MapIntakeEndpoints(app.Services.GetRequiredService<IOptions<IntakeOptions>>().Value);
        api.MapCaseEndpoints();
        api.MapCaseCorrectionEndpoints();
        api.MapFunnelEndpoints();
        api.MapReferenceSeriesEndpoints();
        api.MapMonitoringEndpoints();
        app.Lifetime.ApplicationStarted.Register(() => StartupBanner.Print(app));
        return app;
    }

    private static int ClientErrorStatus(Exception exception) =>
        exception is BadHttpRequestException badRequest ? badRequest.StatusCode : StatusCodes.Status500InternalServerError;

    private static bool IsApi(HttpContext context) => context.Request.Path.StartsWithSegments("/api");

    // The default writer would do, but this one is explicit that nothing beyond the status leaves.
    private static Task WriteStatusOnly(HttpContext context, Microsoft.Extensions.Diagnostics.HealthChecks.HealthReport report)
    {
        context.Response.ContentType = "text/plain; charset=utf-8";
        return context.Response.WriteAsync(report.Status.ToString());
    }
}
