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

/// <summary>Loads the works of a listing (home, tag, user, pseud pages), newest update first, a page at a time.</summary>
public static class WorkListing
{
    public static async Task<Page<Work>> LoadAsync(
        ArchiveDbContext db, IQueryable<Work> works, Viewer viewer, int page, CancellationToken ct = default)
    {
        page = Math.Max(1, page);
        var visible = works.VisibleTo(viewer);
        var total = await visible.CountAsync(ct);
        var items = await visible
            .OrderByDescending(w => w.UpdatedAt).ThenByDescending(w => w.Id)
            .Skip((page - 1) * Limits.PageSize).Take(Limits.PageSize)
            .Include(w => w.Creators.Where(c => c.Accepted)).ThenInclude(c => c.Pseud).ThenInclude(p => p.User)
            .Include(w => w.Tags).ThenInclude(t => t.Tag)
            .AsSplitQuery()
            .ToListAsync(ct);
        return new Page<Work>(items, page, total);
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
