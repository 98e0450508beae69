using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Makimono.Pages.Errors;

/// <summary>Every error page: friendly words and never a stack trace, whatever the environment.</summary>
[IgnoreAntiforgeryToken]
public class StatusModel : PageModel
{
    public string Heading { get; private set; } = "Something went wrong";
    public string Message { get; private set; } = string.Empty;

    /// <summary>A form refused before any page read it (<see cref="Web.Forms.FormGuard"/>), with what can be shown back.</summary>
    public Web.Forms.FormProblem? FormProblem { get; private set; }

    /// <summary>For a form posted after the session ended: where to log in and come back to.</summary>
    public string? LoginAddress { get; private set; }

    public void OnGet(int code) => Describe(code);

    public void OnPost(int code) => Describe(code);

    /// <summary>Re-executed for a request with another method (a TRACE answered 405), no handler runs: describe it here.</summary>
    public override void OnPageHandlerExecuting(Microsoft.AspNetCore.Mvc.Filters.PageHandlerExecutingContext context)
    {
        if (context.HandlerMethod is null)
        {
            Describe(0);
        }
    }

    private void Describe(int code)
    {
        // A re-executed POST whose form cannot be read binds nothing at all, so the code is taken from the feature:
        // binding it gave 0, and a response with status 0 (a broken one).
        code = HttpContext.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodeReExecuteFeature>()?.OriginalStatusCode ?? code;
        // Only pages re-executed by the error middleware keep their code; a direct visit is a plain page.
        var reExecuted = HttpContext.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodeReExecuteFeature>() is not null
            || HttpContext.Features.Get<Microsoft.AspNetCore.Diagnostics.IExceptionHandlerPathFeature>() is not null;
        Response.StatusCode = reExecuted ? code : StatusCodes.Status404NotFound;
        FormProblem = reExecuted ? Web.Forms.FormGuard.Problem(HttpContext) : null;
        if (reExecuted && code == StatusCodes.Status401Unauthorized
            && HttpContext.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodeReExecuteFeature>() is { } original)
        {
            LoginAddress = "/login?ReturnUrl=" + Uri.EscapeDataString(original.OriginalPath);
        }
        (Heading, Message) = code switch
        {
            404 => ("Page not found", "There is no page here, or you are not allowed to see it. Some works are visible only to logged-in users."),
            405 => ("Method not allowed", "This address does not answer that kind of request."),
            403 => ("Not allowed", HttpContext.Items[Web.PageModels.PageModelExtensions.ForbiddenReasonKey] as string ?? "You do not have permission to do that."),
            413 => ("Too large", $"What you sent is larger than the archive accepts. A file to import can be at most {Works.NewWorkModel.UploadLimit}."),
            429 => ("Slow down", HttpContext.Items[Web.ArchiveWebApp.RateLimitMessageKey] as string ?? "Too many requests in a short time. Wait a few seconds and try again."),
            401 => ("Logged out", "Log in to do that."),
            400 => ("Bad request", "The request could not be understood. If you submitted a form, reload the page and try again."),
            _ => ("Something went wrong", "The archive hit an error. It has been logged; please try again in a moment."),
        };
    }
}
