using System.Security.Claims;
using System.Text;
using System.Text.RegularExpressions;
using Makimono.Accounts;
using Makimono.Database;
using Microsoft.Net.Http.Headers;

namespace Makimono.Web.Auth;

/// <summary>
/// HTTP Basic auth with app passwords, for the addresses e-readers and feed readers fetch: the OPDS catalog, the Atom
/// feeds and the downloads they link to. Elsewhere a Basic header counts for nothing, and the account password never
/// counts anywhere here, so a password typed into a device opens the feeds and nothing else.
/// </summary>
internal static partial class AppPasswordAuth
{
    public const string Challenge = "Basic realm=\"Makimono feeds\", charset=\"UTF-8\"";

    public static bool Covers(PathString path) =>
        path.StartsWithSegments("/opds")
        || (path.Value ?? "").EndsWith(".atom", StringComparison.Ordinal)
        || DownloadPath().IsMatch(path.Value ?? "");

    // Exports.DownloadUrls.RoutePattern, /works/{id}/download.{extension}.
    [GeneratedRegex(@"^/works/[0-9]+/download\.[a-z]+$")]
    private static partial Regex DownloadPath();

    /// <summary>After authentication: a valid app password signs the request in as its user; a wrong one is a 401.</summary>
    public static void UseAppPasswords(this WebApplication app) => app.Use(async (context, next) =>
    {
        var header = context.Request.Headers.Authorization.ToString();
        if (!Covers(context.Request.Path) || !header.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            await next(context);
            return;
        }
        var user = Credentials(header[6..].Trim()) is var (name, password)
            ? await AppPasswords.VerifyAsync(context.RequestServices.GetRequiredService<ArchiveDbContext>(),
                context.RequestServices.GetRequiredService<TimeProvider>(), name, password, context.RequestAborted)
            : null;
        if (user is null)
        {
            await ChallengeAsync(context, "That user name and app password do not match. Feeds take an app password from your account page, not your account password.");
            return;
        }
        var claims = new List<Claim> { new(ClaimTypes.NameIdentifier, user.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)), new(ClaimTypes.Name, user.UserName) };
        if (user.IsAdmin)
        {
            claims.Add(new Claim(Viewer.AdminClaim, "true"));
        }
        context.User = new ClaimsPrincipal(new ClaimsIdentity(claims, "AppPassword"));
        await next(context);
    });

    /// <summary>A 401 that asks the reader's app for a user name and app password.</summary>
    public static async Task ChallengeAsync(HttpContext context, string message)
    {
        context.Response.StatusCode = StatusCodes.Status401Unauthorized;
        context.Response.Headers.WWWAuthenticate = Challenge;
        context.Response.ContentType = "text/plain; charset=utf-8";
        // A body of its own, so the status-code pages leave it alone.
        await context.Response.WriteAsync(message, context.RequestAborted);
    }

    private static (string Name, string Password)? Credentials(string encoded)
    {
        try
        {
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(encoded));
            var colon = text.IndexOf(':', StringComparison.Ordinal);
            return colon <= 0 ? null : (text[..colon], text[(colon + 1)..]);
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
