using Makimono.Accounts;
using Makimono.Database;
using Microsoft.EntityFrameworkCore;

namespace Makimono.Tags.Wrangling;

/// <summary>Admins assign wranglers to fandoms.</summary>
public static class WranglerAssignments
{
    public static async Task<string?> AssignAsync(ArchiveDbContext db, Viewer viewer, int userId, int fandomTagId, CancellationToken ct = default)
    {
        if (!viewer.IsAdmin)
        {
            return "Only admins can assign tag wranglers.";
        }
        var fandom = await db.Tags.FirstOrDefaultAsync(t => t.Id == fandomTagId, ct);
        if (fandom is not { Type: TagType.Fandom })
        {
            return $"There is no fandom tag with id {fandomTagId}.";
        }
        if (!await db.Users.AnyAsync(u => u.Id == userId, ct))
        {
            return $"There is no user with id {userId}.";
        }
        if (!await db.WranglerAssignments.AnyAsync(a => a.UserId == userId && a.FandomTagId == fandomTagId, ct))
        {
            db.WranglerAssignments.Add(new WranglerAssignment { UserId = userId, FandomTagId = fandomTagId });
            await db.SaveChangesAsync(ct);
        }
        return null;
    }
}
