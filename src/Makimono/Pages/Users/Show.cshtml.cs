using Makimono.Accounts;
using Makimono.Database;
using Makimono.Web;
using Makimono.Works;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Makimono.Pages.Users;

public class UserWorksModel(ArchiveDbContext db) : PageModel
{
    public User Owner { get; private set; } = null!;
    public Page<Work> Works { get; private set; } = null!;
    public IReadOnlyList<Makimono.Works.Series> Series { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string? name, [FromQuery(Name = "page")] int pageNumber = 1, CancellationToken ct = default)
    {
        // Model binding turns a blank segment (/users/%20) into null; a blank name is nobody's.
        if (string.IsNullOrWhiteSpace(name))
        {
            return NotFound();
        }
        var normalized = AccountNames.Normalize(name);
        var owner = await db.Users.Include(u => u.Pseuds).FirstOrDefaultAsync(u => u.NormalizedUserName == normalized, ct);
        if (owner is null)
        {
            return NotFound();
        }
        Owner = owner;
        Works = await WorkListing.LoadAsync(db, WorkListing.ByUser(db, owner.Id), this.Viewer(), pageNumber, ct);
        var viewer = this.Viewer();
        // A series shows only when the viewer can see at least one of its works.
        Series = await db.Series.Where(s => s.OwnerUserId == owner.Id)
            .Where(s => s.Works.Any(sw => db.Works.VisibleTo(viewer).Any(w => w.Id == sw.WorkId)))
            .OrderBy(s => s.Title).ToListAsync(ct);
        return Page();
    }
}
