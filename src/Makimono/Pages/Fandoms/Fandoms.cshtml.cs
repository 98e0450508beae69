using Makimono.Database;
using Makimono.Tags;
using Makimono.Web.PageModels;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Makimono.Pages.Fandoms;

/// <summary>One medium's canonical fandoms, alphabetically, with the works the viewer may see.</summary>
public class MediaFandomsModel(ArchiveDbContext db) : PageModel
{
    public string Name { get; private set; } = "";
    public IReadOnlyList<TagWorkCount> Fandoms { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct)
    {
        if (!MediaNames.TryParse(slug, out var media))
        {
            return NotFound();
        }
        Name = MediaNames.FandomsHeading(media);
        Fandoms = await FandomIndex.FandomsAsync(db, this.Viewer(), media, ct);
        return Page();
    }
}
