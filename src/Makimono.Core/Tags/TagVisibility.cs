using Makimono.Accounts;
using Makimono.Database;
using Makimono.Works;

namespace Makimono.Tags;

/// <summary>
/// Which tags exist for a viewer. Canonical tags and synonyms are public wrangling; any other tag exists only once
/// a work the viewer may see uses it, so a name typed only on drafts, hidden works or (for guests) restricted works
/// cannot be confirmed through tag pages or suggestions.
/// </summary>
public static class TagVisibility
{
    public static bool IsPublicWrangling(bool isCanonical, int? mergerId) => isCanonical || mergerId is not null;

    public static IQueryable<Tag> KnownTo(this IQueryable<Tag> tags, ArchiveDbContext db, Viewer viewer)
    {
        var visible = db.Works.VisibleTo(viewer).Select(w => w.Id);
        // The same test as IsPublicWrangling, written out because the database evaluates it.
        return tags.Where(t => t.IsCanonical || t.MergerId != null || t.Works.Any(wt => visible.Contains(wt.WorkId)));
    }
}
