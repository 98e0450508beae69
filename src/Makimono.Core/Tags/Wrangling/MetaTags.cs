using Makimono.Accounts;
using Makimono.Database;
using Microsoft.EntityFrameworkCore;

namespace Makimono.Tags.Wrangling;

/// <summary>Adds and removes meta/sub links between canonical tags of one type; links never form a cycle.</summary>
public static class MetaTags
{
    public static async Task<WranglingResult> AddAsync(
        ArchiveDbContext db, TimeProvider clock, Viewer viewer, int subTagId, int metaTagId, CancellationToken ct = default) =>
        await ChangeAsync(db, clock, viewer, subTagId, metaTagId, WranglingAction.AddMetaTag, ct);

    public static async Task<WranglingResult> RemoveAsync(
        ArchiveDbContext db, TimeProvider clock, Viewer viewer, int subTagId, int metaTagId, CancellationToken ct = default) =>
        await ChangeAsync(db, clock, viewer, subTagId, metaTagId, WranglingAction.RemoveMetaTag, ct);

    // The cycle check reads the links the insert must not contradict, so check and insert are one serializable change.
    private static Task<WranglingResult> ChangeAsync(
        ArchiveDbContext db, TimeProvider clock, Viewer viewer, int subTagId, int metaTagId, WranglingAction action, CancellationToken ct) =>
        SerializedChange.RunAsync(db, () => WranglingChange.LinkChangeAsync(db, clock, viewer, subTagId, metaTagId, action,
            (sub, meta) => action == WranglingAction.AddMetaTag ? LinkAsync(db, sub, meta, ct) : UnlinkAsync(db, sub, meta, ct),
            // Every work under the sub tag, at any depth, filters on the sub tag, so those are the works to refresh.
            sub => [sub.Id], ct), ct);

    internal static async Task<string?> LinkAsync(ArchiveDbContext db, Tag sub, Tag meta, CancellationToken ct)
    {
        if (sub.Type != meta.Type)
        {
            return $"\"{meta.Name}\" is {TagTypeNames.WithArticle(meta.Type)} and \"{sub.Name}\" is {TagTypeNames.WithArticle(sub.Type)}; meta and sub tags have the same type.";
        }
        if (!sub.IsCanonical || !meta.IsCanonical)
        {
            var which = sub.IsCanonical ? meta : sub;
            return $"\"{which.Name}\" is not canonical; meta and sub tags are canonical tags.";
        }
        if (sub.Id == meta.Id)
        {
            return $"\"{sub.Name}\" cannot be its own meta tag.";
        }
        if (await db.MetaTagLinks.AnyAsync(l => l.SubTagId == sub.Id && l.MetaTagId == meta.Id, ct))
        {
            return $"\"{meta.Name}\" is already a meta tag of \"{sub.Name}\".";
        }
        if (await PathUpAsync(db, meta.Id, sub.Id, ct) is { } path)
        {
            var names = await db.Tags.Where(t => path.Contains(t.Id)).ToDictionaryAsync(t => t.Id, t => t.Name, ct);
            var chain = string.Join(" → ", path.Select(id => $"\"{names[id]}\""));
            return $"\"{meta.Name}\" cannot be a meta tag of \"{sub.Name}\": that would make a cycle, because {chain} already leads from the one to the other (each a sub tag of the next).";
        }
        db.MetaTagLinks.Add(new MetaTagLink { SubTagId = sub.Id, MetaTagId = meta.Id });
        return null;
    }

    internal static async Task<string?> UnlinkAsync(ArchiveDbContext db, Tag sub, Tag meta, CancellationToken ct)
    {
        var link = await db.MetaTagLinks.FirstOrDefaultAsync(l => l.SubTagId == sub.Id && l.MetaTagId == meta.Id, ct);
        if (link is null)
        {
            return $"\"{meta.Name}\" is not a meta tag of \"{sub.Name}\".";
        }
        db.MetaTagLinks.Remove(link);
        return null;
    }

    /// <summary>The chain of meta links leading up from <paramref name="from"/> to <paramref name="to"/>, or null when there is none.</summary>
    private static async Task<List<int>?> PathUpAsync(ArchiveDbContext db, int from, int to, CancellationToken ct)
    {
        var cameFrom = new Dictionary<int, int>();
        var frontier = new List<int> { from };
        while (frontier.Count > 0)
        {
            var links = await db.MetaTagLinks.Where(l => frontier.Contains(l.SubTagId))
                .Select(l => new { l.SubTagId, l.MetaTagId }).ToListAsync(ct);
            frontier = [];
            foreach (var link in links.Where(l => l.MetaTagId != from && cameFrom.TryAdd(l.MetaTagId, l.SubTagId)))
            {
                if (link.MetaTagId == to)
                {
                    var path = new List<int> { to };
                    for (var at = to; at != from;)
                    {
                        at = cameFrom[at];
                        path.Add(at);
                    }
                    path.Reverse();
                    return path;
                }
                frontier.Add(link.MetaTagId);
            }
        }
        return null;
    }
}
