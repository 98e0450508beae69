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

public class UserWorksModel(ArchiveDbContext db, Listings listings, ViewerFilterSettings settings) : PageModel
{
    public User Owner { get; private set; } = null!;
    public ListingView Listing { get; private set; } = null!;
    /// <summary>Null for guests and on one's own page; otherwise whether the viewer mutes this user.</summary>
    public bool? Muted { get; private set; }
    public IReadOnlyList<Makimono.Works.Series> Series { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string? name, CancellationToken ct = default)
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
        var viewer = this.Viewer();
        Listing = await listings.RunAsync(HttpContext, viewer, new WorkQuery { CreatorUserId = owner.Id }, facets: true, ct);
        Muted = viewer.UserId == owner.Id ? null : (await listings.FiltersOfAsync(HttpContext, viewer, ct)).MutedUserIds.Contains(owner.Id);
        // A series shows only when the viewer can see at least one of its works.
        Series = await db.Series.Where(s => s.OwnerUserId == owner.Id)
            .Where(s => s.Works.Any(sw => db.Works.VisibleTo(viewer).Any(w => w.Id == sw.WorkId)))
            .OrderBy(s => s.Title).ToListAsync(ct);
        return Page();
    }

    /// <summary>Mutes or unmutes this user for the viewer (a guest's choice goes in the cookie), then shows the page again.</summary>
    public async Task<IActionResult> OnPostMuteAsync(string? name, bool mute, CancellationToken ct)
    {
        var normalized = AccountNames.Normalize(name ?? "");
        var owner = await db.Users.FirstOrDefaultAsync(u => u.NormalizedUserName == normalized, ct);
        if (owner is null || owner.Id == this.Viewer().UserId)
        {
            return NotFound();
        }
        await settings.SetMutedAsync(HttpContext, this.Viewer(), owner.Id, mute, ct);
        return Redirect($"/users/{Uri.EscapeDataString(owner.UserName)}");
    }
}
