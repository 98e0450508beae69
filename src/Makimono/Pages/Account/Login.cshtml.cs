using Makimono.Accounts;
using Makimono.Database;
using Makimono.Web;
using Makimono.Web.Auth;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;

namespace Makimono.Pages.Account;

[EnableRateLimiting(ArchiveWebApp.LoginRateLimit)]
public class LoginModel(ArchiveDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }
    [BindProperty] public string? UserName { get; set; }
    [BindProperty] public string? Password { get; set; }

    /// <summary>Set after a password reset, so the page can say why every session ended.</summary>
    [BindProperty(SupportsGet = true)] public bool Reset { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var normalized = AccountNames.Normalize(UserName ?? string.Empty);
        var user = await db.Users.FirstOrDefaultAsync(u => u.NormalizedUserName == normalized, ct);
        if (user is null || string.IsNullOrEmpty(Password) || !Passwords.Verify(user, Password))
        {
            // One message for both cases, so the form does not reveal which user names exist.
            ModelState.AddModelError(string.Empty, "The user name or password is not right.");
            return Page();
        }
        await Session.SignInAsync(HttpContext, user);
        return LocalRedirect(Session.SafeReturnUrl(ReturnUrl));
    }
}
