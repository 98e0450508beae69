using Makimono.Accounts;
using Makimono.Database;
using Makimono.Search;
using Makimono.Web.PageModels;
using Makimono.Web.WorkListings;
using Makimono.Works;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Makimono.Pages.Users;

public class PseudWorksModel(ArchiveDbContext db, Listings listings) : PageModel
{
    public Pseud Pseud { get; private set; } = null!;
    public ListingView Listing { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string? name, string? pseud, CancellationToken ct = default)
    {
        // Model binding turns a blank segment (/users/x/pseuds/%20) into null; a blank name is nobody's.
        if (string.IsNullOrWhiteSpace(name) || string.IsNullOrWhiteSpace(pseud))
        {
            return NotFound();
        }
        var userName = AccountNames.Normalize(name);
        var pseudName = AccountNames.Normalize(pseud);
        var found = await db.Pseuds.Include(p => p.User)
            .FirstOrDefaultAsync(p => p.NormalizedName == pseudName && p.User.NormalizedUserName == userName, ct);
        if (found is null)
        {
            return NotFound();
        }
        Pseud = found;
        Listing = await listings.RunAsync(HttpContext, this.Viewer(), new WorkQuery { CreatorPseudId = found.Id }, facets: true, ct);
        return Page();
    }
}
