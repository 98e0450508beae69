using Makimono.Database;
using Makimono.Tags.Wrangling;
using Makimono.Web;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Makimono.Pages.Tags;

public class UnwrangledModel(ArchiveDbContext db) : PageModel
{
    public IReadOnlyList<UnwrangledTag> Tags { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Tags = await UnwrangledTags.ForAsync(db, this.Viewer(), ct);
}
