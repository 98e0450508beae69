using Makimono.Database;
using Makimono.Search;
using Makimono.Tags;
using Makimono.Tags.Wrangling;
using Makimono.Web.PageModels;
using Makimono.Web.WorkListings;
using Makimono.Works;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Makimono.Pages.Tags;

public class TagWorksModel(ArchiveDbContext db, Listings listings) : PageModel
{
    public Tag Tag { get; private set; } = null!;
    /// <summary>Only tags that exist for the viewer (<see cref="TagVisibility"/>).</summary>
    public TagRelations Relations { get; private set; } = null!;
    public ListingView Listing { get; private set; } = null!;

    /// <summary>For a canonical fandom: its canonical characters and relationships that have works the viewer may see.</summary>
    public IReadOnlyList<TagWorkCount> Characters { get; private set; } = [];

    public IReadOnlyList<TagWorkCount> Relationships { get; private set; } = [];

    public bool IsFandomPage => Tag.Type == TagType.Fandom && Tag.IsCanonical;

    public bool CanWrangle { get; private set; }

    public async Task<IActionResult> OnGetAsync(string name, CancellationToken ct = default)
    {
        var viewer = this.Viewer();
        var normalized = TagName.Normalize(TagUrl.FromSegment(name));
        var tag = await db.Tags.KnownTo(db, viewer).Include(t => t.Merger).FirstOrDefaultAsync(t => t.NormalizedName == normalized, ct);
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
        Relations = await TagRelations.LoadAsync(db.Tags.KnownTo(db, viewer), db, tag.Id, ct);
        Listing = await listings.RunAsync(HttpContext, viewer, new WorkQuery { IncludeTagIds = [tag.Id] }, facets: true, ct);
        if (IsFandomPage)
        {
            Characters = WithWorks(await FandomIndex.ChildrenAsync(db, viewer, tag.Id, TagType.Character, ct));
            Relationships = WithWorks(await FandomIndex.ChildrenAsync(db, viewer, tag.Id, TagType.Relationship, ct));
        }
        CanWrangle = viewer.IsLoggedIn && await WranglingAccess.DenyAsync(db, viewer, tag, ct) is null;
        return Page();
    }

    /// <summary>A reader looks for works; a character with none to show is left out rather than shown with "(0)".</summary>
    private static List<TagWorkCount> WithWorks(List<TagWorkCount> tags) => tags.Where(t => t.Works > 0).ToList();
}
