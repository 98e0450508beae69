using Makimono.Web.Auth;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Makimono.Pages.Account;

/// <summary>Logging out is a POST, so that another site cannot log people out with a link or an image.</summary>
public class LogoutModel : PageModel
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        await Session.SignOutAsync(HttpContext);
        return Redirect("/");
    }
}
