using Makimono.Database;
using Makimono.Reading.History;
using Makimono.Search;
using Makimono.Web.PageModels;
using Makimono.Web.WorkListings;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Makimono.Pages.History;

/// <summary>
/// The reader's history (/account/history) and their works marked for later (/account/history/later), each through the
/// listing query, so the search filters and sorts apply; "Clear history" and the on/off setting post here.
/// </summary>
[Authorize]
public class HistoryModel(ArchiveDbContext db, Listings listings) : PageModel
{
    public bool Later { get; private set; }
    public bool HistoryOn { get; private set; }
    public ListingView Listing { get; private set; } = null!;
    public IReadOnlyDictionary<int, ReadingPosition> Positions { get; private set; } = new Dictionary<int, ReadingPosition>();

    public async Task OnGetAsync(string? list, CancellationToken ct)
    {
        var userId = this.UserId();
        Later = list == "later";
        var rows = db.ReadingPositions.Where(p => p.UserId == userId && (Later ? p.MarkedForLater : p.LastReadAt != null));
        var workIds = await rows.Select(p => p.WorkId).ToListAsync(ct);
        Listing = await listings.RunAsync(HttpContext, this.Viewer(), new WorkQuery { WorkIds = workIds }, facets: true, ct);
        var pageIds = Listing.Page.Items.Select(w => w.Id).ToList();
        Positions = await rows.AsNoTracking().Where(p => pageIds.Contains(p.WorkId)).Include(p => p.Chapter)
            .ToDictionaryAsync(p => p.WorkId, ct);
        HistoryOn = await ReadingHistory.IsOnAsync(db, userId, ct);
    }

    public async Task<IActionResult> OnPostClearAsync(CancellationToken ct)
    {
        await ReadingHistory.ClearAsync(db, this.UserId(), ct);
        return Redirect("/account/history");
    }

    public async Task<IActionResult> OnPostSettingAsync(bool on, CancellationToken ct)
    {
        await ReadingHistory.SetOnAsync(db, this.UserId(), on, ct);
        return Redirect("/account/history");
    }
}
