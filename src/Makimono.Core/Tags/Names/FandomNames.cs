using Makimono.Database;
using Microsoft.EntityFrameworkCore;

namespace Makimono.Tags.Names;

/// <summary>Loads the canonical characters and relationships of some fandoms, for resolving written names.</summary>
public static class FandomNames
{
    /// <summary>The canonical characters whose parent is one of the fandoms, with their synonyms.</summary>
    public static async Task<CharacterDirectory> CharactersAsync(ArchiveDbContext db, IReadOnlyCollection<int> fandomIds, CancellationToken ct = default)
    {
        var canonicals = await db.Tags.AsNoTracking()
            .Where(t => t.Type == TagType.Character && t.IsCanonical
                && db.TagParents.Any(p => p.ChildId == t.Id && fandomIds.Contains(p.ParentId)))
            .Select(t => new { t.Id, t.Name }).ToListAsync(ct);
        var directory = new CharacterDirectory();
        if (canonicals.Count == 0)
        {
            return directory;
        }
        var ids = canonicals.Select(c => c.Id).ToList();
        var synonyms = (await db.Tags.AsNoTracking()
            .Where(t => t.MergerId != null && ids.Contains(t.MergerId.Value))
            .Select(t => new { MergerId = t.MergerId!.Value, t.Name }).ToListAsync(ct))
            .ToLookup(s => s.MergerId, s => s.Name);
        foreach (var c in canonicals.OrderBy(c => c.Id))
        {
            directory.Add(c.Id, c.Name, synonyms[c.Id].Order(StringComparer.Ordinal));
        }
        return directory;
    }

    /// <summary>The fandoms' characters, and their canonical relationships (parent of a fandom or of one of the characters).</summary>
    public static async Task<RelationshipIndex> RelationshipsAsync(ArchiveDbContext db, IReadOnlyCollection<int> fandomIds, CancellationToken ct = default)
    {
        var characters = await CharactersAsync(db, fandomIds, ct);
        if (characters.Count == 0)
        {
            // A relationship resolves only through its characters.
            return new RelationshipIndex(characters);
        }
        var parents = fandomIds.Concat(characters.Canonicals.Keys).ToList();
        var relationships = await db.Tags.AsNoTracking()
            .Where(t => t.Type == TagType.Relationship && t.IsCanonical
                && db.TagParents.Any(p => p.ChildId == t.Id && parents.Contains(p.ParentId)))
            .Select(t => new { t.Id, t.Name }).ToListAsync(ct);
        var relationshipIds = relationships.Select(r => r.Id).ToList();
        var listed = (await db.TagParents.AsNoTracking()
            .Where(p => relationshipIds.Contains(p.ChildId) && p.Parent.Type == TagType.Character)
            .Select(p => new { p.ChildId, p.ParentId }).ToListAsync(ct))
            .ToLookup(p => p.ChildId, p => p.ParentId);
        var index = new RelationshipIndex(characters);
        foreach (var r in relationships.OrderBy(r => r.Id))
        {
            index.AddCanonical(r.Id, r.Name, listed[r.Id].ToList());
        }
        return index;
    }

    /// <summary>The canonical fandom tags these names are (directly, or through a synonym).</summary>
    public static async Task<List<int>> FandomIdsAsync(ArchiveDbContext db, IEnumerable<string> names, CancellationToken ct = default)
    {
        var normalized = names.Select(TagName.Normalize).Distinct().ToList();
        return await db.Tags.AsNoTracking()
            .Where(t => t.Type == TagType.Fandom && normalized.Contains(t.NormalizedName))
            .Select(t => t.MergerId ?? t.Id).Distinct().ToListAsync(ct);
    }
}
