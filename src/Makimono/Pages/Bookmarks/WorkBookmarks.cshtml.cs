using Makimono.Database;
using Makimono.Responses.Bookmarks;
using Makimono.Web.PageModels;
using Makimono.Web.WorkListings;
using Makimono.Works;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Makimono.Pages.Bookmarks;

/// <summary>A work's public bookmarks (/works/1/bookmarks), newest first, for whoever may read the work.</summary>
public class WorkBookmarksModel(ArchiveDbContext db, Listings listings) : PageModel
{
    public int Id { get; private set; }
    public string Title { get; private set; } = "";
    public Page<Bookmark> Bookmarks { get; private set; } = null!;
    /// <summary>Public bookmarks left out because the viewer muted their makers.</summary>
    public int MutedCount { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, [FromQuery] int page = 1, CancellationToken ct = default)
    {
        var viewer = this.Viewer();
        var title = await db.Works.VisibleTo(viewer).Where(w => w.Id == id).Select(w => w.Title).FirstOrDefaultAsync(ct);
        if (title is null)
        {
            return await this.WorkNotVisibleAsync(db, id, ct);
        }
        Id = id;
        Title = title;
        page = Math.Clamp(page, 1, 100_000);
        var visible = db.Bookmarks.Where(b => b.WorkId == id && !b.IsPrivate).VisibleTo(db, viewer);
        var shown = visible.NotMutedBy(await listings.FiltersOfAsync(HttpContext, viewer, ct));
        var total = await shown.CountAsync(ct);
        MutedCount = await visible.CountAsync(ct) - total;
        var items = await UserBookmarksModel.WithDetails(shown).OrderByDescending(b => b.CreatedAt).ThenByDescending(b => b.Id)
            .Skip((page - 1) * Limits.PageSize).Take(Limits.PageSize).ToListAsync(ct);
        Bookmarks = new Page<Bookmark>(items, page, total);
        return Page();
    }
}
