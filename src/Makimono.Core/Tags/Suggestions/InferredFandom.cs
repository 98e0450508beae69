using Makimono.Database;
using Makimono.Tags.Names;
using Microsoft.EntityFrameworkCore;

namespace Makimono.Tags.Suggestions;

/// <summary>
/// The fandom of a work that names none the archive knows, from its characters: the one fandom whose canonical
/// characters the text names most, when that is at least two of them (or one, often, and no other fandom is
/// named at all). Two fandoms named equally is no answer: a guess would put another fandom's names on the work.
/// </summary>
public static class InferredFandom
{
    /// <summary>How many candidate names are looked up in the archive: the finder's most mentioned ones.</summary>
    private const int NamesLookedUp = 20;

    /// <summary>A single character names its fandom from this many mentions, when no other fandom is named.</summary>
    private const int OneCharacterMentions = 3;

    public static int? Pick(string text, IReadOnlyDictionary<int, CharacterDirectory> fandoms)
    {
        var scores = fandoms
            .Select(f => (Fandom: f.Key, Found: KnownNames.Find(text, f.Value)))
            .Where(f => f.Found.Count > 0)
            .OrderByDescending(f => f.Found.Count).ThenByDescending(f => f.Found.Sum(k => k.Mentions))
            .ToList();
        if (scores.Count == 0)
        {
            return null;
        }
        var best = scores[0];
        if (scores.Count > 1 && scores[1].Found.Count == best.Found.Count)
        {
            return null;
        }
        return best.Found.Count >= 2 || (scores.Count == 1 && best.Found[0].Mentions >= OneCharacterMentions) ? best.Fandom : null;
    }

    /// <summary>
    /// The fandoms whose canonical characters (by name or synonym) contain one of the names the finder saw, with
    /// their characters, and of those the one <see cref="Pick"/> chooses.
    /// </summary>
    public static async Task<int?> FromArchiveAsync(ArchiveDbContext db, string text, IEnumerable<string> names, CancellationToken ct = default)
    {
        var candidates = new HashSet<int>();
        foreach (var name in names.Select(TagName.Normalize).Where(n => n.Length >= 2).Distinct().Take(NamesLookedUp))
        {
            var (spaced, before, after) = (" " + name + " ", name + " ", " " + name);
            var characterIds = await db.Tags.AsNoTracking()
                .Where(t => t.Type == TagType.Character && (t.IsCanonical || t.MergerId != null)
                    && (t.NormalizedName == name || t.NormalizedName.StartsWith(before) || t.NormalizedName.EndsWith(after) || t.NormalizedName.Contains(spaced)))
                .Select(t => t.MergerId ?? t.Id).Distinct().ToListAsync(ct);
            if (characterIds.Count == 0)
            {
                continue;
            }
            var fandomIds = await db.TagParents.AsNoTracking()
                .Where(p => characterIds.Contains(p.ChildId) && p.Parent.Type == TagType.Fandom && p.Parent.IsCanonical)
                .Select(p => p.ParentId).Distinct().ToListAsync(ct);
            candidates.UnionWith(fandomIds);
        }
        if (candidates.Count == 0)
        {
            return null;
        }
        var directories = new Dictionary<int, CharacterDirectory>();
        foreach (var fandom in candidates)
        {
            directories[fandom] = await FandomNames.CharactersAsync(db, [fandom], ct);
        }
        return Pick(text, directories);
    }
}
