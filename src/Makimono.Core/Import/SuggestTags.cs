using System.Text.RegularExpressions;
using Makimono.Database;
using Makimono.Tags;
using Makimono.Tags.Names;
using Microsoft.EntityFrameworkCore;

namespace Makimono.Import;

/// <summary>
/// Guesses for the author to confirm: characters named in the text, relationships from names that share
/// paragraphs, and a rating and archive warnings from cue words. Each carries a confidence.
/// </summary>
public static partial class SuggestTags
{
    /// <summary>Suggestions at or above this confidence are the ones counted as suggested in the quality figures.</summary>
    public const double Likely = 0.5;

    /// <summary>A name the archive does not know is suggested as a new character from this many mentions.</summary>
    private const int NewCharacterMentions = 3;

    public static void Suggest(ImportedWork work)
    {
        // An array, not a lazy sequence, so the joined text is allocated once at its final size.
        var text = string.Join("\n\n", work.Chapters.Select(c => c.Text).ToArray());
        var found = OnePerPerson(NameFinder.Find(text, minimumMentions: 1)).ToList();
        var names = found.Where(n => n.Mentions >= NewCharacterMentions).Take(15).ToList();
        foreach (var name in names)
        {
            work.Suggestions.Characters.Add(new CharacterSuggestion(name.Name, name.Mentions) { Confidence = NewCharacterConfidence(name) });
        }
        foreach (var name in found.Where(n => n.Mentions < NewCharacterMentions).Take(30))
        {
            work.Suggestions.RareNames.Add(new CharacterSuggestion(name.Name, name.Mentions));
        }
        SuggestRelationships(work, text, names.Take(8).Select(n => n.Name).ToList());
        var cues = CueWords.Count(text);
        SuggestRating(work, cues);
        SuggestWarnings(work, cues);
    }

    /// <summary>Suggestions for a work being posted, from its first chapter, by the same rules as for an import.</summary>
    public static async Task<ImportSuggestions> ForPostingAsync(ArchiveDbContext db, string? fandoms, string? body, CancellationToken ct = default)
    {
        var work = new ImportedWork { Source = "posting", Format = "html" };
        work.Fandoms.AddRange(TagName.SplitList(fandoms));
        work.Chapters.Add(new ImportedChapter { Text = HtmlImport.VisibleText(body ?? string.Empty) });
        Suggest(work);
        await MapToExistingTagsAsync(db, work, ct);
        return work.Suggestions;
    }

    /// <summary>
    /// Maps suggestions to the archive's tags: characters of the work's fandoms through their names, synonyms and
    /// name parts, relationships to the canonical relationship of their characters, and other names exactly.
    /// </summary>
    public static async Task MapToExistingTagsAsync(ArchiveDbContext db, ImportedWork work, CancellationToken ct = default)
    {
        var wanted = work.Suggestions.Characters.Select(c => c.Name)
            .Concat(work.Suggestions.Relationships.Select(r => r.Name))
            .Select(TagName.Normalize).Distinct().ToList();
        if (wanted.Count == 0)
        {
            return;
        }
        var fandomIds = work.Fandoms.Count == 0 ? [] : await FandomNames.FandomIdsAsync(db, work.Fandoms, ct);
        var index = await FandomNames.RelationshipsAsync(db, fandomIds, ct);
        var exact = await db.Tags.AsNoTracking()
            .Where(t => wanted.Contains(t.NormalizedName) && (t.Type == TagType.Character || t.Type == TagType.Relationship))
            .Select(t => new { t.NormalizedName, Id = t.MergerId ?? t.Id })
            .ToDictionaryAsync(t => t.NormalizedName, t => t.Id, ct);
        MapTo(work, index, exact);
    }

