using Makimono.Accounts;
using Makimono.Database;
using Makimono.Tags;
using Microsoft.EntityFrameworkCore;

namespace Makimono.Works;

public sealed record Page<T>(IReadOnlyList<T> Items, int PageNumber, int TotalCount)
{
    public int PageCount => Math.Max(1, (TotalCount + Limits.PageSize - 1) / Limits.PageSize);
    public bool HasPrevious => PageNumber > 1;
    public bool HasNext => PageNumber < PageCount;
}

/// <summary>
/// The second step of every listing: the blurbs of the works a <see cref="Search.IWorkSearch"/> answer names, in its order.
/// </summary>
public static class WorkListing
{
    /// <summary>Runs the query for the viewer and loads the page's blurbs.</summary>
    public static async Task<(Page<Work> Page, Search.WorkQueryResult Result)> FindAsync(
        ArchiveDbContext db, Search.IWorkSearch search, Search.WorkQuery query, Viewer viewer, Search.ViewerFilters filters, CancellationToken ct = default)
    {
        var result = await search.FindAsync(query, viewer, filters, ct);
        var works = await LoadBlurbsAsync(db, result.WorkIds, ct);
        return (new Page<Work>(works, Math.Max(1, query.Page), result.Total), result);
    }

    /// <summary>Blurbs (accepted creators, tags, series) of these works, in the order of <paramref name="ids"/>.</summary>
    public static async Task<IReadOnlyList<Work>> LoadBlurbsAsync(ArchiveDbContext db, IReadOnlyList<int> ids, CancellationToken ct = default)
    {
        if (ids.Count == 0)
        {
            return [];
        }
        var list = ids.ToList();
        var works = await db.Works.Where(w => list.Contains(w.Id))
            .Include(w => w.Creators.Where(c => c.Accepted)).ThenInclude(c => c.Pseud).ThenInclude(p => p.User)
            .Include(w => w.Tags).ThenInclude(t => t.Tag)
            .Include(w => w.Series)
            .AsSplitQuery()
            .ToDictionaryAsync(w => w.Id, ct);
        // A work deleted between the two steps is simply left out.
        return list.Where(works.ContainsKey).Select(id => works[id]).ToList();
    }

    public static IQueryable<Work> TaggedWith(ArchiveDbContext db, int tagId) =>
        db.Works.Where(w => w.Filters.Any(f => f.TagId == tagId));

    public static IQueryable<Work> ByUser(ArchiveDbContext db, int userId) =>
        db.Works.Where(w => w.Creators.Any(c => c.Accepted && c.Pseud.UserId == userId));

    public static IQueryable<Work> ByPseud(ArchiveDbContext db, int pseudId) =>
        db.Works.Where(w => w.Creators.Any(c => c.Accepted && c.PseudId == pseudId));

    public static IEnumerable<Tag> TagsOfType(Work work, TagType type) =>
        work.Tags.Select(t => t.Tag).Where(t => t.Type == type).OrderBy(t => t.Id);
}
