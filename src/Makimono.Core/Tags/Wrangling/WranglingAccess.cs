using Makimono.Accounts;
using Makimono.Database;
using Microsoft.EntityFrameworkCore;

namespace Makimono.Tags.Wrangling;

/// <summary>Who may wrangle a tag: admins, and wranglers assigned to one of the tag's fandoms.</summary>
public static class WranglingAccess
{
    /// <summary>Returns why the viewer may not wrangle the tag, or null when they may.</summary>
    public static async Task<string?> DenyAsync(ArchiveDbContext db, Viewer viewer, Tag tag, CancellationToken ct = default)
    {
        if (viewer.IsAdmin)
        {
            return null;
        }
        if (viewer.UserId is not { } userId)
        {
            return "Log in as a tag wrangler to wrangle tags.";
        }
        var fandomIds = await FandomsOfAsync(db, tag, ct);
        if (await db.WranglerAssignments.AnyAsync(a => a.UserId == userId && fandomIds.Contains(a.FandomTagId), ct))
        {
            return null;
        }
        var names = await db.Tags.Where(t => fandomIds.Contains(t.Id)).OrderBy(t => t.Name).Select(t => t.Name).ToListAsync(ct);
        var fandoms = names.Count == 0 ? "its fandom" : string.Join(", ", names.Select(n => $"\"{n}\""));
        return $"Only admins and wranglers of {fandoms} can wrangle \"{tag.Name}\".";
    }

    /// <summary>
    /// Returns why the viewer may not use the wrangling pages at all (the queue of unwrangled tags), or null when they
    /// may: as on AO3, they are for wranglers only, so admins and users assigned to at least one fandom.
    /// </summary>
    public static async Task<string?> DenyWranglingPagesAsync(ArchiveDbContext db, Viewer viewer, CancellationToken ct = default)
    {
        if (viewer.IsAdmin || (viewer.UserId is { } userId && await db.WranglerAssignments.AnyAsync(a => a.UserId == userId, ct)))
        {
            return null;
        }
        return "The wrangling pages are for tag wranglers, and you wrangle no fandom. An admin assigns wranglers to fandoms; ask one if you would like to help.";
    }

    /// <summary>
    /// A fandom tag belongs to itself. Another tag belongs to its parent fandoms, or, until a wrangler gives it
    /// some, to the fandoms of the works it is used on, so new tags reach the wranglers who can sort them.
    /// </summary>
    public static async Task<List<int>> FandomsOfAsync(ArchiveDbContext db, Tag tag, CancellationToken ct = default)
    {
        var self = tag.MergerId ?? tag.Id;
        if (tag.Type == TagType.Fandom)
        {
            return tag.MergerId is { } merger ? [tag.Id, merger] : [tag.Id];
        }
        var parents = await db.TagParents
            .Where(p => (p.ChildId == tag.Id || p.ChildId == self) && p.Parent.Type == TagType.Fandom)
            .Select(p => p.ParentId).Distinct().ToListAsync(ct);
        if (parents.Count > 0)
        {
            return parents;
        }
        return await db.WorkTags
            .Where(wt => wt.Tag.Type == TagType.Fandom && wt.Work.Tags.Any(o => o.TagId == tag.Id))
            .Select(wt => wt.Tag.MergerId ?? wt.TagId).Distinct().ToListAsync(ct);
    }
}
