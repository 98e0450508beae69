using Makimono.Accounts;
using Makimono.Database;
using Makimono.Works;
using Microsoft.EntityFrameworkCore;

namespace Makimono.Tags;

/// <summary>A medium of the fandom index and how many canonical fandoms it holds.</summary>
public sealed record MediaEntry(Media? Media, int Fandoms)
{
    public string Name => MediaNames.Name(Media);
    public string Slug => MediaNames.Slug(Media);
}

/// <summary>A canonical tag with the number of works the viewer may see that filter on it (its synonyms and sub tags included).</summary>
public sealed record TagWorkCount(string Name, int Works);

/// <summary>Fandoms by media, as AO3's fandom index shows them, and a fandom's characters and relationships.</summary>
public static class FandomIndex
{
    /// <summary>Every medium in AO3's order, then the uncategorized fandoms, with their canonical fandom counts.</summary>
    public static async Task<List<MediaEntry>> MediaAsync(ArchiveDbContext db, CancellationToken ct = default)
    {
        var counts = await CanonicalFandoms(db).GroupBy(t => t.Media).Select(g => new { Media = g.Key, Count = g.Count() }).ToListAsync(ct);
        return Enum.GetValues<Media>().Select(m => (Media?)m).Append(null)
            .Select(m => new MediaEntry(m, counts.FirstOrDefault(c => c.Media == m)?.Count ?? 0))
            .ToList();
    }

    /// <summary>The medium's canonical fandoms, alphabetically, each with the works the viewer may see.</summary>
    public static async Task<List<TagWorkCount>> FandomsAsync(ArchiveDbContext db, Viewer viewer, Media? media, CancellationToken ct = default)
    {
        var fandoms = await CanonicalFandoms(db).Where(t => t.Media == media).Select(t => new { t.Id, t.Name }).ToListAsync(ct);
        var works = await VisibleWorkCountsAsync(db, viewer, fandoms.Select(f => f.Id).ToList(), ct);
        return fandoms.OrderBy(f => f.Name, StringComparer.CurrentCultureIgnoreCase)
            .Select(f => new TagWorkCount(f.Name, works.GetValueOrDefault(f.Id))).ToList();
    }

    /// <summary>The canonical tags of one type whose parent is the fandom, most works first, each with the works the viewer may see.</summary>
    public static async Task<List<TagWorkCount>> ChildrenAsync(ArchiveDbContext db, Viewer viewer, int fandomId, TagType type, CancellationToken ct = default)
    {
        var children = await db.TagParents.Where(p => p.ParentId == fandomId && p.Child.Type == type && p.Child.IsCanonical)
            .Select(p => new { p.Child.Id, p.Child.Name }).ToListAsync(ct);
        var works = await VisibleWorkCountsAsync(db, viewer, children.Select(c => c.Id).ToList(), ct);
        return children.Select(c => new TagWorkCount(c.Name, works.GetValueOrDefault(c.Id)))
            .OrderByDescending(c => c.Works).ThenBy(c => c.Name, StringComparer.CurrentCultureIgnoreCase).ToList();
    }

    private static IQueryable<Tag> CanonicalFandoms(ArchiveDbContext db) =>
        db.Tags.Where(t => t.Type == TagType.Fandom && t.IsCanonical);

    /// <summary>Counted through the works' filter sets and WorkAccess, so drafts, hidden and restricted works count only for those who may see them.</summary>
    private static async Task<Dictionary<int, int>> VisibleWorkCountsAsync(ArchiveDbContext db, Viewer viewer, List<int> tagIds, CancellationToken ct)
    {
        if (tagIds.Count == 0)
        {
            return [];
        }
        var visible = db.Works.VisibleTo(viewer).Select(w => w.Id);
        return await db.WorkFilterTags.Where(f => tagIds.Contains(f.TagId) && visible.Contains(f.WorkId))
            .GroupBy(f => f.TagId).Select(g => new { TagId = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.TagId, g => g.Count, ct);
    }
}
