using Makimono.Hosting;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace Makimono.Web.Auth;

internal static class DatabaseOutage
{
    /// <summary>
    /// While the database does not answer, a session cannot be checked. The request then goes on as a guest's, so the
    /// error page (and /health) can still be served; the cookie is kept, and the reader is logged in again once the
    /// database is back. Without this, the failed check failed the error page too, and readers got an empty 500.
    /// </summary>
    public static Func<CookieValidatePrincipalContext, Task> Tolerating(Func<CookieValidatePrincipalContext, Task> validate) => async context =>
    {
        try
        {
            await validate(context);
        }
        catch (Exception error) when (DatabaseFailure.Find(error) is not null && !context.HttpContext.RequestAborted.IsCancellationRequested)
        {
            context.HttpContext.RequestServices.GetRequiredService<ILogger<CookieAuthenticationHandler>>()
                .LogWarning("A session could not be checked because the database does not answer ({Reason}); the request goes on as a guest's.",
                    error.GetBaseException().Message);
            context.RejectPrincipal();
        }
    };
}
