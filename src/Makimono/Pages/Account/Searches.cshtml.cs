using Makimono.Database;
using Makimono.Search;
using Makimono.Web.PageModels;
using Makimono.Web.WorkListings;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Makimono.Pages.Account;

/// <summary>The user's saved searches, each with how many works are new or updated since they last opened it.</summary>
public class SearchesModel(ArchiveDbContext db, Listings listings, TimeProvider clock) : PageModel
{
    public sealed record Row(SavedSearch Search, int New);

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var viewer = this.Viewer();
        var filters = await listings.FiltersOfAsync(HttpContext, viewer, ct);
        var rows = new List<Row>();
        foreach (var saved in await SavedSearches.OfUserAsync(db, this.UserId(), ct))
        {
            var query = await listings.QueryOfAsync(saved.Query, viewer, ct);
            rows.Add(new Row(saved, await SavedSearches.CountNewAsync(db, query, viewer, filters, saved.LastViewedAt, ct)));
        }
        Rows = rows;
    }

    /// <summary>Opening a saved search marks it looked at, so its count of new works starts again from now.</summary>
    public async Task<IActionResult> OnPostOpenAsync(int id, CancellationToken ct) =>
        await SavedSearches.OpenAsync(db, clock, this.UserId(), id, ct) is { } query
            ? Redirect(query.Length > 0 ? $"/works/search?{query}" : "/works/search")
            : NotFound();

    public async Task<IActionResult> OnPostDeleteAsync(int id, CancellationToken ct) =>
        await SavedSearches.DeleteAsync(db, this.UserId(), id, ct) ? Redirect("/account/searches") : NotFound();
}
