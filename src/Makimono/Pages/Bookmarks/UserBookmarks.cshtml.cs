using Makimono.Accounts;
using Makimono.Database;
using Makimono.Responses.Bookmarks;
using Makimono.Search;
using Makimono.Tags;
using Makimono.Web.PageModels;
using Makimono.Web.WorkListings;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Makimono.Pages.Bookmarks;

/// <summary>
/// A user's bookmarks (/users/NAME/bookmarks): the public ones, and the private ones too for their owner, of works the
/// viewer may read. The bookmarked works go through the listing query like every listing, so the filter sidebar and the
/// sorts apply to them; "recs only" and a bookmarker's tag narrow the bookmarks first.
/// </summary>
public class UserBookmarksModel(ArchiveDbContext db, Listings listings) : PageModel
{
    public static readonly IReadOnlyList<string> PageFilterNames = ["rec", "label"];

    public User Owner { get; private set; } = null!;
    public ListingView Listing { get; private set; } = null!;
    public IReadOnlyDictionary<int, Bookmark> Bookmarks { get; private set; } = new Dictionary<int, Bookmark>();
    public IReadOnlyList<Bookmark> SeriesBookmarks { get; private set; } = [];
    public bool RecsOnly { get; private set; }
    public string? Label { get; private set; }
    public bool IsOwner { get; private set; }
    /// <summary>The viewer muted the owner, so their bookmarks are left out here as everywhere.</summary>
    public bool IsMuted { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? name, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return NotFound();
        }
        var normalized = AccountNames.Normalize(name);
        var owner = await db.Users.FirstOrDefaultAsync(u => u.NormalizedUserName == normalized, ct);
        if (owner is null)
        {
            return NotFound();
        }
        Owner = owner;
        var viewer = this.Viewer();
        IsOwner = viewer.UserId == owner.Id;
        RecsOnly = Request.Query["rec"] == "1";
        Label = string.IsNullOrWhiteSpace(Request.Query["label"]) ? null : Request.Query["label"].ToString().Trim();
        var filters = await listings.FiltersOfAsync(HttpContext, viewer, ct);
        IsMuted = filters.MutedUserIds.Contains(owner.Id);
        var shown = db.Bookmarks.Where(b => b.UserId == owner.Id).VisibleTo(db, viewer).NotMutedBy(filters);
        if (RecsOnly)
        {
            shown = shown.Where(b => b.IsRec);
        }
        if (Label is not null)
        {
            var label = TagName.Normalize(Label);
            shown = shown.Where(b => b.Tags.Any(t => t.NormalizedName == label));
        }
        var workIds = await shown.Where(b => b.WorkId != null).Select(b => b.WorkId!.Value).ToListAsync(ct);
        Listing = await listings.RunAsync(HttpContext, viewer, new WorkQuery { WorkIds = workIds }, facets: true, ct, PageFilterNames);
        var pageIds = Listing.Page.Items.Select(w => w.Id).ToList();
        Bookmarks = await WithDetails(shown.Where(b => b.WorkId != null && pageIds.Contains(b.WorkId.Value)))
            .ToDictionaryAsync(b => b.WorkId!.Value, ct);
        SeriesBookmarks = await WithDetails(shown.Where(b => b.SeriesId != null)).Include(b => b.Series)
            .OrderByDescending(b => b.CreatedAt).ThenByDescending(b => b.Id).ToListAsync(ct);
        return Page();
    }

    public static IQueryable<Bookmark> WithDetails(IQueryable<Bookmark> bookmarks) => bookmarks.AsNoTracking()
        .Include(b => b.Tags).Include(b => b.Pseud).Include(b => b.User).AsSplitQuery();
}
