using Makimono.Database;
using Makimono.Import.Formats;
using Makimono.Import;
using Makimono.Tags.Names;
using Makimono.Tags;
using Microsoft.EntityFrameworkCore;

namespace Makimono.Tags.Suggestions;

/// <summary>
/// Guesses for the author to confirm: characters named in the text, relationships from names that share
/// paragraphs, and a rating and archive warnings from cue words. Each carries a confidence.
/// </summary>
public static class SuggestTags
{
    /// <summary>Suggestions at or above this confidence are the ones counted as suggested in the quality figures.</summary>
    public const double Likely = 0.5;

    public static void Suggest(ImportedWork work)
    {
        var text = TextOf(work);
        var found = OnePerPerson(NameFinder.Find(text, minimumMentions: 1)).ToList();
        var names = found.Where(n => n.Sure).Take(15).ToList();
        foreach (var name in names)
        {
            work.Suggestions.Characters.Add(new CharacterSuggestion(name.Name, name.Mentions) { Confidence = NewCharacterConfidence(name) });
        }
        foreach (var name in found.Where(n => !n.Sure).Take(30))
        {
            work.Suggestions.RareNames.Add(new CharacterSuggestion(name.Name, name.Mentions));
        }
        var romantic = new List<int>();
        var cues = CueWords.Count(text, romantic);
        // Only people who take part are paired: a name offered below Likely ("Lord Ashby's mother remarked") is not.
        var people = names.Where(n => NewCharacterConfidence(n) >= Likely).Take(8)
            .Select(n => new Person(n.Name, NameWords.WholeWordMatches(text, n.Name).ToList())).ToList();
        SuggestRelationships(work, text, people, romantic);
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
    /// name parts, relationships to the canonical relationship of their characters, and other names exactly. The
    /// fandoms are the work's; a work that names none takes the one its names point to (<see cref="InferredFandom"/>).
    /// </summary>
    public static async Task MapToExistingTagsAsync(ArchiveDbContext db, ImportedWork work, CancellationToken ct = default)
    {
        var text = TextOf(work);
        var fandomIds = work.Fandoms.Count == 0 ? [] : await FandomNames.FandomIdsAsync(db, work.Fandoms, ct);
        if (work.Fandoms.Count == 0)
        {
            var names = work.Suggestions.Characters.Concat(work.Suggestions.RareNames).Select(c => c.Name);
            if (await InferredFandom.FromArchiveAsync(db, text, names, ct) is { } inferred)
            {
                fandomIds = [inferred];
            }
        }
        var index = await FandomNames.RelationshipsAsync(db, fandomIds, ct);
        var wanted = work.Suggestions.Characters.Select(c => c.Name)
            .Concat(work.Suggestions.Relationships.Select(r => r.Name))
            .Select(TagName.Normalize).Distinct().ToList();
        var exact = wanted.Count == 0 ? new Dictionary<string, int>() : await db.Tags.AsNoTracking()
            .Where(t => wanted.Contains(t.NormalizedName) && (t.Type == TagType.Character || t.Type == TagType.Relationship))
            .Select(t => new { t.NormalizedName, Id = t.MergerId ?? t.Id })
            .ToDictionaryAsync(t => t.NormalizedName, t => t.Id, ct);
        MapTo(work, index, exact, text);
        await DropWhatTheFormRefusesAsync(db, work.Suggestions, ct);
    }

    /// <summary>
    /// A suggestion the posting form would refuse is never offered: a name that is not a valid tag, or one the archive
    /// has as a tag of another type ("Naruto" the fandom is not offered as a new character), by the form's own rules.
    /// </summary>
    private static async Task DropWhatTheFormRefusesAsync(ArchiveDbContext db, ImportSuggestions suggestions, CancellationToken ct)
    {
        var offered = suggestions.Characters.Select(c => (Name: c.Tag ?? c.Name, Type: TagType.Character))
            .Concat(suggestions.Relationships.Select(r => (r.Name, Type: TagType.Relationship))).ToList();
        var normalized = offered.Select(o => TagName.Normalize(o.Name)).Distinct().ToList();
        var existing = await db.Tags.AsNoTracking().Where(t => normalized.Contains(t.NormalizedName))
            .Select(t => new { t.NormalizedName, t.Type }).ToDictionaryAsync(t => t.NormalizedName, t => t.Type, ct);
        bool Refused(string name, TagType type) => TagName.Validate(name) is not null
            || (existing.TryGetValue(TagName.Normalize(name), out var existingType) && TagNameClash.Clashes(existingType, type));
        suggestions.Characters.RemoveAll(c => Refused(c.Tag ?? c.Name, TagType.Character));
        suggestions.Relationships.RemoveAll(r => Refused(r.Name, TagType.Relationship));
    }

    /// <summary>
    /// The mapping itself, without a database: names the fandom's characters resolve become suggestions of those
    /// canonical characters (two names of one character become one suggestion); the rest stay new-character
    /// suggestions unless a tag has exactly that name. Relationships take their canonical (or proposed) name.
    /// </summary>
    public static void MapTo(ImportedWork work, RelationshipIndex index, IReadOnlyDictionary<string, int>? exact = null, string? text = null)
    {
        var characters = work.Suggestions.Characters;
        var mapped = new List<CharacterSuggestion>();
        var sure = characters.ToHashSet();
        var knownNames = KnownNames.Find(text ?? TextOf(work), index.Characters);
        // A known character written once or twice only as talked about ("Aiko and Minoru and the rest", "Rosa
        // Ortiz's boy") is still offered, below Likely; one the finder was sure of, or seen taking part, is likely.
        var takingPart = knownNames.Where(k => k.TakesPart).Select(k => k.TagId).ToHashSet();
        takingPart.UnionWith(characters.Where(c => c.Confidence > Likely).Select(c => index.Characters.Resolve(c.Name)?.TagId).OfType<int>());
        double Known(int tagId, int mentions) => KnownCharacterConfidence(mentions, takingPart.Contains(tagId));
        foreach (var c in characters.Concat(work.Suggestions.RareNames))
        {
            if (index.Characters.Resolve(c.Name) is { } match)
            {
                var same = mapped.FindIndex(m => m.TagId == match.TagId);
                var mentions = c.Mentions + (same >= 0 ? mapped[same].Mentions : 0);
                var known = c with { Mentions = mentions, TagId = match.TagId, Tag = match.Name, Confidence = Known(match.TagId, mentions) };
                if (same >= 0)
                {
                    mapped[same] = known with { Name = mapped[same].Name };
                }
                else
                {
                    mapped.Add(known);
                }
            }
            else if (sure.Contains(c))
            {
                mapped.Add(exact?.TryGetValue(TagName.Normalize(c.Name), out var id) == true ? c with { TagId = id } : c);
            }
        }
        // The fandom's characters as a dictionary: a name the archive knows counts from its first mention, even
        // where the finder, which has only the text to go on, wanted more evidence.
        IEnumerable<string> FormsOf(int tagId) => characters.Concat(work.Suggestions.RareNames)
            .Where(c => index.Characters.Resolve(c.Name)?.TagId == tagId).Select(c => c.Name)
            .Concat(knownNames.Where(k => k.TagId == tagId).SelectMany(k => k.Forms))
            .Distinct(StringComparer.Ordinal);
        foreach (var known in knownNames)
        {
            var same = mapped.FindIndex(m => m.TagId == known.TagId);
            if (same < 0)
            {
                mapped.Add(new CharacterSuggestion(known.Written, known.Mentions)
                {
                    TagId = known.TagId, Tag = known.Tag, Confidence = Known(known.TagId, known.Mentions),
                });
            }
            else if (mapped[same].Mentions < known.Mentions)
            {
                mapped[same] = mapped[same] with { Mentions = known.Mentions, Confidence = Known(known.TagId, known.Mentions) };
            }
        }
        characters.Clear();
        characters.AddRange(mapped);
        // Relationships again, from the characters as the archive knows them: every written form of one canonical
        // character ("Nell", "Eleanor", "Miss Whitcombe") is that character's mention, so a pairing shown through a
        // nickname is seen, and the pair is named by the canonical characters.
        var fullText = text ?? TextOf(work);
        var romantic = new List<int>();
        CueWords.Count(fullText, romantic);
        var people = mapped.Where(c => c.Confidence >= Likely).OrderByDescending(c => c.Mentions).Take(8)
            .Select(c => new Person(c.Tag ?? c.Name, MentionsOf(fullText, c.TagId is { } id ? FormsOf(id) : [c.Name]))).ToList();
        work.Suggestions.Relationships.Clear();
        SuggestRelationships(work, fullText, people, romantic);
        var relationships = work.Suggestions.Relationships;
        var named = new List<TagSuggestion>();
        foreach (var r in relationships)
        {
            var suggestion = index.Resolve(r.Name) is { } match
                ? r with { Name = match.Name, TagId = match.CanonicalTagId, Tag = match.CanonicalTagId is null ? null : match.Name }
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

    /// <summary>A character for relationship suggestions: the name to suggest, and where the text mentions them, in order.</summary>
    private sealed record Person(string Name, List<int> Mentions);

    /// <summary>Where any of the written forms of one character is mentioned, in order, each place once.</summary>
    private static List<int> MentionsOf(string text, IEnumerable<string> forms) =>
        forms.SelectMany(form => NameWords.WholeWordMatches(text, form)).Distinct().Order().ToList();

    /// <summary>The story's text, chapters apart as paragraphs are.</summary>
    private static string TextOf(ImportedWork work) =>
        // An array, not a lazy sequence, so the joined text is allocated once at its final size.
        string.Join("\n\n", work.Chapters.Select(c => c.Text).ToArray());

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

    /// <summary>
    /// More mentions and speaking ("Mira said") make a name surer; place cues outnumbering them make it less sure.
    /// A name mentioned once or twice is suggested only on a cue that it is a person, so it is just <see cref="Likely"/>.
    /// </summary>
    private static double NewCharacterConfidence(FoundName name) => name.Mentions < NameFinder.NewCharacterMentions
        ? (name.Weak ? Likely - 0.05 : Likely + 0.05)
        : Math.Round(Math.Clamp(0.3 + 0.05 * Math.Min(name.Mentions, 8) + (name.PersonCues > 0 ? 0.2 : 0) - (name.PlaceCues > name.PersonCues ? 0.15 : 0), 0.1, 0.85), 2);

    private static double KnownCharacterConfidence(int mentions, bool takesPart) =>
        mentions < NameFinder.NewCharacterMentions && !takesPart ? Likely - 0.05 : Math.Round(Math.Min(0.95, 0.7 + 0.05 * mentions), 2);

    /// <summary>
    /// A stated relationship first; then pairs of names sharing paragraphs. A romantic cue ("kissed", "in love")
    /// counts for the two names mentioned nearest to it, so a third person in the room is not paired; a pair
    /// with such cues is suggested as a pairing, one that only shares paragraphs as a platonic relationship
    /// below <see cref="Likely"/>, since company alone says little.
    /// </summary>
    private static void SuggestRelationships(ImportedWork work, string text, List<Person> people, List<int> romanticCues)
    {
        foreach (var stated in work.Relationships)
        {
            work.Suggestions.Relationships.Add(new TagSuggestion(stated, 0.95));
        }
        var names = people.Select(p => p.Name).ToList();
        var mentions = people.Select(p => p.Mentions).ToArray();
        var appearsIn = ParagraphsOf(text, mentions);
        var cues = new Dictionary<(int, int), int>();
        var nearest = new NearestMentions(names, mentions);
        var narrator = Narrator(text, mentions);
        foreach (var position in romanticCues)
        {
            var paragraphEnd = text.IndexOf("\n\n", position, StringComparison.Ordinal);
            // "Wren leaned over and kissed me": in a first-person story the narrator is one of the two.
            if (narrator >= 0 && AboutTheNarrator(text, position) && NearestOther(mentions, narrator, position) is { } other)
            {
                cues[(other, narrator)] = cues.GetValueOrDefault((other, narrator)) + 1;
            }
            else if (nearest.Two(position, paragraphEnd < 0 ? text.Length : paragraphEnd) is { } pair)
            {
                cues[pair] = cues.GetValueOrDefault(pair) + 1;
            }
        }
        var pairs = new List<(string A, string B, int Together, int Romantic, double Share)>();
        for (var a = 0; a < names.Count; a++)
        {
            for (var b = a + 1; b < names.Count; b++)
            {
                var together = CountShared(appearsIn[a], appearsIn[b]);
                var fewer = Math.Min(appearsIn[a].Count, appearsIn[b].Count);
                var romantic = cues.GetValueOrDefault((a, b)) + cues.GetValueOrDefault((b, a));
                if ((together >= 2 || romantic >= 1) && fewer > 0)
                {
                    pairs.Add((names[a], names[b], together, romantic, Math.Min(1, (double)together / fewer)));
                }
            }
        }
        var paired = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (a, b, together, romantic, share) in pairs.OrderByDescending(p => p.Romantic).ThenByDescending(p => p.Together).Take(3))
        {
            // One romantic cue pairs a character once: the strongest pair takes it, and a third person near the
            // same kiss ("Will kissed her back. Elias, from under the blankets…") is not a second partner.
            // A second pairing of the same character needs cues of its own.
            if (romantic == 1 && (paired.Contains(a) || paired.Contains(b)))
            {
                continue;
            }
            if (romantic > 0)
            {
                paired.Add(a);
                paired.Add(b);
            }
            var suggestion = romantic > 0
                ? new TagSuggestion($"{a}/{b}", Math.Round(Math.Min(0.85, 0.45 + 0.1 * Math.Min(romantic, 3) + 0.1 * share), 2))
                : together >= 3 ? new TagSuggestion($"{a} & {b}", Math.Round(0.2 + 0.2 * share, 2)) : null;
            if (suggestion is not null && !work.Suggestions.Relationships.Any(r => r.Name == $"{a}/{b}" || r.Name == $"{b}/{a}"))
            {
                work.Suggestions.Relationships.Add(suggestion);
            }
        }
    }

    /// <summary>
    /// The narrator of a first-person story, when one of the people is named only in others' speech ("“Marigold, your
    /// other left”") or by "My name is": the person narration calls "I". -1 when the story has no such person, or several.
    /// </summary>
    private static int Narrator(string text, List<int>[] mentions)
    {
        if (CountOutsideQuotations(text, " I ") < 5)
        {
            return -1;
        }
        var narrators = Enumerable.Range(0, mentions.Length)
            .Where(n => mentions[n].Count > 0 && mentions[n].All(m => MentionCues.InsideQuotation(text, m) || AfterMyNameIs(text, m)))
            .ToList();
        return narrators.Count == 1 ? narrators[0] : -1;
    }

    private static bool AfterMyNameIs(string text, int position) =>
        position >= 11 && text.AsSpan(position - 11, 11).Equals("my name is ", StringComparison.OrdinalIgnoreCase);

    private static int CountOutsideQuotations(string text, string word)
    {
        var count = 0;
        for (var i = text.IndexOf(word, StringComparison.Ordinal); i >= 0 && count < 5; i = text.IndexOf(word, i + 1, StringComparison.Ordinal))
        {
            if (!MentionCues.InsideQuotation(text, i))
            {
                count++;
            }
        }
        return count;
    }

    /// <summary>"kissed me", "I love her", "my hand": the cue's own sentence, in narration, speaks of the narrator.</summary>
    private static bool AboutTheNarrator(string text, int position)
    {
        if (MentionCues.InsideQuotation(text, position))
        {
            return false;
        }
        var start = Math.Max(0, position - 30);
        var window = text.AsSpan(start, Math.Min(text.Length, position + 30) - start);
        return window.Contains(" me", StringComparison.Ordinal) || window.Contains("I ", StringComparison.Ordinal);
    }

    /// <summary>The person other than the narrator mentioned nearest before the cue, within <see cref="NearestMentions.Reach"/>.</summary>
    private static int? NearestOther(List<int>[] mentions, int narrator, int position)
    {
        int? best = null;
        var bestDistance = NearestMentions.Reach;
        for (var n = 0; n < mentions.Length; n++)
        {
            if (n == narrator)
            {
                continue;
            }
            foreach (var m in mentions[n])
            {
                if (m < position && position - m <= bestDistance)
                {
                    (best, bestDistance) = (n, position - m);
                }
            }
        }
        return best;
    }

    /// <summary>
    /// For each name, the paragraphs it is mentioned in, in order and each once. Paragraphs are what
    /// Split("\n\n", RemoveEmptyEntries) would give; mentions are in order, so one walk of the paragraph starts serves each name.
    /// </summary>
    private static List<int>[] ParagraphsOf(string text, List<int>[] mentions)
    {
        var starts = ParagraphStarts(text);
        var paragraphs = new List<int>[mentions.Length];
        for (var n = 0; n < mentions.Length; n++)
        {
            paragraphs[n] = [];
            var paragraph = -1;
            foreach (var position in mentions[n])
            {
                while (paragraph + 1 < starts.Count && starts[paragraph + 1] <= position)
                {
                    paragraph++;
                }
                if (paragraphs[n].Count == 0 || paragraphs[n][^1] != paragraph)
                {
                    paragraphs[n].Add(paragraph);
                }
            }
        }
        return paragraphs;
    }

    /// <summary>How many values two ascending lists of distinct values share.</summary>
    private static int CountShared(List<int> a, List<int> b)
    {
        var (i, j, shared) = (0, 0, 0);
        while (i < a.Count && j < b.Count)
        {
            if (a[i] == b[j])
            {
                (shared, i, j) = (shared + 1, i + 1, j + 1);
            }
            else if (a[i] < b[j])
            {
                i++;
            }
            else
            {
                j++;
            }
        }
        return shared;
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
