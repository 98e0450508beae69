using Makimono.Accounts;
using Makimono.Database;
using Makimono.Web;
using Makimono.Web.Auth;
using Makimono.Web.Pipeline;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Makimono.Pages.Account;

[EnableRateLimiting(ArchiveWebApp.LoginRateLimit)]
public class LoginModel(ArchiveDbContext db, TimeProvider clock, IOptions<RateLimitOptions> limits) : PageModel
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
        var name = UserName ?? string.Empty;
        var window = limits.Value.FailedLoginWindow;
        // Checked before the password, by name alone, so a paused name answers alike whether or not it is an account
        // and the right password cannot be told from a wrong one while it lasts.
        if (await LoginThrottle.RefusedUntilAsync(db, clock, name, limits.Value.FailedLoginsPerAccount, window, ct) is { } until)
        {
            ModelState.AddModelError(string.Empty, LoginThrottle.Message(until, clock.GetUtcNow().UtcDateTime));
            return Page();
        }
        var normalized = AccountNames.Normalize(name);
        var user = await db.Users.FirstOrDefaultAsync(u => u.NormalizedUserName == normalized, ct);
        if (user is null || string.IsNullOrEmpty(Password) || !Passwords.Verify(user, Password))
        {
            await LoginThrottle.RecordFailureAsync(db, clock, name, window, ct);
            // One message for both cases, so the form does not reveal which user names exist.
            ModelState.AddModelError(string.Empty, "The user name or password is not right.");
            return Page();
        }
        await LoginThrottle.ForgetFailuresAsync(db, name, ct);
        await Session.SignInAsync(HttpContext, user);
        return LocalRedirect(Session.SafeReturnUrl(ReturnUrl));
    }
}
