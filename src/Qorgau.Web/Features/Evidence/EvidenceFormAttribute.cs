using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Options;

namespace Qorgau.Web.Features.Evidence;

/// <summary>
/// The evidence page reads its forms as streams (see <see cref="Infrastructure.Forms.StreamingForm"/>): the
/// body may be as large as one evidence item, and the form value providers, which would buffer an
/// upload in clear to a temporary file, are removed.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class EvidenceFormAttribute : Attribute, IAuthorizationFilter, IResourceFilter
{
    public void OnAuthorization(AuthorizationFilterContext context)
    {
        var feature = context.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>();
        if (feature is { IsReadOnly: false })
        {
            feature.MaxRequestBodySize = context.HttpContext.RequestServices.GetRequiredService<IOptions<EvidenceOptions>>().Value.MaxItemBytes + (1024 * 1024);
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
