using System.Globalization;
using Makimono.Search;

namespace Makimono.Web.WorkListings;

/// <summary>
/// A guest's muted users and tag blocklist, kept in their browser as a cookie ("u=1.2&amp;t=5") so guests get the
/// same filtering as users without an account. Unreadable parts are ignored, not fatal.
/// </summary>
public static class GuestFilterCookie
{
    public const string Name = "makimono.filters";

    public static ViewerFilters Read(HttpRequest request)
    {
        var muted = new HashSet<int>();
        var blocked = new HashSet<int>();
        foreach (var part in (request.Cookies[Name] ?? "").Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var target = part.StartsWith("u=", StringComparison.Ordinal) ? muted : part.StartsWith("t=", StringComparison.Ordinal) ? blocked : null;
            foreach (var id in target is null ? [] : part[2..].Split('.'))
            {
                if (int.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
                {
                    target!.Add(value);
                }
            }
        }
        return new ViewerFilters(muted, blocked);
    }

    public static void Write(HttpResponse response, ViewerFilters filters)
    {
        var value = $"u={string.Join('.', filters.MutedUserIds.Order())}&t={string.Join('.', filters.BlockedTagIds.Order())}";
        response.Cookies.Append(Name, value, new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Lax,
            IsEssential = true,
            MaxAge = TimeSpan.FromDays(365),
        });
    }
}
