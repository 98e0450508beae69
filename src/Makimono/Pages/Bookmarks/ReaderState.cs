using Makimono.Accounts;
using Makimono.Database;
using Makimono.Responses.Bookmarks;
using Microsoft.EntityFrameworkCore;

namespace Makimono.Pages.Bookmarks;

/// <summary>What a logged-in reader's own controls on a work or series page need: their bookmark, the marked-for-later flag, their pseuds.</summary>
public sealed record ReaderState(Bookmark? Mine, bool MarkedForLater, IReadOnlyList<Pseud> Pseuds)
{
    /// <summary>Null for a guest, who gets no controls.</summary>
    public static async Task<ReaderState?> LoadAsync(ArchiveDbContext db, Viewer viewer, int? workId, int? seriesId, CancellationToken ct)
    {
        if (viewer.UserId is not int userId)
        {
            return null;
        }
        var mine = await db.Bookmarks.AsNoTracking().Include(b => b.Tags)
            .FirstOrDefaultAsync(b => b.UserId == userId && (workId != null ? b.WorkId == workId : b.SeriesId == seriesId), ct);
        var marked = workId is int work && await db.ReadingPositions.AnyAsync(p => p.UserId == userId && p.WorkId == work && p.MarkedForLater, ct);
        var pseuds = await db.Pseuds.AsNoTracking().Where(p => p.UserId == userId).OrderByDescending(p => p.IsDefault).ThenBy(p => p.Name).ToListAsync(ct);
        return new ReaderState(mine, marked, pseuds);
    }
}
