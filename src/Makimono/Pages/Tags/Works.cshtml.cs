using Makimono.Database;
using Makimono.Tags;
using Makimono.Tags.Wrangling;
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

    /// <summary>For a canonical fandom: its canonical characters and relationships with the works the viewer may see.</summary>
    public IReadOnlyList<TagWorkCount> Characters { get; private set; } = [];

    public IReadOnlyList<TagWorkCount> Relationships { get; private set; } = [];

    public bool IsFandomPage => Tag.Type == TagType.Fandom && Tag.IsCanonical;

    /// <summary>Whether to offer the wrangling page: only to those it would not refuse.</summary>
    public bool CanWrangle { get; private set; }

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
        CanWrangle = User.Identity?.IsAuthenticated == true && await WranglingAccess.DenyAsync(db, this.Viewer(), tag, ct) is null;
        Works = await WorkListing.LoadAsync(db, WorkListing.TaggedWith(db, tag.Id), this.Viewer(), pageNumber, ct);
        if (IsFandomPage)
        {
            Characters = await FandomIndex.ChildrenAsync(db, this.Viewer(), tag.Id, TagType.Character, ct);
            Relationships = await FandomIndex.ChildrenAsync(db, this.Viewer(), tag.Id, TagType.Relationship, ct);
        }
        return Page();
    }
}
