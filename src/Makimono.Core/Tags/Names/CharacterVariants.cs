using Makimono.Database;
using Microsoft.EntityFrameworkCore;

namespace Makimono.Tags.Names;

/// <summary>A character tag of a fandom, with the works it is on (for the co-occurrence evidence).</summary>
public sealed record CharacterTagUse(int Id, string Name, bool IsCanonical, IReadOnlySet<int> WorkIds);

/// <summary>One tag of a group, with the evidence that it names the group's character.</summary>
public sealed record CharacterVariant(CharacterTagUse Tag, IReadOnlyList<string> SharedParts, int WorksWithChosen);

/// <summary>Tags that probably name one character: the one suggested as canonical, and the others to merge into it.</summary>
public sealed record VariantGroup(CharacterTagUse Chosen, IReadOnlyList<CharacterVariant> Variants);

/// <summary>
/// Groups a fandom's unmerged character tags that name one character: the same name parts in any order
/// ("Hatake Kakashi", "Kakashi Hatake"), and shorter names that fit exactly one full name ("Kakashi",
/// "Kakashi H.", "Kakashi-sensei"). A short name that fits two full names ("Uchiha") is left alone.
/// </summary>
public static class CharacterVariants
{
    /// <summary>
    /// The groups among the fandom's unmerged character tags: those whose parent is the fandom, and those used
    /// on the fandom's works (as the wrangling queue counts them).
    /// </summary>
    public static async Task<List<VariantGroup>> ForFandomAsync(ArchiveDbContext db, int fandomId, CancellationToken ct = default)
    {
        var tags = await db.Tags.AsNoTracking()
            .Where(t => t.Type == TagType.Character && t.MergerId == null
                && (db.TagParents.Any(p => p.ChildId == t.Id && p.ParentId == fandomId)
                    || t.Works.Any(wt => wt.Work.Tags.Any(o => o.Tag.Type == TagType.Fandom && (o.Tag.MergerId ?? o.TagId) == fandomId))))
            .Select(t => new { t.Id, t.Name, t.IsCanonical }).ToListAsync(ct);
        var ids = tags.Select(t => t.Id).ToList();
        var works = (await db.WorkTags.AsNoTracking().Where(wt => ids.Contains(wt.TagId)).Select(wt => new { wt.TagId, wt.WorkId }).ToListAsync(ct))
            .ToLookup(wt => wt.TagId, wt => wt.WorkId);
        return Group(tags.OrderBy(t => t.Id).Select(t => new CharacterTagUse(t.Id, t.Name, t.IsCanonical, works[t.Id].ToHashSet())).ToList());
    }

    public static List<VariantGroup> Group(IReadOnlyList<CharacterTagUse> tags)
    {
        var parts = tags.ToDictionary(t => t.Id, t => NameParts.Of(t.Name));
        var groups = new Dictionary<string, List<CharacterTagUse>>(StringComparer.Ordinal);
        foreach (var tag in tags.Where(t => !parts[t.Id].IsEmpty && parts[t.Id].Initials.Count == 0))
        {
            var key = parts[tag.Id].Key;
            if (!groups.TryGetValue(key, out var members))
            {
                groups[key] = members = [];
            }
            members.Add(tag);
        }
        var fullNames = groups.Where(g => NameParts.Of(g.Key).Full.Count >= 2).Select(g => g.Key).ToList();
        var attached = new Dictionary<string, List<CharacterTagUse>>(StringComparer.Ordinal);
        foreach (var tag in tags.Where(t => !parts[t.Id].IsEmpty))
        {
            var own = parts[tag.Id];
            if (own.Initials.Count == 0 && own.Full.Count >= 2)
            {
                continue;
            }
            var fits = fullNames.Where(k => own.FitsWithin(NameParts.Of(k))).ToList();
            if (fits.Count == 1)
            {
                (attached.TryGetValue(fits[0], out var list) ? list : attached[fits[0]] = []).Add(tag);
                if (own.Initials.Count == 0)
                {
                    groups[own.Key].Remove(tag);
                }
            }
        }
        var result = new List<VariantGroup>();
        foreach (var (key, members) in groups)
        {
            var all = members.Concat(attached.GetValueOrDefault(key) ?? []).Distinct().ToList();
            if (all.Count >= 2)
            {
                result.Add(Evidence(all, parts));
            }
        }
        return result.OrderByDescending(g => g.Variants.Sum(v => v.Tag.WorkIds.Count) + g.Chosen.WorkIds.Count)
            .ThenBy(g => g.Chosen.Name, StringComparer.Ordinal).ToList();
    }

    /// <summary>The canonical tag if there is one, else the fullest, most used name; the others carry their evidence.</summary>
    private static VariantGroup Evidence(List<CharacterTagUse> members, Dictionary<int, NameParts> parts)
    {
        var chosen = members
            .OrderByDescending(t => t.IsCanonical)
            .ThenByDescending(t => parts[t.Id].Full.Count)
            .ThenByDescending(t => t.WorkIds.Count)
            .ThenBy(t => t.Name, StringComparer.Ordinal)
            .First();
        var variants = members.Where(t => t != chosen)
            .Select(t => new CharacterVariant(t,
                parts[t.Id].Full.Intersect(parts[chosen.Id].Full, StringComparer.Ordinal).ToList(),
                t.WorkIds.Count(chosen.WorkIds.Contains)))
            .OrderByDescending(v => v.Tag.WorkIds.Count).ThenBy(v => v.Tag.Name, StringComparer.Ordinal)
            .ToList();
        return new VariantGroup(chosen, variants);
    }
}
