using Makimono.Search;
using Makimono.Web.PageModels;
using Makimono.Web.WorkListings;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Makimono.Pages;

public class IndexModel(Listings listings) : PageModel
{
    public ListingView Listing { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct) =>
        Listing = await listings.RunAsync(HttpContext, this.Viewer(), new WorkQuery(), facets: true, ct);
}
