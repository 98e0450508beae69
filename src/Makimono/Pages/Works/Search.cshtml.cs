using Makimono.Database;
using Makimono.Search;
using Makimono.Web.PageModels;
using Makimono.Web.WorkListings;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Makimono.Pages.Works;

/// <summary>The works search: the header's box lands here with <c>?q=</c>; the full form is the filter sidebar.</summary>
public class SearchModel(ArchiveDbContext db, Listings listings, TimeProvider clock) : PageModel
{
    public ListingView Listing { get; private set; } = null!;
    [BindProperty] public string? SaveName { get; set; }
    [BindProperty] public string? SaveQuery { get; set; }

    public async Task OnGetAsync(CancellationToken ct) =>
        Listing = await listings.RunAsync(HttpContext, this.Viewer(), new WorkQuery(), facets: true, ct);

    /// <summary>Saves the search shown (its query string) under a name, for the saved searches page.</summary>
    public async Task<IActionResult> OnPostSaveAsync(CancellationToken ct)
    {
        if (!this.Viewer().IsLoggedIn)
        {
            return Challenge();
        }
        var name = string.IsNullOrWhiteSpace(SaveName) ? "Search" : SaveName.Trim();
        var query = (SaveQuery ?? "").TrimStart('?');
        if (name.Length > SavedSearch.NameMax || query.Length > SavedSearch.QueryMax)
        {
            ModelState.AddModelError(nameof(SaveName), $"A saved search's name has at most {SavedSearch.NameMax} characters and its filters at most {SavedSearch.QueryMax}.");
            HttpContext.Request.QueryString = new QueryString(query.Length > 0 ? "?" + query : "");
            await OnGetAsync(ct);
            return Page();
        }
        await SavedSearches.SaveAsync(db, clock, this.UserId(), name, query, ct);
        return Redirect("/account/searches");
    }
}
