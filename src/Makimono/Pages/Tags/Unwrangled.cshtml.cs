using Makimono.Database;
using Makimono.Tags;
using Makimono.Tags.Wrangling;
using Makimono.Web;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Makimono.Pages.Tags;

public class UnwrangledModel(ArchiveDbContext db) : PageModel
{
    public IReadOnlyList<UnwrangledTag> Tags { get; private set; } = [];

    /// <summary>The fandoms whose possible duplicate characters the viewer may review.</summary>
    public IReadOnlyList<string> Fandoms { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var viewer = this.Viewer();
        Tags = await UnwrangledTags.ForAsync(db, viewer, ct);
        var fandoms = db.Tags.Where(t => t.Type == TagType.Fandom && t.IsCanonical);
        if (!viewer.IsAdmin)
        {
            fandoms = fandoms.Where(t => db.WranglerAssignments.Any(a => a.UserId == viewer.UserId && a.FandomTagId == t.Id));
        }
        Fandoms = await fandoms.OrderBy(t => t.Name).Select(t => t.Name).Take(UnwrangledTags.Max).ToListAsync(ct);
    }
}
