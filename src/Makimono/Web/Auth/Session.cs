using System.Globalization;
using System.Security.Claims;
using System.Text;
using Makimono.Accounts;
using Makimono.Database;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace Makimono.Web.Auth;

/// <summary>
/// The login cookie carries the key of a session recorded in the database (<see cref="Sessions"/>), so ending the
/// record ends the session at once on every web node, whoever still holds a copy of the cookie.
/// </summary>
internal static class Session
{
    private const string KeyClaim = "makimono:session";

    public static async Task SignInAsync(HttpContext context, User user)
    {
        var services = context.RequestServices;
        var key = await Sessions.StartAsync(services.GetRequiredService<ArchiveDbContext>(), services.GetRequiredService<TimeProvider>(),
            user.Id, context.Request.Headers.UserAgent.ToString(), context.Connection.RemoteIpAddress?.ToString(), context.RequestAborted);
        await context.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, PrincipalFor(user, key),
            new AuthenticationProperties { IsPersistent = true });
    }

    /// <summary>Ends this browser's session: its record goes, so a copy of the cookie stops working too.</summary>
    public static async Task SignOutAsync(HttpContext context)
    {
        if (KeyOf(context.User) is { } key)
        {
            await Sessions.EndAsync(context.RequestServices.GetRequiredService<ArchiveDbContext>(), key, context.RequestAborted);
        }
        await context.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
    }

    /// <summary>The key of the session this request belongs to, to tell it apart from the user's others.</summary>
    public static string? KeyOf(ClaimsPrincipal principal) => principal.FindFirstValue(KeyClaim);

    /// <summary>
    /// On each request with a session cookie: a session whose record is gone (logged out, ended from the account
    /// page, or by a password change) or whose account is deleted ends; one whose admin rights changed carries the
    /// new rights from now on.
    /// </summary>
    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        if (context.Principal is not { } principal)
        {
            return;
        }
        var services = context.HttpContext.RequestServices;
        var key = KeyOf(principal);
        var session = key is null
            ? null
            : await Sessions.FindAsync(services.GetRequiredService<ArchiveDbContext>(), services.GetRequiredService<TimeProvider>(), key,
                context.HttpContext.RequestAborted);
        if (session is null || principal.FindFirstValue(ClaimTypes.NameIdentifier) != Id(session.User))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return;
        }
        if (principal.HasClaim(Viewer.AdminClaim, "true") != session.User.IsAdmin)
        {
            context.ReplacePrincipal(PrincipalFor(session.User, key!));
            context.ShouldRenew = true;
        }
    }

    private static ClaimsPrincipal PrincipalFor(User user, string key)
    {
        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, Id(user)),
            new(ClaimTypes.Name, user.UserName),
            new(KeyClaim, key),
        };
        if (user.IsAdmin)
        {
            claims.Add(new Claim(Viewer.AdminClaim, "true"));
        }
        return new ClaimsPrincipal(new ClaimsIdentity(claims, CookieAuthenticationDefaults.AuthenticationScheme));
    }

    private static string Id(User user) => user.Id.ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// Only local paths, so a crafted login link cannot send people to another site; none with control characters (a tab
    /// or a line break could split the Location header), and non-ASCII characters percent-encoded as UTF-8, as a browser
    /// sends them, because a header carries only ASCII. Anything else goes to the home page.
    /// </summary>
    public static string SafeReturnUrl(string? returnUrl)
    {
        if (string.IsNullOrEmpty(returnUrl) || !returnUrl.StartsWith('/') || returnUrl.StartsWith("//", StringComparison.Ordinal)
            || returnUrl.StartsWith("/\\", StringComparison.Ordinal) || returnUrl.Any(char.IsControl))
        {
            return "/";
        }
        var ascii = new StringBuilder(returnUrl.Length);
        for (var i = 0; i < returnUrl.Length;)
        {
            var end = i;
            while (end < returnUrl.Length && (returnUrl[end] > 0x7F) == (returnUrl[i] > 0x7F))
            {
                end++;
            }
            var run = returnUrl[i..end];
            ascii.Append(returnUrl[i] > 0x7F ? Uri.EscapeDataString(run) : run);
            i = end;
        }
        return ascii.ToString();
    }
}
