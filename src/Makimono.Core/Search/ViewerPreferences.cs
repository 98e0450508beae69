using Makimono.Accounts;
using Makimono.Database;
using Makimono.Tags;
using Microsoft.EntityFrameworkCore;

namespace Makimono.Search;

/// <summary>
/// A logged-in user's muted users and tag blocklist, stored in the database. (Guests keep the same two lists in a
/// cookie; the web layer reads it into the same <see cref="ViewerFilters"/>.)
/// </summary>
public static class ViewerPreferences
{
    public static async Task<ViewerFilters> LoadAsync(ArchiveDbContext db, int userId, CancellationToken ct)
    {
        var muted = await db.MutedUsers.Where(m => m.UserId == userId).Select(m => m.MutedUserId).ToListAsync(ct);
        var blocked = await db.BlockedTags.Where(b => b.UserId == userId).Select(b => b.TagId).ToListAsync(ct);
        return new ViewerFilters(muted.ToHashSet(), blocked.ToHashSet());
    }

    /// <summary>Mutes or unmutes; muting oneself is refused (one's own works are always one's own to see).</summary>
    public static async Task<bool> SetMutedAsync(ArchiveDbContext db, TimeProvider clock, int userId, int mutedUserId, bool mute, CancellationToken ct)
    {
        if (userId == mutedUserId)
        {
            return false;
        }
        var existing = await db.MutedUsers.FindAsync([userId, mutedUserId], ct);
        if (mute && existing is null)
        {
            db.MutedUsers.Add(new MutedUser { UserId = userId, MutedUserId = mutedUserId, CreatedAt = clock.GetUtcNow().UtcDateTime });
        }
        else if (!mute && existing is not null)
        {
            db.MutedUsers.Remove(existing);
        }
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>
    /// The filter tag a blocklist keeps for a typed name: a synonym's canonical tag, so blocking "KakaIru" blocks every
    /// spelling of it and its sub tags. Null when no tag has that name.
    /// </summary>
    public static async Task<Tag?> FilterTagForAsync(IQueryable<Tag> knownTags, string name, CancellationToken ct)
    {
        var tag = await TagLookup.FindByNameAsync(knownTags.Include(t => t.Merger), name, ct);
        return tag?.Merger ?? tag;
    }

    public static async Task SetBlockedAsync(ArchiveDbContext db, TimeProvider clock, int userId, int tagId, bool block, CancellationToken ct)
    {
        var existing = await db.BlockedTags.FindAsync([userId, tagId], ct);
        if (block && existing is null)
        {
            db.BlockedTags.Add(new BlockedTag { UserId = userId, TagId = tagId, CreatedAt = clock.GetUtcNow().UtcDateTime });
        }
        else if (!block && existing is not null)
        {
            db.BlockedTags.Remove(existing);
        }
        await db.SaveChangesAsync(ct);
    }
}
