using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace Qorgau.Web.Infrastructure;

/// <summary>
/// A request that names no handler the page has (a POST to a page that only answers GET, an unknown
/// <c>?handler=</c>) would otherwise render the page without running any handler, on a model nothing
/// has filled. It is answered 405 (another method) or 404 (an unknown handler) instead. Pages without any
/// handler method render as before.
/// </summary>
public sealed class UnknownPageHandlerFilter : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var handlers = context.ActionDescriptor.HandlerMethods;
        if (context.HandlerMethod is not null || handlers.Count == 0)
        {
            return next();
        }

        var method = context.HttpContext.Request.Method;
        var anyForMethod = handlers.Any(h => string.Equals(h.HttpMethod, method, StringComparison.OrdinalIgnoreCase)
            || (HttpMethods.IsHead(method) && string.Equals(h.HttpMethod, HttpMethods.Get, StringComparison.OrdinalIgnoreCase)));
        context.Result = new StatusCodeResult(anyForMethod ? StatusCodes.Status404NotFound : StatusCodes.Status405MethodNotAllowed);
        return Task.CompletedTask;
    }
}
