using Makimono.Accounts;
using Makimono.Works;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Makimono.Web;

internal static class PageModelExtensions
{
    public static Viewer Viewer(this PageModel page) => Accounts.Viewer.From(page.User);

    /// <summary>The signed-in user's id; pages that call it are behind authorization.</summary>
    public static int UserId(this PageModel page) =>
        page.Viewer().UserId ?? throw new InvalidOperationException("This page requires a signed-in user.");

    public static void AddErrors(this ModelStateDictionary modelState, FormErrors errors)
    {
        foreach (var (field, message) in errors.Fields)
        {
            modelState.AddModelError(field, message);
        }
    }

    public static void AddErrors(this ModelStateDictionary modelState, IReadOnlyDictionary<string, string> errors)
    {
        foreach (var (field, message) in errors)
        {
            modelState.AddModelError(field, message);
        }
    }
}
