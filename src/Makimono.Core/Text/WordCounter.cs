using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace Makimono.Text;

/// <summary>
/// Counts words as AO3 does: Han, Hiragana, Katakana, Hangul-free CJK scripts and Thai count one per
/// character, because they are written without spaces; every other run of letters or digits is a word.
/// </summary>
public static partial class WordCounter
{
    public static int CountHtml(string html) => CountText(PlainText(html));

    public static int CountText(string text)
    {
        var count = 0;
        var inWord = false;
        foreach (var rune in text.EnumerateRunes())
        {
            if (IsCountedByCharacter(rune))
            {
                count++;
                inWord = false;
            }
            else if (Rune.IsLetterOrDigit(rune) || (inWord && IsWordJoiner(rune)))
            {
                if (!inWord)
                {
                    count++;
                    inWord = true;
                }
            }
            else if (Rune.IsWhiteSpace(rune) || !IsWordJoiner(rune))
            {
                inWord = false;
            }
        }
        return count;
    }

    /// <summary>The text of an HTML fragment, with block boundaries kept as line breaks.</summary>
    public static string PlainText(string html)
    {
        var withBreaks = BlockBoundary().Replace(html, "\n");
        var withoutTags = AnyTag().Replace(withBreaks, string.Empty);
        return WebUtility.HtmlDecode(withoutTags);
    }

    // Apostrophes and hyphens inside a word ("don't", "well-known") do not split it.
    private static bool IsWordJoiner(Rune rune) => rune.Value is '\'' or '’' or '-' or '‐' or '_';

    private static bool IsCountedByCharacter(Rune rune)
    {
        var v = rune.Value;
        return (v >= 0x4E00 && v <= 0x9FFF)      // CJK Unified Ideographs
            || (v >= 0x3400 && v <= 0x4DBF)      // Extension A
            || (v >= 0x20000 && v <= 0x2FA1F)    // Extensions B–F and compatibility supplement
            || (v >= 0xF900 && v <= 0xFAFF)      // Compatibility ideographs
            || (v >= 0x3040 && v <= 0x309F)      // Hiragana
            || (v >= 0x30A0 && v <= 0x30FF)      // Katakana
            || (v >= 0x31F0 && v <= 0x31FF)      // Katakana phonetic extensions
            || (v >= 0x0E00 && v <= 0x0E7F);     // Thai
    }

    [GeneratedRegex(@"<\s*(br|/p|/div|/h[1-6]|/li|hr|/blockquote|/tr|/td|/th|/dd|/dt|/pre)\b[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex BlockBoundary();

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex AnyTag();
}
