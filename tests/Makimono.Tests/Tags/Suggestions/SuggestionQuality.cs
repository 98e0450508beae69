using System.Globalization;
using System.Text.Json;
using Makimono.Import;
using Makimono.Tags.Names;
using Makimono.Tags.Suggestions;

namespace Makimono.Tests.Tags.Suggestions;

/// <summary>Precision and recall of suggestions over a set of labelled stories.</summary>
public sealed record SuggestionFigures(int CharactersTrue, int CharactersSuggested, int CharactersRight,
    int RelationshipsTrue, int RelationshipsSuggested, int RelationshipsRight, IReadOnlyList<string> Mistakes)
{
    public double CharacterPrecision => Ratio(CharactersRight, CharactersSuggested);
    public double CharacterRecall => Ratio(CharactersRight, CharactersTrue);
    public double RelationshipPrecision => Ratio(RelationshipsRight, RelationshipsSuggested);
    public double RelationshipRecall => Ratio(RelationshipsRight, RelationshipsTrue);

    public string Json => string.Create(CultureInfo.InvariantCulture,
        $"{{\"character_precision\": {CharacterPrecision:0.000}, \"character_recall\": {CharacterRecall:0.000}, \"relationship_precision\": {RelationshipPrecision:0.000}, \"relationship_recall\": {RelationshipRecall:0.000}}}");

    private static double Ratio(int right, int of) => of == 0 ? 1 : (double)right / of;
}

internal static class SuggestionQuality
{
    /// <summary>The stories the rules were tuned on.</summary>
    public const string Tuning = "Fixtures";

    /// <summary>
    /// The first held-out stories. Since 2026-12-01 they have been seen while tuning the rules, so they count as tuning
    /// data: their figures are reported (and held to their floors) but no longer show how the rules do on new text.
    /// </summary>
    public const string HeldOut = "HeldOut";

    /// <summary>
    /// Stories written on 2026-12-01 by someone who never read the rules, kept from whoever tunes them and never used
    /// to tune them: the figures that count when a rule changes.
    /// </summary>
    public const string HeldOutFresh = "HeldOutFresh";

    /// <summary>
    /// Thirty stories written on 2026-12-01 (fourth session) by a helper who never read the rules or ran the
    /// suggester, while another helper tuned the rules without this set; measured by the coordinator once before
    /// and once after that tuning. Its figures are the ones that count for that tuning.
    /// </summary>
    public const string HeldOutFresh2 = "HeldOutFresh2";

    /// <summary>
    /// Thirty stories written in the fifth session of 2026-12-01 by a helper who never read the rules or ran the
    /// suggester, in the ordinary mix of posted fan fiction rather than chosen to be hard, and kept from the helper
    /// who built the learned decision step that session: the figures that count for it.
    /// </summary>
    public const string HeldOutFresh3 = "HeldOutFresh3";

