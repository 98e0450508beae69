using System.Globalization;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Makimono.Accounts;
using Makimono.Database;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.EntityFrameworkCore;

namespace Makimono.Web;

internal static class Session
{
    /// <summary>A digest of the password hash the session was signed in with: a new password ends every other session.</summary>
    private const string PasswordClaim = "makimono:password";

    public static Task SignInAsync(HttpContext context, User user) =>
        context.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, PrincipalFor(user),
            new AuthenticationProperties { IsPersistent = true });

    /// <summary>
    /// On each request with a session cookie: a session of a deleted account, or one signed in before the password
    /// was changed, ends; one whose admin rights changed carries the new rights from now on.
    /// </summary>
    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        if (context.Principal is not { } principal
            || !int.TryParse(principal.FindFirstValue(ClaimTypes.NameIdentifier), NumberStyles.None, CultureInfo.InvariantCulture, out var userId))
        {
            return;
        }
        var db = context.HttpContext.RequestServices.GetRequiredService<ArchiveDbContext>();
        var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == userId, context.HttpContext.RequestAborted);
        if (user is null || principal.FindFirstValue(PasswordClaim) != PasswordDigest(user))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return;
        }
        if (principal.HasClaim(Viewer.AdminClaim, "true") != user.IsAdmin)
        {
            context.ReplacePrincipal(PrincipalFor(user));
            context.ShouldRenew = true;
        }
    }

    private static ClaimsPrincipal PrincipalFor(User user)
    {
        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, user.Id.ToString(CultureInfo.InvariantCulture)),
            new(ClaimTypes.Name, user.UserName),
            new(PasswordClaim, PasswordDigest(user)),
        };
        if (user.IsAdmin)
        {
            claims.Add(new Claim(Viewer.AdminClaim, "true"));
        }
        return new ClaimsPrincipal(new ClaimsIdentity(claims, CookieAuthenticationDefaults.AuthenticationScheme));
    }

    /// <summary>Part of a digest of the salted hash, so the cookie carries nothing that helps guess the password.</summary>
    private static string PasswordDigest(User user) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(user.PasswordHash)).AsSpan(0, 12));

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
