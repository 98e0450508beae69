using Makimono.Database;
using Makimono.Tags;
using Microsoft.EntityFrameworkCore;

namespace Makimono.Import;

/// <summary>
/// Guesses for the author to confirm: characters named in the text, relationships from names that share
/// paragraphs, and a rating and archive warnings from cue words. Each carries a confidence.
/// </summary>
public static partial class SuggestTags
{
    public static void Suggest(ImportedWork work)
    {
        // An array, not a lazy sequence, so the joined text is allocated once at its final size.
        var text = string.Join("\n\n", work.Chapters.Select(c => c.Text).ToArray());
        var names = NameFinder.Find(text);
        foreach (var (name, mentions) in names.Take(15))
        {
            work.Suggestions.Characters.Add(new CharacterSuggestion(name, mentions));
        }
        SuggestRelationships(work, text, names.Take(8).Select(n => n.Name).ToList());
        var cues = CueWords.Count(text);
        SuggestRating(work, cues);
        SuggestWarnings(work, cues);
    }

    /// <summary>Sets <see cref="CharacterSuggestion.TagId"/> and <see cref="TagSuggestion.TagId"/> where the archive has the tag.</summary>
    public static async Task MapToExistingTagsAsync(ArchiveDbContext db, ImportedWork work, CancellationToken ct = default)
    {
        var wanted = work.Suggestions.Characters.Select(c => c.Name)
            .Concat(work.Suggestions.Relationships.Select(r => r.Name))
            .Select(TagName.Normalize).Distinct().ToList();
        if (wanted.Count == 0)
        {
            return;
        }
        var tags = await db.Tags.AsNoTracking()
            .Where(t => wanted.Contains(t.NormalizedName))
            .Select(t => new { t.Id, t.NormalizedName, t.MergerId })
            .ToDictionaryAsync(t => t.NormalizedName, t => t.MergerId ?? t.Id, ct);
        for (var i = 0; i < work.Suggestions.Characters.Count; i++)
        {
            var c = work.Suggestions.Characters[i];
            if (tags.TryGetValue(TagName.Normalize(c.Name), out var id))
            {
                work.Suggestions.Characters[i] = c with { TagId = id };
            }
        }
        for (var i = 0; i < work.Suggestions.Relationships.Count; i++)
        {
            var r = work.Suggestions.Relationships[i];
            if (tags.TryGetValue(TagName.Normalize(r.Name), out var id))
            {
                work.Suggestions.Relationships[i] = r with { TagId = id };
            }
        }
    }

    private static void SuggestRelationships(ImportedWork work, string text, List<string> names)
    {
        foreach (var stated in work.Relationships)
        {
            work.Suggestions.Relationships.Add(new TagSuggestion(stated, 0.95));
        }
        var appearsIn = ParagraphsMentioning(text, names);
        var pairs = new List<(string A, string B, int Together, double Share)>();
        for (var a = 0; a < names.Count; a++)
        {
            for (var b = a + 1; b < names.Count; b++)
            {
                var together = appearsIn[names[a]].Intersect(appearsIn[names[b]]).Count();
                var fewer = Math.Min(appearsIn[names[a]].Count, appearsIn[names[b]].Count);
                if (together >= 3 && fewer > 0)
                {
                    pairs.Add((names[a], names[b], together, (double)together / fewer));
                }
            }
        }
        foreach (var (a, b, _, share) in pairs.OrderByDescending(p => p.Together).Take(3))
        {
            var name = $"{a}/{b}";
            if (!work.Suggestions.Relationships.Any(r => r.Name == name || r.Name == $"{b}/{a}"))
            {
                work.Suggestions.Relationships.Add(new TagSuggestion(name, Math.Round(Math.Min(0.8, 0.2 + share * 0.6), 2)));
            }
        }
    }

    /// <summary>
    /// For each name, the indexes of the paragraphs (the non-empty pieces of <paramref name="text"/> between
    /// "\n\n") that mention it as a whole word. One scan of the whole text per name, with each match mapped to
    /// its paragraph, instead of one regex per name per paragraph: a name has no newline, so no match spans a
    /// paragraph break, and a boundary at a paragraph's edge is a boundary in the whole text too.
    /// </summary>
    private static Dictionary<string, HashSet<int>> ParagraphsMentioning(string text, List<string> names)
    {
        // Start offsets of the paragraphs that Split("\n\n", RemoveEmptyEntries) would keep, in order.
        var starts = new List<int>();
        for (var start = 0; start <= text.Length;)
        {
            var end = text.IndexOf("\n\n", start, StringComparison.Ordinal);
            if (end < 0)
            {
                end = text.Length;
            }
            if (end > start)
            {
                starts.Add(start);
            }
            start = end + 2;
        }
        var appearsIn = new Dictionary<string, HashSet<int>>();
        foreach (var name in names)
        {
            var found = new HashSet<int>();
            foreach (var match in NameWords.WholeWordMatches(text, name))
            {
                var index = starts.BinarySearch(match);
                found.Add(index >= 0 ? index : ~index - 1);
            }
            appearsIn[name] = found;
        }
        return appearsIn;
    }

    private static void SuggestRating(ImportedWork work, CueCounts cues)
    {
        if (work.Rating is { } stated)
        {
            work.Suggestions.Rating = new TagSuggestion(stated, 0.95);
            return;
        }
        var explicitCues = cues.Explicit;
        var matureCues = cues.Mature;
        var teenCues = cues.Teen;
        work.Suggestions.Rating = explicitCues >= 3 ? new TagSuggestion("Explicit", 0.6)
            : explicitCues > 0 || matureCues >= 3 ? new TagSuggestion("Mature", 0.5)
            : work.Suggestions.Rating is { } fromNotes ? fromNotes
            : matureCues > 0 || teenCues >= 2 ? new TagSuggestion("Teen And Up Audiences", 0.5)
            : new TagSuggestion("General Audiences", 0.3);
    }

    private static void SuggestWarnings(ImportedWork work, CueCounts cues)
    {
        // What the author warned about counts for more than what the story mentions.
        var warned = CueWords.Count(work.ContentNotes ?? string.Empty);
        // Both searched apart rather than copying the whole story to append the notes: a cue word has no newline,
        // so none could have spanned the join.
        if (cues.Rape > 0 || warned.Rape > 0)
        {
            work.Suggestions.ArchiveWarnings.Add(new TagSuggestion("Rape/Non-Con", 0.5));
        }
        var deaths = cues.Death + 3 * warned.Death;
        if (deaths >= 2)
        {
            work.Suggestions.ArchiveWarnings.Add(new TagSuggestion("Major Character Death", Math.Round(Math.Min(0.7, 0.2 + deaths * 0.05), 2)));
        }
        var violence = cues.Violence + 3 * warned.Violence;
        if (violence >= 3)
        {
            work.Suggestions.ArchiveWarnings.Add(new TagSuggestion("Graphic Depictions Of Violence", Math.Round(Math.Min(0.6, 0.2 + violence * 0.03), 2)));
        }
        if (work.Suggestions.ArchiveWarnings.Count == 0)
        {
            work.Suggestions.ArchiveWarnings.Add(new TagSuggestion("No Archive Warnings Apply", 0.4));
        }
    }
}