    /// <summary>
    /// The mapping itself, without a database: names the fandom's characters resolve become suggestions of those
    /// canonical characters (two names of one character become one suggestion); the rest stay new-character
    /// suggestions unless a tag has exactly that name. Relationships take their canonical (or proposed) name.
    /// </summary>
    public static void MapTo(ImportedWork work, RelationshipIndex index, IReadOnlyDictionary<string, int>? exact = null)
    {
        var characters = work.Suggestions.Characters;
        var mapped = new List<CharacterSuggestion>();
        foreach (var c in characters.Concat(work.Suggestions.RareNames))
        {
            if (index.Characters.Resolve(c.Name) is { } match)
            {
                var same = mapped.FindIndex(m => m.TagId == match.TagId);
                var mentions = c.Mentions + (same >= 0 ? mapped[same].Mentions : 0);
                var known = c with { Mentions = mentions, TagId = match.TagId, Tag = match.Name, Confidence = KnownCharacterConfidence(mentions) };
                if (same >= 0)
                {
                    mapped[same] = known with { Name = mapped[same].Name };
                }
                else
                {
                    mapped.Add(known);
                }
            }
            else if (c.Mentions >= NewCharacterMentions)
            {
                mapped.Add(exact?.TryGetValue(TagName.Normalize(c.Name), out var id) == true ? c with { TagId = id } : c);
            }
        }
        characters.Clear();
        characters.AddRange(mapped);
        var relationships = work.Suggestions.Relationships;
        var named = new List<TagSuggestion>();
        foreach (var r in relationships)
        {
            var suggestion = index.Resolve(r.Name) is { } match
                ? r with { Name = match.Name, TagId = match.CanonicalTagId }
                : exact?.TryGetValue(TagName.Normalize(r.Name), out var id) == true ? r with { TagId = id } : r;
            var same = named.FindIndex(n => n.Name == suggestion.Name);
            if (same < 0)
            {
                named.Add(suggestion);
            }
            else if (named[same].Confidence < suggestion.Confidence)
            {
                named[same] = suggestion;
            }
        }
        relationships.Clear();
        relationships.AddRange(named);
    }

    /// <summary>
    /// One name per person: a name mostly written next to a more mentioned one ("Brae" in "Ansel Brae", "Corvin"
    /// in "Corvin Dale") is that person's other name, not a second character. Of two names always written
    /// together, the first is kept.
    /// </summary>
    private static IEnumerable<FoundName> OnePerPerson(List<FoundName> names)
    {
        var mentions = names.ToDictionary(n => n.Name, n => n.Mentions, StringComparer.Ordinal);
        bool PartOf(FoundName n, string? partner, int together, bool partnerFirst) =>
            partner is not null && mentions.TryGetValue(partner, out var partnerMentions) && together * 2 >= n.Mentions
            && (partnerMentions > n.Mentions || (partnerMentions == n.Mentions && partnerFirst));
        return names.Where(n => !PartOf(n, n.Before, n.BeforeCount, partnerFirst: true) && !PartOf(n, n.After, n.AfterCount, partnerFirst: false));
    }

    /// <summary>More mentions and speaking ("Mira said") make a name surer; place cues make it less sure.</summary>
    private static double NewCharacterConfidence(FoundName name) =>
        Math.Round(Math.Clamp(0.3 + 0.05 * Math.Min(name.Mentions, 8) + (name.PersonCues > 0 ? 0.2 : 0) - (name.PlaceCues > 0 ? 0.15 : 0), 0.1, 0.85), 2);

    private static double KnownCharacterConfidence(int mentions) => Math.Round(Math.Min(0.95, 0.7 + 0.05 * mentions), 2);

