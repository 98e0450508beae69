using Makimono.Tags.Names;

namespace Makimono.Tags.Suggestions;

/// <summary>A fandom's canonical character found in a text through its name, a synonym or a part of either.</summary>
/// <param name="Written">The form written most often ("Kakashi" for "Hatake Kakashi").</param>
/// <param name="Forms">Every form written ("Kakashi", "Hatake").</param>
/// <param name="TakesPart">Some mention shows the character taking part (<see cref="NameFinder.TakesPart"/>), not only talked about.</param>
internal sealed record KnownName(int TagId, string Tag, string Written, int Mentions, IReadOnlyList<string> Forms, bool TakesPart);

/// <summary>
/// The archive's own tags as a dictionary: every capitalised word of the text that a fandom's canonical characters
/// resolve (<see cref="CharacterDirectory.Resolve"/>: a name, a synonym, or a part only one character has) is a
/// mention of that character, from the first mention on. The text-based finder needs several mentions because it
/// guesses; here the archive already knows the name. A word also written in lower case ("Hope", "hope") is
/// counted only where it is capitalised in mid-sentence, so a sentence that opens with the common word is not a
/// mention.
/// </summary>
internal static class KnownNames
{
    public static List<KnownName> Find(string text, CharacterDirectory characters)
    {
        if (characters.Count == 0)
        {
            return [];
        }
        var lowerCase = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var capitalised = new List<(string Word, bool MidSentence, MentionCue Cue)>();
        for (var position = 0; NameWords.Next(text, ref position, out var index);)
        {
            var word = NameFinder.Clean(text.AsSpan(index, position - index));
            if (word.Length < 2)
            {
                continue;
            }
            if (char.IsUpper(word[0]))
            {
                capitalised.Add((word.ToString(), !NameFinder.StartsSentence(text, index), MentionCues.Of(text, index, position)));
            }
            else
            {
                lowerCase.Add(word.ToString());
            }
        }
        var resolved = new Dictionary<string, CharacterMatch?>(StringComparer.Ordinal);
        var found = new Dictionary<int, Dictionary<string, int>>();
        var takingPart = new HashSet<int>();
        foreach (var (word, midSentence, cue) in capitalised)
        {
            if ((!midSentence && lowerCase.Contains(word)) || NameFinder.IsNeverAName(word))
            {
                continue;
            }
            if (!resolved.TryGetValue(word, out var match))
            {
                match = characters.Resolve(word);
                resolved[word] = match;
            }
            if (match is null)
            {
                continue;
            }
            if (!found.TryGetValue(match.TagId, out var forms))
            {
                found[match.TagId] = forms = new Dictionary<string, int>(StringComparer.Ordinal);
            }
            forms[word] = forms.GetValueOrDefault(word) + 1;
            // The archive already says this is a person, so any sign of taking part will do, even at a sentence
            // start ("Pell kept watch", "“Nadia,” she says"); a title alone ("Lord Ashby's mother") will not.
            if ((cue & (MentionCue.Acts | MentionCue.Named | MentionCue.Addressed)) != 0)
            {
                takingPart.Add(match.TagId);
            }
        }
        return found
            .Select(f => new KnownName(f.Key, characters.Canonicals[f.Key],
                f.Value.OrderByDescending(w => w.Value).ThenBy(w => w.Key, StringComparer.Ordinal).First().Key,
                // "Hatake Kakashi" written out is one mention, not two.
                Math.Max(1, f.Value.Values.Max()), f.Value.Keys.ToList(), takingPart.Contains(f.Key)))
            .OrderByDescending(k => k.Mentions).ThenBy(k => k.Tag, StringComparer.Ordinal)
            .ToList();
    }
}
