using Makimono.Database;
using Makimono.Web;
using Makimono.Works;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Makimono.Pages;

public class IndexModel(ArchiveDbContext db) : PageModel
{
    public Page<Work> Works { get; private set; } = null!;

    public async Task OnGetAsync([FromQuery(Name = "page")] int pageNumber = 1, CancellationToken ct = default) =>
        Works = await WorkListing.LoadAsync(db, db.Works, this.Viewer(), pageNumber, ct);
}
