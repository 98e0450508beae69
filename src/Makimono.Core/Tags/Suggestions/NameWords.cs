using System.Globalization;

namespace Makimono.Tags.Suggestions;

/// <summary>
/// The mechanics under <see cref="NameFinder"/>, without a regex per word: a 10 MB story is two million words.
/// Each method does exactly what the regex it replaced did.
/// </summary>
internal static class NameWords
{
    /// <summary>
    /// The next word at or after <paramref name="position"/>, as <c>\p{L}[\p{L}\p{Mn}'’-]*</c> matched it:
    /// a letter, then letters, non-spacing marks, apostrophes and hyphens.
    /// </summary>
    public static bool Next(string text, ref int position, out int start)
    {
        var i = position;
        while (i < text.Length && !char.IsLetter(text[i]))
        {
            i++;
        }
        start = i;
        if (i == text.Length)
        {
            position = i;
            return false;
        }
        i++;
        while (i < text.Length && IsWordTail(text[i]))
        {
            i++;
        }
        position = i;
        return true;
    }

    private static bool IsWordTail(char c) =>
        char.IsLetter(c) || c is '\'' or '’' or '-' || (c >= 128 && CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark);

    /// <summary>
    /// False when <c>\b(?:in|to|from|at|into|toward|towards)\s+$</c> cannot match the few characters before
    /// <paramref name="index"/>: they must end in whitespace after a letter that ends one of those words.
    /// Only then is the regex run.
    /// </summary>
    public static bool MayFollowPlacePreposition(string text, int index)
    {
        if (index == 0 || !char.IsWhiteSpace(text[index - 1]))
        {
            return false;
        }
        var i = index - 1;
        while (i > 0 && char.IsWhiteSpace(text[i]))
        {
            i--;
        }
        // Non-ASCII is left to the regex; an ASCII letter can only end "in", "to", "from", "at", "into" or "toward(s)".
        return text[i] >= 128 || (char)(text[i] | 0x20) is 'n' or 'o' or 'm' or 't' or 'd' or 's';
    }

    /// <summary>Each index where <paramref name="name"/> occurs as <c>\bname\b</c> did (case-sensitive, not overlapping).</summary>
    public static IEnumerable<int> WholeWordMatches(string text, string name)
    {
        if (name.Length == 0)
        {
            yield break;
        }
        var from = 0;
        while (from <= text.Length - name.Length)
        {
            var index = text.IndexOf(name, from, StringComparison.Ordinal);
            if (index < 0)
            {
                yield break;
            }
            if (IsBoundary(text, index) && IsBoundary(text, index + name.Length))
            {
                yield return index;
                from = index + name.Length;
            }
            else
            {
                from = index + 1;
            }
        }
    }

    /// <summary>Regex \b: a word character on one side of <paramref name="index"/> and not on the other.</summary>
    private static bool IsBoundary(string text, int index) =>
        (index > 0 && CueWords.IsBoundaryWordChar(text[index - 1])) != (index < text.Length && CueWords.IsBoundaryWordChar(text[index]));
}
