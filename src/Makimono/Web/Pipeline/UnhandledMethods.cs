using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Makimono.Web.Pipeline;

/// <summary>
/// A method a page has no handler for (TRACE, PUT, DELETE, or POST to a page without a form) would run the page
/// without a handler, its model never loaded, and fail with a NullReferenceException. It is answered 405 with the
/// methods the page does take (and the error page), before the antiforgery check would call it a bad form.
/// </summary>
internal sealed class UnhandledMethods : IAsyncAuthorizationFilter, IOrderedFilter
{
    /// <summary>Each page's methods, worked out once: the filter runs on every page request.</summary>
    private static readonly ConditionalWeakTable<CompiledPageActionDescriptor, HashSet<string>> AllowedByPage = [];

    /// <summary>After the sign-in check (0), before the antiforgery check (1000).</summary>
    public int Order => 500;

    public Task OnAuthorizationAsync(AuthorizationFilterContext context)
    {
        if (context.ActionDescriptor is CompiledPageActionDescriptor page && !IsErrorPage(context.HttpContext))
        {
            var allowed = AllowedByPage.GetValue(page, Allowed);
            if (!allowed.Contains(context.HttpContext.Request.Method))
            {
                context.HttpContext.Response.Headers.Allow = string.Join(", ", allowed.Order(StringComparer.Ordinal));
                context.Result = new StatusCodeResult(StatusCodes.Status405MethodNotAllowed);
            }
        }
        return Task.CompletedTask;
    }

    private static HashSet<string> Allowed(CompiledPageActionDescriptor page)
    {
        var allowed = page.HandlerMethods.Select(h => h.HttpMethod.ToUpperInvariant()).ToHashSet(StringComparer.OrdinalIgnoreCase);
        if (allowed.Count == 0)
        {
            // A page with no handlers at all only shows itself.
            allowed.Add(HttpMethods.Get);
        }
        if (allowed.Contains(HttpMethods.Get))
        {
            allowed.Add(HttpMethods.Head);
        }
        return allowed;
    }

    /// <summary>An error page re-executed for a failed request answers whatever method that request had.</summary>
    private static bool IsErrorPage(HttpContext context) =>
        context.Features.Get<IStatusCodeReExecuteFeature>() is not null || context.Features.Get<IExceptionHandlerPathFeature>() is not null;
}
