using System.Security.Claims;

namespace Makimono.Accounts;

/// <summary>Who is looking: a guest, a user or an admin. Every access rule takes one.</summary>
public sealed record Viewer(int? UserId, bool IsAdmin)
{
    public static readonly Viewer Guest = new(null, false);

    public bool IsLoggedIn => UserId is not null;

    public const string AdminClaim = "makimono:admin";

    public static Viewer From(ClaimsPrincipal principal)
    {
        var id = principal.FindFirstValue(ClaimTypes.NameIdentifier);
        if (id is null || !int.TryParse(id, out var userId))
        {
            return Guest;
        }
        return new Viewer(userId, principal.HasClaim(AdminClaim, "true"));
    }
}
