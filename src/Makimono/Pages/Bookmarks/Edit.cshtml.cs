using Makimono.Database;
using Makimono.Responses.Bookmarks;
using Makimono.Web.Forms;
using Makimono.Web.PageModels;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Makimono.Pages.Bookmarks;

/// <summary>
/// The reader's bookmark of a work (/works/1/bookmark) or a series (/series/1/bookmark): the form the work and series
/// pages serve posts here; a refused form comes back here with everything typed kept.
/// </summary>
[Authorize]
public class BookmarkEditModel(ArchiveDbContext db, TimeProvider clock) : PageModel
{
    [BindProperty]
    public BookmarkFields Input { get; set; } = new();
    public string Kind { get; private set; } = "works";
    public int Id { get; private set; }
    public string Title { get; private set; } = "";
    public Bookmark? Existing { get; private set; }
    public IReadOnlyList<Accounts.Pseud> Pseuds { get; private set; } = [];
    public string TargetUrl => $"/{Kind}/{Id}";

    public async Task<IActionResult> OnGetAsync(string kind, int id, CancellationToken ct)
    {
        if (!await LoadAsync(kind, id, ct))
        {
            return NotFound();
        }
        if (Existing is not null)
        {
            Input = BookmarkFields.Of(Existing);
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string kind, int id, CancellationToken ct)
    {
        if (!await LoadAsync(kind, id, ct))
        {
            return NotFound();
        }
        if (UnreadableValues.Under(ModelState, nameof(Input)).Any)
        {
            // A pseud the form never offered: refused beside the field, the note and tags kept.
            return Page();
        }
        var outcome = kind == "works"
            ? await SaveBookmark.ForWorkAsync(db, clock, this.Viewer(), id, Input.ToInput(), ct)
            : await SaveBookmark.ForSeriesAsync(db, clock, this.Viewer(), id, Input.ToInput(), ct);
        if (!outcome.Saved)
        {
            ModelState.AddErrors(outcome.Errors.ToDictionary(e => e.Key.Length == 0 ? "" : $"Input.{e.Key}", e => e.Value));
            return Page();
        }
        return Redirect(TargetUrl);
    }

    public async Task<IActionResult> OnPostDeleteAsync(string kind, int id, CancellationToken ct)
    {
        var mine = await MineAsync(kind, id, ct);
        if (mine is null || !await SaveBookmark.DeleteAsync(db, this.Viewer(), mine.Id, ct))
        {
            return NotFound();
        }
        return Redirect(TargetUrl);
    }

    private async Task<bool> LoadAsync(string kind, int id, CancellationToken ct)
    {
        Kind = kind;
        Id = id;
        var viewer = this.Viewer();
        var bookmarkable = SaveBookmark.Bookmarkable(db, viewer);
        var title = kind == "works"
            ? await bookmarkable.Where(w => w.Id == id).Select(w => w.Title).FirstOrDefaultAsync(ct)
            : await db.Series.Where(s => s.Id == id && s.Works.Any(sw => bookmarkable.Any(w => w.Id == sw.WorkId)))
                .Select(s => s.Title).FirstOrDefaultAsync(ct);
        if (title is null)
        {
            return false;
        }
        Title = title;
        var userId = this.UserId();
        Existing = await MineAsync(kind, id, ct);
        Pseuds = await db.Pseuds.Where(p => p.UserId == userId).OrderByDescending(p => p.IsDefault).ThenBy(p => p.Name).ToListAsync(ct);
        return true;
    }

    private Task<Bookmark?> MineAsync(string kind, int id, CancellationToken ct)
    {
        var userId = this.UserId();
        Kind = kind;
        Id = id;
        return db.Bookmarks.Include(b => b.Tags)
            .FirstOrDefaultAsync(b => b.UserId == userId && (kind == "works" ? b.WorkId == id : b.SeriesId == id), ct);
    }
}
