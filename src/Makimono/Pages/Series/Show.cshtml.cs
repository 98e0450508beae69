using Makimono.Database;
using Makimono.Search;
using Makimono.Web.PageModels;
using Makimono.Web.WorkListings;
using Makimono.Works;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Makimono.Pages.Series;

/// <summary>A series lists its works in series order; a series is short, so it needs no paging.</summary>
public class SeriesModel(ArchiveDbContext db, IWorkSearch search, Listings listings) : PageModel
{
    public Makimono.Works.Series Series { get; private set; } = null!;
    public IReadOnlyList<Work> Works { get; private set; } = [];
    /// <summary>How many of the series' works the viewer's muting and blocklist leave out.</summary>
    public int Hidden { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var series = await db.Series.Include(s => s.Owner).FirstOrDefaultAsync(s => s.Id == id, ct);
        if (series is null)
        {
            return NotFound();
        }
        var viewer = this.Viewer();
        var filters = await listings.FiltersOfAsync(HttpContext, viewer, ct);
        // The series' works through the same query as every listing, page by page, then put in series order.
        var ids = new List<int>();
        for (var page = 1; ; page++)
        {
            var result = await search.FindAsync(new WorkQuery { SeriesId = id, Page = page }, viewer, filters, ct);
            ids.AddRange(result.WorkIds);
            Hidden = result.HiddenByViewerFilters;
            if (result.WorkIds.Count < WorkQuery.PageSize || ids.Count >= result.Total)
            {
                break;
            }
        }
        if (ids.Count + Hidden == 0)
        {
            return NotFound();
        }
        Series = series;
        Works = (await WorkListing.LoadBlurbsAsync(db, ids, ct)).OrderBy(w => w.Series.First(s => s.SeriesId == id).Position).ToList();
        return Page();
    }
}
