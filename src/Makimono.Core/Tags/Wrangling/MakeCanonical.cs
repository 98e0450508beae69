using Makimono.Accounts;
using Makimono.Database;
using Microsoft.EntityFrameworkCore;

namespace Makimono.Tags.Wrangling;

public static class MakeCanonical
{
    public static async Task<WranglingResult> RunAsync(ArchiveDbContext db, TimeProvider clock, Viewer viewer, int tagId, CancellationToken ct = default)
    {
        var (tag, error) = await WranglingChange.LoadAsync(db, viewer, tagId, ct);
        if (tag is null)
        {
            return WranglingResult.Failed(error!);
        }
        if (tag.IsCanonical)
        {
            return WranglingResult.Failed($"\"{tag.Name}\" is already canonical.");
        }
        if (tag.MergerId is { } mergerId)
        {
            var merger = await db.Tags.Where(t => t.Id == mergerId).Select(t => t.Name).SingleAsync(ct);
            return WranglingResult.Failed($"\"{tag.Name}\" is a synonym of \"{merger}\"; a synonym cannot also be canonical.");
        }
        var entry = WranglingChange.Entry(clock, viewer, WranglingAction.MakeCanonical, tag);
        tag.IsCanonical = true;
        tag.IsUnwrangleable = false;
        return await WranglingChange.CommitAsync(db, entry, [], ct);
    }

    /// <summary>Only a canonical tag nothing hangs on yet can go back, or synonyms and links would point at a non-canonical tag.</summary>
    internal static async Task<string?> UndoAsync(ArchiveDbContext db, WranglingLogEntry entry, Tag tag, CancellationToken ct)
    {
        var inUse = await db.Tags.AnyAsync(t => t.MergerId == tag.Id, ct)
            || await db.MetaTagLinks.AnyAsync(l => l.MetaTagId == tag.Id || l.SubTagId == tag.Id, ct)
            || await db.TagParents.AnyAsync(l => l.ParentId == tag.Id || l.ChildId == tag.Id, ct);
        if (inUse)
        {
            return $"\"{tag.Name}\" has synonyms, parent, child, meta or sub tags now; remove them before making it non-canonical again.";
        }
        tag.IsCanonical = entry.WasCanonical;
        tag.IsUnwrangleable = entry.WasUnwrangleable;
        return null;
    }
}
