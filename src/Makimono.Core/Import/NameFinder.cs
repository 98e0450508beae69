using System.Text.RegularExpressions;

namespace Makimono.Import;

/// <summary>
/// Proper names without a fandom list: capitalised words that also appear capitalised in mid-sentence and
/// never in lower case, with honorifics ("-sama", "-sensei") and possessives taken off.
/// </summary>
internal static partial class NameFinder
{
    private static readonly HashSet<string> NotNames = new(StringComparer.Ordinal)
    {
        "I", "I'm", "I'd", "I'll", "I've", "Mr", "Mrs", "Ms", "Miss", "Dr", "Sir", "Lady", "Lord", "OK", "Ok", "God",
        "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "January", "February", "March",
        "April", "May", "June", "July", "August", "September", "October", "November", "December", "English",
        "Chapter", "Sensei", "Oh", "Yes", "No", "Hey", "Hi", "Thank", "Thanks", "Please", "Sorry", "Okay", "Well",
    };

    private static readonly string[] Possessives = ["'s", "’s", "'", "’"];

    private static readonly string[] Honorifics = ["-sama", "-san", "-kun", "-chan", "-sensei", "-senpai", "-sempai", "-dono", "-nii", "-nee", "-shishou"];

    /// <summary>Names with their mention counts, most mentioned first.</summary>
    public static List<(string Name, int Mentions)> Find(string text, int minimumMentions = 3)
    {
        var mentions = new Dictionary<string, int>(StringComparer.Ordinal);
        var midSentence = new HashSet<string>(StringComparer.Ordinal);
        var lowerCase = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var afterPlacePreposition = new Dictionary<string, int>(StringComparer.Ordinal);
        // Words are looked up as spans: a 10 MB story has two million words, and a string and a Match for
        // each of them were most of the import's time. A string is made only for a word not seen before.
        var mentionsBySpan = mentions.GetAlternateLookup<ReadOnlySpan<char>>();
        var midSentenceBySpan = midSentence.GetAlternateLookup<ReadOnlySpan<char>>();
        var lowerCaseBySpan = lowerCase.GetAlternateLookup<ReadOnlySpan<char>>();
        var afterPlaceBySpan = afterPlacePreposition.GetAlternateLookup<ReadOnlySpan<char>>();
        for (var position = 0; NameWords.Next(text, ref position, out var index);)
        {
            var word = Clean(text.AsSpan(index, position - index));
            if (word.Length < 2)
            {
                continue;
            }
            if (!char.IsUpper(word[0]))
            {
                lowerCaseBySpan.Add(word);
                continue;
            }
            if (IsShouted(word))
            {
                // Shouted words ("REALLY") are emphasis, not names.
                continue;
            }
            if (!mentionsBySpan.TryGetValue(word, out var key, out var count))
            {
                key = word.ToString();
            }
            mentions[key] = count + 1;
            if (NameWords.MayFollowPlacePreposition(text, index)
                && PlacePreposition().IsMatch(text.AsSpan(Math.Max(0, index - 8), Math.Min(8, index))))
            {
                afterPlacePreposition[key] = afterPlaceBySpan.TryGetValue(word, out var after) ? after + 1 : 1;
            }
            if (!StartsSentence(text, index))
            {
                midSentenceBySpan.Add(word);
            }
        }
        return mentions
            .Where(kv => kv.Value >= minimumMentions && midSentence.Contains(kv.Key) && !lowerCase.Contains(kv.Key) && !NotNames.Contains(kv.Key))
            // "in Suna", "to Konoha": a name found mostly after a place preposition is a place, not a character.
            .Where(kv => afterPlacePreposition.GetValueOrDefault(kv.Key) * 3 < kv.Value)
            .OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal)
            .Select(kv => (kv.Key, kv.Value))
            .ToList();
    }

    private static bool IsShouted(ReadOnlySpan<char> word)
    {
        foreach (var c in word)
        {
            if (char.IsLetter(c) && !char.IsUpper(c))
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>The word without a possessive, then without one honorific (each suffix checked once, in order).</summary>
    private static ReadOnlySpan<char> Clean(ReadOnlySpan<char> word)
    {
        foreach (var suffix in Possessives)
        {
            if (word.EndsWith(suffix, StringComparison.Ordinal))
            {
                word = word[..^suffix.Length];
            }
        }
        // Every honorific starts with a hyphen; most words have none.
        if (!word.Contains('-'))
        {
            return word;
        }
        foreach (var honorific in Honorifics)
        {
            if (word.EndsWith(honorific, StringComparison.OrdinalIgnoreCase))
            {
                return word[..^honorific.Length];
            }
        }
        return word;
    }

    /// <summary>A word starts a sentence after ., ! or ? or an opening quote at a sentence start, or at a line start.</summary>
    private static bool StartsSentence(string text, int index)
    {
        var i = index - 1;
        while (i >= 0 && (text[i] is ' ' or '\t' or '"' or '“' or '\'' or '‘' or '(' or '*' or '_' or '-' or '—'))
        {
            i--;
        }
        return i < 0 || text[i] is '.' or '!' or '?' or '\n' or '…' or ':';
    }

    [GeneratedRegex(@"\b(?:in|to|from|at|into|toward|towards)\s+$", RegexOptions.IgnoreCase)]
    private static partial Regex PlacePreposition();
}
