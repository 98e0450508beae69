using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc.Core.Infrastructure;
using Microsoft.AspNetCore.Mvc.Filters;

namespace Makimono.Web.Forms;

/// <summary>
/// Two ways a form can be refused after someone typed into it for an hour, and what they typed is kept for the
/// status page to show back (<see cref="FormGuard.ShowBack"/>) instead of being lost:
/// a form loaded before logging in or out in another tab (its anti-forgery token was made for the other login: 400),
/// and a post after the session ended (logged out everywhere, password changed, 14 days unused: 401, with a link to
/// log in, where a GET would be sent to the login page).
/// </summary>
internal sealed class RefusedFormShowBack : IAlwaysRunResultFilter
{
    public const string StaleTokenMessage = "This form was loaded before you logged in or out (perhaps in another tab), so it was not accepted and nothing was saved. "
        + "Copy what you typed from below, reload the page and send it again.";

    public const string SignedOutMessage = "You are no longer logged in (you logged out, your password was changed, or the session ended), so nothing was saved. "
        + "Copy what you typed from below, log in, and send it again.";

    public void OnResultExecuting(ResultExecutingContext context)
    {
        if (context.Result is IAntiforgeryValidationFailedResult)
        {
            FormGuard.ShowBack(context.HttpContext, StaleTokenMessage);
        }
    }

    public void OnResultExecuted(ResultExecutedContext context)
    {
    }

    /// <summary>The cookie handler's "log in first": a form post is answered in place, anything else is redirected.</summary>
    public static Task RedirectToLoginAsync(RedirectContext<CookieAuthenticationOptions> context)
    {
        if (HttpMethods.IsPost(context.Request.Method) && context.Request.HasFormContentType)
        {
            FormGuard.ShowBack(context.HttpContext, SignedOutMessage);
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            return Task.CompletedTask;
        }
        return Default.RedirectToLogin(context);
    }

    private static readonly CookieAuthenticationEvents Default = new();
}