    /// <summary>
    /// A stated relationship first; then pairs of names sharing paragraphs. A romantic cue ("kissed", "in love")
    /// counts for the two names mentioned nearest to it, so a third person in the room is not paired; a pair
    /// with such cues is suggested as a pairing, one that only shares paragraphs as a platonic relationship
    /// below <see cref="Likely"/>, since company alone says little.
    /// </summary>
    private static void SuggestRelationships(ImportedWork work, string text, List<string> names)
    {
        foreach (var stated in work.Relationships)
        {
            work.Suggestions.Relationships.Add(new TagSuggestion(stated, 0.95));
        }
        var starts = ParagraphStarts(text);
        var mentions = Mentions(text, names);
        var appearsIn = names.ToDictionary(n => n, n => mentions[n].Select(i => ParagraphOf(starts, i)).ToHashSet());
        var cues = new Dictionary<(string, string), int>();
        foreach (var m in RomanticCues().EnumerateMatches(text))
        {
            if (NearestTwo(mentions, m.Index) is { } pair)
            {
                cues[pair] = cues.GetValueOrDefault(pair) + 1;
            }
        }
        var pairs = new List<(string A, string B, int Together, int Romantic, double Share)>();
        for (var a = 0; a < names.Count; a++)
        {
            for (var b = a + 1; b < names.Count; b++)
            {
                var together = appearsIn[names[a]].Count(appearsIn[names[b]].Contains);
                var fewer = Math.Min(appearsIn[names[a]].Count, appearsIn[names[b]].Count);
                var romantic = cues.GetValueOrDefault((names[a], names[b])) + cues.GetValueOrDefault((names[b], names[a]));
                if ((together >= 2 || romantic >= 2) && fewer > 0)
                {
                    pairs.Add((names[a], names[b], together, romantic, Math.Min(1, (double)together / fewer)));
                }
            }
        }
        foreach (var (a, b, together, romantic, share) in pairs.OrderByDescending(p => p.Romantic).ThenByDescending(p => p.Together).Take(3))
        {
            var suggestion = romantic > 0
                ? new TagSuggestion($"{a}/{b}", Math.Round(Math.Min(0.85, 0.45 + 0.1 * Math.Min(romantic, 3) + 0.1 * share), 2))
                : together >= 3 ? new TagSuggestion($"{a} & {b}", Math.Round(0.2 + 0.2 * share, 2)) : null;
            if (suggestion is not null && !work.Suggestions.Relationships.Any(r => r.Name == $"{a}/{b}" || r.Name == $"{b}/{a}"))
            {
                work.Suggestions.Relationships.Add(suggestion);
            }
        }
    }

    /// <summary>How far a cue may be from a name to count for it: about a paragraph of dialogue.</summary>
    private const int CueReach = 300;

    /// <summary>The two names mentioned nearest to a position, both within <see cref="CueReach"/>, or null.</summary>
    private static (string, string)? NearestTwo(Dictionary<string, List<int>> mentions, int position)
    {
        var near = new List<(string Name, int Distance)>();
        foreach (var (name, positions) in mentions)
        {
            var i = positions.BinarySearch(position);
            i = i >= 0 ? i : ~i;
            var distance = Math.Min(i < positions.Count ? positions[i] - position : int.MaxValue, i > 0 ? position - positions[i - 1] : int.MaxValue);
            if (distance <= CueReach)
            {
                near.Add((name, distance));
            }
        }
        var two = near.OrderBy(n => n.Distance).ThenBy(n => n.Name, StringComparer.Ordinal).Take(2).ToList();
        return two.Count == 2 ? (two[0].Name, two[1].Name) : null;
    }

    /// <summary>Start offsets of the paragraphs that Split("\n\n", RemoveEmptyEntries) would keep, in order.</summary>
    private static List<int> ParagraphStarts(string text)
    {
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
        return starts;
    }

    private static int ParagraphOf(List<int> starts, int index)
    {
        var found = starts.BinarySearch(index);
        return found >= 0 ? found : ~found - 1;
    }

    /// <summary>Where each name is mentioned as a whole word, in order: one scan of the text per name.</summary>
    private static Dictionary<string, List<int>> Mentions(string text, List<string> names)
    {
        var mentions = new Dictionary<string, List<int>>();
        foreach (var name in names)
        {
            var found = new List<int>();
            foreach (var match in NameWords.WholeWordMatches(text, name))
            {
                found.Add(match);
            }
            mentions[name] = found;
        }
        return mentions;
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

    [GeneratedRegex(@"\b(?:kiss\w*|lover?s?|loved|in love|blush\w*|darling|sweetheart|boyfriend|girlfriend|husband|wife|married|wedding|held hands|hand in hand|held (?:her|his|their) hand|hand found (?:hers|his)|embrace\w*|heart (?:raced|pounded|skipped)|date)\b", RegexOptions.IgnoreCase)]
    private static partial Regex RomanticCues();
}
