using Makimono.Accounts;
using Makimono.Database;
using Microsoft.EntityFrameworkCore;

namespace Makimono.Works;

public static class WorkQueries
{
    /// <summary>Everything a work page or the edit form shows, or null when the viewer may not see the work.</summary>
    public static Task<Work?> FindVisibleAsync(ArchiveDbContext db, int id, Viewer viewer, CancellationToken ct = default) =>
        WithDetails(db.Works.VisibleTo(viewer)).FirstOrDefaultAsync(w => w.Id == id, ct);

    /// <summary>True when the viewer is a guest and the work is one that logging in would show them.</summary>
    public static async Task<bool> NeedsLoginAsync(ArchiveDbContext db, int id, Viewer viewer, CancellationToken ct = default) =>
        !viewer.IsLoggedIn && await db.Works.OpenToLoggedInUsers().AnyAsync(w => w.Id == id, ct);

    public static Task<Work?> FindEditableAsync(ArchiveDbContext db, int id, Viewer viewer, CancellationToken ct = default) =>
        WithDetails(db.Works.EditableBy(viewer)).FirstOrDefaultAsync(w => w.Id == id, ct);

    private static IQueryable<Work> WithDetails(IQueryable<Work> works) => works
        .Include(w => w.Chapters)
        .Include(w => w.Creators).ThenInclude(c => c.Pseud).ThenInclude(p => p.User)
        .Include(w => w.Tags).ThenInclude(t => t.Tag)
        .Include(w => w.Series).ThenInclude(s => s.Series).ThenInclude(s => s.Works)
        .AsSplitQuery();
}
