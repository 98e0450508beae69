using Makimono.Accounts;
using Makimono.Database;
using Makimono.Works;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Makimono.Web.PageModels;

internal static class PageModelExtensions
{
    public static Viewer Viewer(this PageModel page) => Accounts.Viewer.From(page.User);

    /// <summary>The signed-in user's id; pages that call it are behind authorization.</summary>
    public static int UserId(this PageModel page) =>
        page.Viewer().UserId ?? throw new InvalidOperationException("This page requires a signed-in user.");

    /// <summary>
    /// The answer for a work the viewer may not see: a guest is sent to log in (and back here after) when logging in
    /// would show it; anyone else gets the same 404 as for a work that does not exist.
    /// </summary>
    public static async Task<IActionResult> WorkNotVisibleAsync(this PageModel page, ArchiveDbContext db, int id, CancellationToken ct) =>
        await WorkQueries.NeedsLoginAsync(db, id, page.Viewer(), ct) ? page.Challenge() : page.NotFound();

    /// <summary>Set by <see cref="Forbidden"/>, so that the 403 page can say why.</summary>
    public const string ForbiddenReasonKey = "makimono:forbidden-reason";

    /// <summary>A 403 whose error page says <paramref name="reason"/>.</summary>
    public static IActionResult Forbidden(this PageModel page, string reason)
    {
        page.HttpContext.Items[ForbiddenReasonKey] = reason;
        return page.StatusCode(StatusCodes.Status403Forbidden);
    }

    public static void AddErrors(this ModelStateDictionary modelState, FormErrors errors) => modelState.AddErrors(errors.Fields);

    public static void AddErrors(this ModelStateDictionary modelState, IReadOnlyDictionary<string, string> errors)
    {
        foreach (var (field, message) in errors)
        {
            // A value the binder could not read is already refused in the model state (UnreadableValues), with this message.
            if (!(modelState.TryGetValue(field, out var entry) && entry.Errors.Any(e => e.ErrorMessage == message)))
            {
                modelState.AddModelError(field, message);
            }
        }
    }
}
