namespace Makimono.Tags.Suggestions;

/// <summary>
/// The romantic cues behind relationship suggestions ("kissed", "in love", "held her hand"), matched at word
/// starts during <see cref="CueWords"/>' one pass instead of by a case-insensitive regex over the whole story.
/// They match as <c>\b(?:kiss\w*|lover?s?|loved|in love|blush\w*|darling|sweetheart|boyfriend|girlfriend|husband|
/// wife|married|wedding|engaged|engagement|held hands|hand in hand|(?:held|took) (?:her|his|their) hand|hand found (?:hers|his)|embrace\w*|
/// heart (?:raced|pounded|skipped)|(?:went|turned|going|turning) (?:red|pink|scarlet|crimson)|flushed|date)\b</c> with IgnoreCase did: whole words, the words of a phrase
/// separated by one space.
/// </summary>
internal static class RomanticCues
{
    /// <summary>A cue as its words, each a whole word; a slot of several words takes any one of them.</summary>
    private sealed record Cue(string[][] Slots, bool IsStem = false);

    private static readonly Cue[] Cues =
    [
        new([["kiss"]], IsStem: true), new([["blush"]], IsStem: true), new([["embrace"]], IsStem: true),
        .. new[]
        {
            "love", "lover", "loves", "lovers", "loved", "darling", "sweetheart", "boyfriend", "girlfriend", "husband",
            "wife", "married", "wedding", "date", "engaged", "engagement",
        }.Select(word => new Cue([[word]])),
        new([["in"], ["love"]]),
        new([["held"], ["hands"]]),
        new([["hand"], ["in"], ["hand"]]),
        new([["held"], ["her", "his", "their"], ["hand"]]),
        new([["took"], ["her", "his", "their"], ["hand"]]),
        new([["hand"], ["found"], ["hers", "his"]]),
        new([["heart"], ["raced", "pounded", "skipped"]]),
        // Blushing in other words: "went red to the ears", "turned pink", "flushed".
        .. new[] { "went", "turned", "going", "turning" }.Select(verb => new Cue([[verb], ["red", "pink", "scarlet", "crimson"]])),
        new([["flushed"]]),
    ];

    /// <summary>The cues by the first letter of their first word, so most words are compared with none or few.</summary>
    private static readonly Cue[][] CuesByLetter = Enumerable.Range('a', 26)
        .Select(letter => Cues.Where(c => c.Slots[0][0][0] == letter).ToArray())
        .ToArray();

    /// <summary>The shortest first word for each letter (int.MaxValue for none): "he" and "was" are passed over at once.</summary>
    private static readonly int[] ShortestByLetter = CuesByLetter
        .Select(cues => cues.Select(c => c.Slots[0].Min(w => w.Length)).DefaultIfEmpty(int.MaxValue).Min())
        .ToArray();

    /// <summary>
    /// Where the cue starting with the word text[start..end] ends (the end of its last word), or -1 when no cue
    /// starts there. The caller passes whole words (runs of regex word characters) starting with an ASCII letter,
    /// folded as <see cref="CueWords.Fold"/> does.
    /// </summary>
    public static int MatchEnd(string text, int start, int end, char firstLetter)
    {
        if (end - start < ShortestByLetter[firstLetter - 'a'])
        {
            return -1;
        }
        // In the regex's order: the first cue that matches decides where the match ends.
        foreach (var cue in CuesByLetter[firstLetter - 'a'])
        {
            if (cue.IsStem)
            {
                var stem = cue.Slots[0][0];
                if (end - start >= stem.Length && CueWords.StartsWith(text, start, stem) && CueWords.AllWordChars(text, start + stem.Length, end))
                {
                    return end;
                }
            }
            else if (PhraseEnd(text, start, end, cue.Slots) is > 0 and var phraseEnd)
            {
                return phraseEnd;
            }
        }
        return -1;
    }

    private static int PhraseEnd(string text, int start, int end, string[][] slots)
    {
        for (var slot = 0; ; slot++)
        {
            if (!IsAnyWord(text, start, end, slots[slot]))
            {
                return -1;
            }
            if (slot == slots.Length - 1)
            {
                return end;
            }
            // One space, then the next whole word.
            if (end + 1 >= text.Length || text[end] != ' ' || !CueWords.IsBoundaryWordChar(text[end + 1]))
            {
                return -1;
            }
            start = end + 1;
            end = CueWords.WordEnd(text, start);
        }
    }

    private static bool IsAnyWord(string text, int start, int end, string[] lowerCaseWords)
    {
        foreach (var word in lowerCaseWords)
        {
            if (end - start == word.Length && CueWords.StartsWith(text, start, word))
            {
                return true;
            }
        }
        return false;
    }
}
