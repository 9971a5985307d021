using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Options;

namespace Qorgau.Web.Features.Intake;

/// <summary>
/// For pages that read their form as a stream (<see cref="Infrastructure.Forms.StreamingForm"/>):
/// caps the body at what the attachments may add up to (<see cref="IntakeOptions.MaxFormBytes"/>), and
/// removes the form value providers, which would otherwise read the whole form first and buffer
/// uploaded files, in clear, to temporary files.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class StreamedFormAttribute : Attribute, IAuthorizationFilter, IResourceFilter, IRequestSizePolicy
{
    public void OnAuthorization(AuthorizationFilterContext context)
    {
        var feature = context.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>();
        if (feature is { IsReadOnly: false })
        {
            feature.MaxRequestBodySize = context.HttpContext.RequestServices.GetRequiredService<IOptions<IntakeOptions>>().Value.MaxFormBytes;
        }
    }

    public void OnResourceExecuting(ResourceExecutingContext context)
    {
        context.ValueProviderFactories.RemoveType<FormValueProviderFactory>();
        context.ValueProviderFactories.RemoveType<FormFileValueProviderFactory>();
        context.ValueProviderFactories.RemoveType<JQueryFormValueProviderFactory>();
    }

    public void OnResourceExecuted(ResourceExecutedContext context)
    {
    }
}
