using Makimono.Accounts;
using Makimono.Database;
using Microsoft.EntityFrameworkCore;

namespace Makimono.Tags.Wrangling;

/// <summary>Adds and removes parent links: a fandom of a character, relationship or additional tag, or a character of a relationship.</summary>
public static class ParentTags
{
    public static async Task<WranglingResult> AddAsync(
        ArchiveDbContext db, TimeProvider clock, Viewer viewer, int childId, int parentId, CancellationToken ct = default) =>
        await ChangeAsync(db, clock, viewer, childId, parentId, WranglingAction.AddParent, ct);

    public static async Task<WranglingResult> RemoveAsync(
        ArchiveDbContext db, TimeProvider clock, Viewer viewer, int childId, int parentId, CancellationToken ct = default) =>
        await ChangeAsync(db, clock, viewer, childId, parentId, WranglingAction.RemoveParent, ct);

    // Parent links do not change what works filter on, so no filters need refreshing.
    private static Task<WranglingResult> ChangeAsync(
        ArchiveDbContext db, TimeProvider clock, Viewer viewer, int childId, int parentId, WranglingAction action, CancellationToken ct) =>
        WranglingChange.LinkChangeAsync(db, clock, viewer, childId, parentId, action,
            (child, parent) => action == WranglingAction.AddParent ? LinkAsync(db, child, parent, ct) : UnlinkAsync(db, child, parent, ct),
            _ => [], ct);

    internal static async Task<string?> LinkAsync(ArchiveDbContext db, Tag child, Tag parent, CancellationToken ct)
    {
        var fits = (parent.Type, child.Type) is (TagType.Fandom, TagType.Character or TagType.Relationship or TagType.Freeform)
            or (TagType.Character, TagType.Relationship);
        if (!fits)
        {
            return $"{Capitalised(TagTypeNames.WithArticle(parent.Type))} cannot be a parent of {TagTypeNames.WithArticle(child.Type)}: fandoms are parents of characters, relationships and additional tags, and characters of relationships.";
        }
        if (!child.IsCanonical || !parent.IsCanonical)
        {
            var which = child.IsCanonical ? parent : child;
            return $"\"{which.Name}\" is not canonical; parent links join canonical tags only.";
        }
        if (await db.TagParents.AnyAsync(l => l.ChildId == child.Id && l.ParentId == parent.Id, ct))
        {
            return $"\"{parent.Name}\" is already a parent of \"{child.Name}\".";
        }
        db.TagParents.Add(new TagParent { ChildId = child.Id, ParentId = parent.Id });
        return null;
    }

    internal static async Task<string?> UnlinkAsync(ArchiveDbContext db, Tag child, Tag parent, CancellationToken ct)
    {
        var link = await db.TagParents.FirstOrDefaultAsync(l => l.ChildId == child.Id && l.ParentId == parent.Id, ct);
        if (link is null)
        {
            return $"\"{parent.Name}\" is not a parent of \"{child.Name}\".";
        }
        db.TagParents.Remove(link);
        return null;
    }

    private static string Capitalised(string s) => char.ToUpperInvariant(s[0]) + s[1..];
}
