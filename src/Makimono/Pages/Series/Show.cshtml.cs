using Makimono.Database;
using Makimono.Web;
using Makimono.Works;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Makimono.Pages.Series;

/// <summary>A series lists its works in series order; a series is short, so it needs no paging.</summary>
public class SeriesModel(ArchiveDbContext db) : PageModel
{
    public Makimono.Works.Series Series { get; private set; } = null!;
    public IReadOnlyList<Work> Works { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var series = await db.Series.Include(s => s.Owner).FirstOrDefaultAsync(s => s.Id == id, ct);
        if (series is null)
        {
            return NotFound();
        }
        var works = await db.Works.VisibleTo(this.Viewer())
            .Where(w => w.Series.Any(s => s.SeriesId == id))
            .Include(w => w.Creators.Where(c => c.Accepted)).ThenInclude(c => c.Pseud).ThenInclude(p => p.User)
            .Include(w => w.Tags).ThenInclude(t => t.Tag)
            .Include(w => w.Series)
            .AsSplitQuery()
            .ToListAsync(ct);
        if (works.Count == 0)
        {
            return NotFound();
        }
        Series = series;
        Works = works.OrderBy(w => w.Series.First(s => s.SeriesId == id).Position).ToList();
        return Page();
    }
}