    /// <summary>
    /// A second reader's labels of a set's stories (<c>second-reader.json</c>), written under the same labelling rule
    /// by someone who saw neither the first reader's labels nor the rules, scored as if they were suggestions: how far
    /// two careful people agree is the ceiling any suggester can be measured against. Only the stories the second
    /// reader labelled are counted.
    /// </summary>
    public static SuggestionFigures SecondReader(string set)
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "Tags", "Suggestions", set);
        using var expected = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "expected.json")));
        using var second = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "second-reader.json")));
        var first = expected.RootElement.GetProperty("stories").EnumerateArray().ToDictionary(s => s.GetProperty("file").GetString()!, s => s.Clone());
        int charactersTrue = 0, charactersSuggested = 0, charactersRight = 0, relationshipsTrue = 0, relationshipsSuggested = 0, relationshipsRight = 0;
        var mistakes = new List<string>();
        foreach (var story in second.RootElement.GetProperty("stories").EnumerateArray())
        {
            var file = story.GetProperty("file").GetString()!;
            var truth = first[file];
            var (right, wrong, missed) = Score(Labels(truth, "characters"), Labels(story, "characters"), SameCharacter);
            charactersTrue += right + missed.Count;
            charactersSuggested += right + wrong.Count;
            charactersRight += right;
            mistakes.AddRange(wrong.Select(w => $"{file}: the second reader tagged {w}"));
            mistakes.AddRange(missed.Select(m => $"{file}: the second reader left out {m}"));
            var (rightPairs, wrongPairs, missedPairs) = Score(Labels(truth, "relationships"), Labels(story, "relationships"), SameRelationship);
            relationshipsTrue += rightPairs + missedPairs.Count;
            relationshipsSuggested += rightPairs + wrongPairs.Count;
            relationshipsRight += rightPairs;
        }
        return new SuggestionFigures(charactersTrue, charactersSuggested, charactersRight, relationshipsTrue, relationshipsSuggested, relationshipsRight, mistakes);
    }

    private static List<string> Labels(JsonElement story, string kind) =>
        story.GetProperty(kind).EnumerateArray().Select(l => l.GetString()!).ToList();

    /// <summary>
    /// Runs the import's suggestions on every story of a set, with the archive's tags for the story's fandom
    /// (its canonical characters and synonyms, as a dictionary and for mapping) or without any, and counts the
    /// suggestions at or above <see cref="SuggestTags.Likely"/>. A suggestion is right when its name
    /// (the canonical tag's, or the name in the text for a new character) has the parts of a true character not
    /// already matched; a second suggestion for the same character counts as wrong.
    /// </summary>
    public static SuggestionFigures Measure(string set = Tuning, bool withArchiveTags = true)
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "Tags", "Suggestions", set);
        using var expected = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "expected.json")));
        var indexes = expected.RootElement.GetProperty("archive").EnumerateObject().ToDictionary(f => f.Name, f => Index(f.Value));
        int charactersTrue = 0, charactersSuggested = 0, charactersRight = 0, relationshipsTrue = 0, relationshipsSuggested = 0, relationshipsRight = 0;
        var mistakes = new List<string>();
        foreach (var story in expected.RootElement.GetProperty("stories").EnumerateArray())
        {
            var file = story.GetProperty("file").GetString()!;
            var fandom = story.GetProperty("fandom").GetString()!;
            var work = new ImportedWork { Source = file, Format = "text" };
            work.Fandoms.Add(fandom);
            work.Chapters.Add(new ImportedChapter { Text = File.ReadAllText(Path.Combine(folder, file)).Replace("\r\n", "\n", StringComparison.Ordinal) });
            SuggestTags.Suggest(work);
            if (withArchiveTags)
            {
                SuggestTags.MapTo(work, indexes[fandom]);
            }

            var trueCharacters = story.GetProperty("characters").EnumerateArray().Select(c => c.GetString()!).ToList();
            var suggested = work.Suggestions.Characters.Where(c => c.Confidence >= SuggestTags.Likely).Select(c => c.Tag ?? c.Name).ToList();
            var (right, wrong, missed) = Score(trueCharacters, suggested, SameCharacter);
            charactersTrue += trueCharacters.Count;
            charactersSuggested += suggested.Count;
            charactersRight += right;
            mistakes.AddRange(wrong.Select(w => $"{file}: suggested character {w}"));
            mistakes.AddRange(missed.Select(m => $"{file}: missed character {m}"));

            var trueRelationships = story.GetProperty("relationships").EnumerateArray().Select(r => r.GetString()!).ToList();
            var suggestedRelationships = work.Suggestions.Relationships.Where(r => r.Confidence >= SuggestTags.Likely).Select(r => r.Name).ToList();
            var (rightPairs, wrongPairs, missedPairs) = Score(trueRelationships, suggestedRelationships, SameRelationship);
            relationshipsTrue += trueRelationships.Count;
            relationshipsSuggested += suggestedRelationships.Count;
            relationshipsRight += rightPairs;
            mistakes.AddRange(wrongPairs.Select(w => $"{file}: suggested relationship {w}"));
            mistakes.AddRange(missedPairs.Select(m => $"{file}: missed relationship {m}"));
        }
        return new SuggestionFigures(charactersTrue, charactersSuggested, charactersRight, relationshipsTrue, relationshipsSuggested, relationshipsRight, mistakes);
    }

    /// <summary>Matches each suggestion to at most one true answer not matched yet.</summary>
    public static (int Right, List<string> Wrong, List<string> Missed) Score(IReadOnlyList<string> truth, IReadOnlyList<string> suggested, Func<string, string, bool> same)
    {
        var left = truth.ToList();
        var wrong = new List<string>();
        foreach (var s in suggested)
        {
            var index = left.FindIndex(t => same(t, s));
            if (index < 0)
            {
                wrong.Add(s);
            }
            else
            {
                left.RemoveAt(index);
            }
        }
        return (truth.Count - left.Count, wrong, left);
    }

    /// <summary>
    /// The same name, or one written with fewer of its parts ("Suzu" for "Suzu Hanabusa"). An apostrophe is an
    /// apostrophe however it is typed: the suggestion "T'Sera" is the label "T’Sera".
    /// </summary>
    public static bool SameCharacter(string truth, string suggested)
    {
        var s = NameParts.Of(suggested.Replace('’', '\''));
        var t = NameParts.Of(truth.Replace('’', '\''));
        return s.FitsWithin(t) || t.FitsWithin(s);
    }

    private static bool SameRelationship(string truth, string suggested)
    {
        var t = RelationshipName.Parse(truth);
        var s = RelationshipName.Parse(suggested);
        return t is not null && s is not null && t.Kind == s.Kind && t.Names.Count == s.Names.Count
            && t.Names.All(name => s.Names.Any(other => SameCharacter(name, other)));
    }

    private static RelationshipIndex Index(JsonElement fandom)
    {
        var characters = new CharacterDirectory();
        var id = 0;
        foreach (var character in fandom.GetProperty("characters").EnumerateObject())
        {
            characters.Add(++id, character.Name, character.Value.EnumerateArray().Select(s => s.GetString()!).ToList());
        }
        var index = new RelationshipIndex(characters);
        foreach (var relationship in fandom.GetProperty("relationships").EnumerateArray())
        {
            index.AddCanonical(++id, relationship.GetString()!);
        }
        return index;
    }
}
