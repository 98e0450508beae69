using Makimono.Accounts;
using Makimono.Database;
using Microsoft.EntityFrameworkCore;

namespace Makimono.Tags.Wrangling;

public sealed record UnwrangledTag(int Id, string Name, TagType Type, int Uses);

/// <summary>The wrangler's queue: tags nobody has wrangled yet, in the viewer's fandoms, most used first.</summary>
public static class UnwrangledTags
{
    public const int Max = 100;

    public static async Task<List<UnwrangledTag>> ForAsync(ArchiveDbContext db, Viewer viewer, CancellationToken ct = default)
    {
        var tags = db.Tags.Where(t => !t.IsCanonical && t.MergerId == null && !t.IsUnwrangleable && t.Id >= FixedTags.FirstUserTagId);
        if (!viewer.IsAdmin)
        {
            // The same rule as WranglingAccess for tags without parents: a fandom is its own, others go by their works' fandoms.
            var mine = db.WranglerAssignments.Where(a => a.UserId == viewer.UserId).Select(a => a.FandomTagId);
            tags = tags.Where(t => t.Type == TagType.Fandom
                ? mine.Contains(t.Id)
                : t.Works.Any(wt => wt.Work.Tags.Any(o => o.Tag.Type == TagType.Fandom && mine.Contains(o.Tag.MergerId ?? o.TagId))));
        }
        return await tags
            .OrderByDescending(t => t.Works.Count).ThenBy(t => t.Name)
            .Take(Max)
            .Select(t => new UnwrangledTag(t.Id, t.Name, t.Type, t.Works.Count))
            .ToListAsync(ct);
    }
}
