using Makimono.Accounts;
using Makimono.Database;
using Makimono.Search;
using Makimono.Works;

namespace Makimono.Responses.Bookmarks;

/// <summary>Which bookmarks a viewer may see, as a query every bookmark listing starts from.</summary>
public static class BookmarkQueries
{
    /// <summary>
    /// Public bookmarks, and the viewer's own private ones, of works the viewer may read (<see cref="WorkAccess"/>), or
    /// of series with at least one such work. A bookmark of a work that became hidden, or that a guest may not read
    /// (restricted), is left out whoever made it.
    /// </summary>
    public static IQueryable<Bookmark> VisibleTo(this IQueryable<Bookmark> bookmarks, ArchiveDbContext db, Viewer viewer)
    {
        var me = viewer.UserId ?? 0;
        // The reading rule, not the responding one: an admin reads a hidden work, and so its bookmarks, though no new ones are made.
        var readable = db.Works.VisibleTo(viewer).Where(w => !w.IsDraft);
        return bookmarks.Where(b => (!b.IsPrivate || b.UserId == me)
            && (b.WorkId != null
                ? readable.Any(w => w.Id == b.WorkId)
                : db.SeriesWorks.Any(sw => sw.SeriesId == b.SeriesId && readable.Any(w => w.Id == sw.WorkId))));
    }

    /// <summary>
    /// Leaves out bookmarks made by users the viewer muted: muting takes a user's bookmarks out of every bookmark listing,
    /// as it takes their works out of every work listing (<see cref="ViewerFilters"/>).
    /// </summary>
    public static IQueryable<Bookmark> NotMutedBy(this IQueryable<Bookmark> bookmarks, ViewerFilters filters)
    {
        if (filters.MutedUserIds.Count == 0)
        {
            return bookmarks;
        }
        var muted = filters.MutedUserIds.ToList();
        return bookmarks.Where(b => !muted.Contains(b.UserId));
    }
}
