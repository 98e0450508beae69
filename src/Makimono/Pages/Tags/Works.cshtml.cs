using Makimono.Database;
using Makimono.Tags;
using Makimono.Web;
using Makimono.Works;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Makimono.Pages.Tags;

public class TagWorksModel(ArchiveDbContext db) : PageModel
{
    public Tag Tag { get; private set; } = null!;
    public TagRelations Relations { get; private set; } = null!;
    public Page<Work> Works { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string name, [FromQuery(Name = "page")] int pageNumber = 1, CancellationToken ct = default)
    {
        var normalized = TagName.Normalize(TagUrl.FromSegment(name));
        var tag = await db.Tags.Include(t => t.Merger).FirstOrDefaultAsync(t => t.NormalizedName == normalized, ct);
        if (tag is null)
        {
            return NotFound();
        }
        // A synonym has no page of its own: its works are its canonical tag's works, as on AO3.
        if (tag.Merger is { } canonical)
        {
            return Redirect(TagUrl.WorksPath(canonical.Name));
        }
        Tag = tag;
        Relations = await TagRelations.LoadAsync(db, tag.Id, ct);
        Works = await WorkListing.LoadAsync(db, WorkListing.TaggedWith(db, tag.Id), this.Viewer(), pageNumber, ct);
        return Page();
    }
}
