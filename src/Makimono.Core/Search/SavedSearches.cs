using Makimono.Accounts;
using Makimono.Database;
using Microsoft.EntityFrameworkCore;

namespace Makimono.Search;

/// <summary>A user's saved searches: saving, listing with how many works are new since the last look, opening, deleting.</summary>
public static class SavedSearches
{
    public static async Task<SavedSearch> SaveAsync(ArchiveDbContext db, TimeProvider clock, int userId, string name, string query, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var saved = new SavedSearch { UserId = userId, Name = name, Query = query, CreatedAt = now, LastViewedAt = now };
        db.SavedSearches.Add(saved);
        await db.SaveChangesAsync(ct);
        return saved;
    }

    public static Task<List<SavedSearch>> OfUserAsync(ArchiveDbContext db, int userId, CancellationToken ct) =>
        db.SavedSearches.Where(s => s.UserId == userId).OrderBy(s => s.Name).ThenBy(s => s.Id).ToListAsync(ct);

    /// <summary>
    /// How many works the query finds that were posted or updated since <paramref name="since"/>, for the viewer and
    /// without what their muting and blocklist take out: the query as every listing runs it, with the date on top.
    /// </summary>
    public static Task<int> CountNewAsync(ArchiveDbContext db, WorkQuery query, Viewer viewer, ViewerFilters filters, DateTime since, CancellationToken ct) =>
        DatabaseWorkSearch.WithoutFiltered(DatabaseWorkSearch.Matching(Works.WorkAccess.VisibleTo(db.Works, viewer), query), filters)
            .Where(w => w.UpdatedAt > since).CountAsync(ct);

    /// <summary>Marks the search looked at now and returns its query string; null when it is not the user's.</summary>
    public static async Task<string?> OpenAsync(ArchiveDbContext db, TimeProvider clock, int userId, int id, CancellationToken ct)
    {
        var saved = await db.SavedSearches.FirstOrDefaultAsync(s => s.Id == id && s.UserId == userId, ct);
        if (saved is null)
        {
            return null;
        }
        saved.LastViewedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        return saved.Query;
    }

    public static async Task<bool> DeleteAsync(ArchiveDbContext db, int userId, int id, CancellationToken ct) =>
        await db.SavedSearches.Where(s => s.Id == id && s.UserId == userId).ExecuteDeleteAsync(ct) > 0;
}
