using Makimono.Database;
using Makimono.Works;
using Microsoft.EntityFrameworkCore;

namespace Makimono.Tags.Wrangling;

/// <summary>
/// Keeps each work's filter set: for every tag of the work, its canonical tag (a synonym's merger), plus all
/// meta tags of those, transitively. A tag that is not a synonym filters as itself, canonical or not, so an
/// unwrangled tag's page still lists its works.
/// </summary>
public static class WorkFilters
{
    /// <summary>Sets the filters of a work being saved; its new tags (not yet stored) filter as themselves.</summary>
    internal static async Task ApplyAsync(ArchiveDbContext db, Work work, CancellationToken ct)
    {
        if (work.Id != 0)
        {
            await db.Entry(work).Collection(w => w.Filters).LoadAsync(ct);
        }
        var roots = work.Tags.Select(wt => wt.Tag).Where(t => t.Id != 0).Select(t => t.MergerId ?? t.Id).ToHashSet();
        var metas = await MetaTagsOfAsync(db, roots, ct);
        var wanted = new HashSet<int>(roots);
        foreach (var closure in metas.Values)
        {
            wanted.UnionWith(closure);
        }
        // A new fandom tag has no meta tags yet: it is its own fandom, covered by no other (id 0 is no tag's id).
        var fandoms = work.Tags.Select(wt => wt.Tag).Where(t => t.Type == TagType.Fandom)
            .Select(t => t.Id == 0 ? new HashSet<int> { 0 } : Closure(t.MergerId ?? t.Id, metas));
        work.IsCrossover = IsCrossover(fandoms.ToList());
        work.Filters.RemoveAll(f => !wanted.Contains(f.TagId));
        foreach (var id in wanted.Where(id => work.Filters.All(f => f.TagId != id)))
        {
            work.Filters.Add(new WorkFilterTag { Work = work, TagId = id });
        }
        foreach (var tag in work.Tags.Select(wt => wt.Tag).Where(t => t.Id == 0))
        {
            work.Filters.Add(new WorkFilterTag { Work = work, Tag = tag });
        }
    }

    /// <summary>
    /// Recomputes the filters of every work that carries one of <paramref name="tagIds"/> or filters on one:
    /// the works a wrangling change of those tags can affect. The caller saves.
    /// </summary>
    internal static async Task RefreshAsync(ArchiveDbContext db, IReadOnlyCollection<int> tagIds, CancellationToken ct)
    {
        var workIds = await db.Works
            .Where(w => w.Tags.Any(t => tagIds.Contains(t.TagId)) || w.Filters.Any(f => tagIds.Contains(f.TagId)))
            .Select(w => w.Id).ToListAsync(ct);
        // Batches keep the IN lists of the queries below within what both databases accept comfortably.
        foreach (var batch in workIds.Chunk(500))
        {
            var roots = (await db.WorkTags.Where(wt => batch.Contains(wt.WorkId))
                .Select(wt => new { wt.WorkId, Root = wt.Tag.MergerId ?? wt.TagId, wt.Tag.Type }).ToListAsync(ct))
                .ToLookup(r => r.WorkId);
            var metas = await MetaTagsOfAsync(db, roots.SelectMany(r => r).Select(r => r.Root).ToHashSet(), ct);
            var existing = (await db.WorkFilterTags.Where(f => batch.Contains(f.WorkId)).ToListAsync(ct)).ToLookup(f => f.WorkId);
            var crossovers = new List<int>();
            foreach (var workId in batch)
            {
                var wanted = new HashSet<int>();
                foreach (var root in roots[workId].Select(r => r.Root))
                {
                    wanted.Add(root);
                    wanted.UnionWith(metas[root]);
                }
                if (IsCrossover(roots[workId].Where(r => r.Type == TagType.Fandom).Select(r => Closure(r.Root, metas)).ToList()))
                {
                    crossovers.Add(workId);
                }
                var current = existing[workId].ToList();
                db.WorkFilterTags.RemoveRange(current.Where(f => !wanted.Contains(f.TagId)));
                db.WorkFilterTags.AddRange(wanted.Where(id => current.All(f => f.TagId != id))
                    .Select(id => new WorkFilterTag { WorkId = workId, TagId = id }));
            }
            // Set directly, not through tracked works: the work's Version guards its editors, not wrangling.
            await db.Works.Where(w => batch.Contains(w.Id))
                .ExecuteUpdateAsync(u => u.SetProperty(w => w.IsCrossover, w => crossovers.Contains(w.Id)), ct);
        }
    }

    internal static HashSet<int> Closure(int root, Dictionary<int, HashSet<int>> metas) => [root, .. metas.GetValueOrDefault(root) ?? []];

    /// <summary>
    /// The crossover rule: a work is a crossover when no fandom covers all of its fandoms, that is when the sets
    /// "the fandom and its meta tags" of its fandoms have nothing in common. One fandom, or a fandom and its sub
    /// fandom, or two fandoms under one meta fandom, is not a crossover.
    /// </summary>
    public static bool IsCrossover(IReadOnlyList<HashSet<int>> fandomClosures)
    {
        if (fandomClosures.Count < 2)
        {
            return false;
        }
        var common = new HashSet<int>(fandomClosures[0]);
        foreach (var closure in fandomClosures.Skip(1))
        {
            common.IntersectWith(closure);
        }
        return common.Count == 0;
    }

    /// <summary>For each tag, all its meta tags at any depth; one query per level of the graph.</summary>
    internal static async Task<Dictionary<int, HashSet<int>>> MetaTagsOfAsync(ArchiveDbContext db, IReadOnlySet<int> tagIds, CancellationToken ct)
    {
        var parentsOf = new Dictionary<int, List<int>>();
        var frontier = tagIds.ToList();
        var seen = new HashSet<int>(tagIds);
        while (frontier.Count > 0)
        {
            var links = await db.MetaTagLinks.Where(l => frontier.Contains(l.SubTagId))
                .Select(l => new { l.SubTagId, l.MetaTagId }).ToListAsync(ct);
            foreach (var link in links)
            {
                if (!parentsOf.TryGetValue(link.SubTagId, out var list))
                {
                    parentsOf[link.SubTagId] = list = [];
                }
                list.Add(link.MetaTagId);
            }
            frontier = links.Select(l => l.MetaTagId).Where(seen.Add).ToList();
        }
        var result = new Dictionary<int, HashSet<int>>();
        foreach (var id in tagIds)
        {
            var closure = new HashSet<int>();
            var stack = new Stack<int>([id]);
            while (stack.TryPop(out var current))
            {
                foreach (var meta in parentsOf.GetValueOrDefault(current) ?? [])
                {
                    if (closure.Add(meta))
                    {
                        stack.Push(meta);
                    }
                }
            }
            result[id] = closure;
        }
        return result;
    }
}
