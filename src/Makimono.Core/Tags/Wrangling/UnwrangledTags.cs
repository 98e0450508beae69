using Makimono.Accounts;
using Makimono.Database;
using Microsoft.EntityFrameworkCore;

namespace Makimono.Tags.Wrangling;

public sealed record UnwrangledTag(int Id, string Name, TagType Type, int Uses);

/// <summary>The wrangler's queue: tags nobody has wrangled yet, in the viewer's fandoms, most used first.</summary>
public static class UnwrangledTags
{
    public const int Max = 100;

    public static async Task<List<UnwrangledTag>> ForAsync(ArchiveDbContext db, Viewer viewer, CancellationToken ct = default)
    {
        var tags = db.Tags.Where(t => !t.IsCanonical && t.MergerId == null && !t.IsUnwrangleable && t.Id >= FixedTags.FirstUserTagId);
        return await MostUsedAsync(InFandomsOf(db, viewer, tags), ct);
    }

    /// <summary>
    /// Canonical characters, relationships and additional tags without a parent fandom: on AO3 these still count as
    /// unwrangled, and the queue's "add parent fandom" is what wrangles them.
    /// </summary>
    public static async Task<List<UnwrangledTag>> WithoutFandomAsync(ArchiveDbContext db, Viewer viewer, CancellationToken ct = default)
    {
        var tags = db.Tags.Where(t => t.IsCanonical && t.Id >= FixedTags.FirstUserTagId
            && (t.Type == TagType.Character || t.Type == TagType.Relationship || t.Type == TagType.Freeform)
            && !db.TagParents.Any(p => p.ChildId == t.Id && p.Parent.Type == TagType.Fandom));
        return await MostUsedAsync(InFandomsOf(db, viewer, tags), ct);
    }

    private static IQueryable<Tag> InFandomsOf(ArchiveDbContext db, Viewer viewer, IQueryable<Tag> tags)
    {
        if (viewer.IsAdmin)
        {
            return tags;
        }
        // The same rule as WranglingAccess for tags without parents: a fandom is its own, others go by their works' fandoms.
        var mine = db.WranglerAssignments.Where(a => a.UserId == viewer.UserId).Select(a => a.FandomTagId);
        return tags.Where(t => t.Type == TagType.Fandom
            ? mine.Contains(t.Id)
            : t.Works.Any(wt => wt.Work.Tags.Any(o => o.Tag.Type == TagType.Fandom && mine.Contains(o.Tag.MergerId ?? o.TagId))));
    }

    private static Task<List<UnwrangledTag>> MostUsedAsync(IQueryable<Tag> tags, CancellationToken ct) => tags
        .OrderByDescending(t => t.Works.Count).ThenBy(t => t.Name)
        .Take(Max)
        .Select(t => new UnwrangledTag(t.Id, t.Name, t.Type, t.Works.Count))
        .ToListAsync(ct);
}
