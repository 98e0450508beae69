using Makimono.Database;
using Microsoft.EntityFrameworkCore;

namespace Makimono.Tags;

/// <summary>What a tag's page shows around it: synonyms, parents, children, and direct meta and sub tags.</summary>
public sealed record TagRelations(
    IReadOnlyList<Tag> Synonyms,
    IReadOnlyList<Tag> Parents,
    IReadOnlyList<Tag> Children,
    IReadOnlyList<Tag> MetaTags,
    IReadOnlyList<Tag> SubTags)
{
    public static Task<TagRelations> LoadAsync(ArchiveDbContext db, int tagId, CancellationToken ct = default) =>
        LoadAsync(db.Tags, db, tagId, ct);

    /// <summary>The relations among <paramref name="shown"/> only, such as the tags that exist for a viewer.</summary>
    public static async Task<TagRelations> LoadAsync(IQueryable<Tag> shown, ArchiveDbContext db, int tagId, CancellationToken ct = default)
    {
        var synonyms = await shown.Where(t => t.MergerId == tagId).OrderBy(t => t.Name).ToListAsync(ct);
        var parents = await db.TagParents.Where(l => l.ChildId == tagId).Select(l => l.Parent).Where(t => shown.Select(s => s.Id).Contains(t.Id))
            .OrderBy(t => t.Type).ThenBy(t => t.Name).ToListAsync(ct);
        var children = await db.TagParents.Where(l => l.ParentId == tagId).Select(l => l.Child).Where(t => shown.Select(s => s.Id).Contains(t.Id))
            .OrderBy(t => t.Type).ThenBy(t => t.Name).ToListAsync(ct);
        var metas = await db.MetaTagLinks.Where(l => l.SubTagId == tagId).Select(l => l.MetaTag).Where(t => shown.Select(s => s.Id).Contains(t.Id)).OrderBy(t => t.Name).ToListAsync(ct);
        var subs = await db.MetaTagLinks.Where(l => l.MetaTagId == tagId).Select(l => l.SubTag).Where(t => shown.Select(s => s.Id).Contains(t.Id)).OrderBy(t => t.Name).ToListAsync(ct);
        return new TagRelations(synonyms, parents, children, metas, subs);
    }
}
