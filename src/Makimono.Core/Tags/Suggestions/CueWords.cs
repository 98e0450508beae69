using System.Globalization;
using System.Runtime.CompilerServices;

namespace Makimono.Tags.Suggestions;

/// <summary>How many times each kind of rating or warning cue word occurs in a text.</summary>
internal readonly record struct CueCounts(int Explicit, int Mature, int Teen, int Rape, int Death, int Violence);

/// <summary>
/// Finds the cue words behind the rating and warning suggestions in one pass over the text, instead of one
/// case-insensitive regex per kind: a 10 MB story is two million words, and six regex scans of it were a
/// large part of an import. Matches as the regexes <c>\b(?:cue|stem\w*|…)\b</c> with IgnoreCase did: a cue is
/// a whole word (a run of regex word characters), a stem cue any word that starts with the stem, letters
/// compared without case (the Kelvin sign counts as a k, as it does for the regex engine).
/// </summary>
internal static class CueWords
{
    /// <summary>One bit per kind, in the order of <see cref="CueCounts"/>.</summary>
    [Flags]
    private enum Kind
    {
        None = 0,
        Explicit = 1,
        Mature = 2,
        Teen = 4,
        Rape = 8,
        Death = 16,
        Violence = 32,
    }

    private readonly record struct Cue(string Word, Kind Kinds, bool IsStem);

    private static readonly Cue[] Cues =
    [
        // Explicit: lemon, smut, cock, cum, orgasm*, naked bod+ (below), thrust*, moan*, erection
        new("lemon", Kind.Explicit, false), new("smut", Kind.Explicit, false), new("cock", Kind.Explicit, false),
        new("cum", Kind.Explicit, false), new("orgasm", Kind.Explicit, true), new("thrust", Kind.Explicit, true),
        new("moan", Kind.Explicit, true), new("erection", Kind.Explicit, false),
        // Mature: fuck*, shit*, bastard, bitch*, lime, passion, blood*, kill*, corpse, drunk*, vodka, alcohol
        new("fuck", Kind.Mature, true), new("shit", Kind.Mature, true), new("bastard", Kind.Mature, false),
        new("bitch", Kind.Mature, true), new("lime", Kind.Mature, false), new("passion", Kind.Mature, false),
        new("blood", Kind.Mature | Kind.Violence, true), new("kill", Kind.Mature, true),
        new("corpse", Kind.Mature | Kind.Death, false), new("drunk", Kind.Mature, true), new("vodka", Kind.Mature, false),
        new("alcohol", Kind.Mature, false),
        // Teen: damn, hell, kiss*, death, died, dead, fight*
        new("damn", Kind.Teen, false), new("hell", Kind.Teen, false), new("kiss", Kind.Teen, true),
        new("death", Kind.Teen | Kind.Death, false), new("died", Kind.Teen | Kind.Death, false),
        new("dead", Kind.Teen | Kind.Death, false), new("fight", Kind.Teen, true),
        // Rape: rape, raped, rapes, raping, non-con*, dub-con* (hyphenated below)
        new("rape", Kind.Rape, false), new("raped", Kind.Rape, false), new("rapes", Kind.Rape, false),
        new("raping", Kind.Rape, false), new("noncon", Kind.Rape, true), new("dubcon", Kind.Rape, true),
        // Death: death, died, dies, dead, killed, corpse, funeral, grave, remains, memorial, buried, burial
        new("dies", Kind.Death, false), new("killed", Kind.Death, false), new("funeral", Kind.Death, false),
        new("grave", Kind.Death, false), new("remains", Kind.Death, false), new("memorial", Kind.Death, false),
        new("buried", Kind.Death, false), new("burial", Kind.Death, false),
        // Violence: blood*, gore, gory, stab*, wound*, tortur*, slaughter*, mangled, beaten, beating
        new("gore", Kind.Violence, false), new("gory", Kind.Violence, false), new("stab", Kind.Violence, true),
        new("wound", Kind.Violence, true), new("tortur", Kind.Violence, true), new("slaughter", Kind.Violence, true),
        new("mangled", Kind.Violence, false), new("beaten", Kind.Violence, false), new("beating", Kind.Violence, false),
    ];

    /// <summary>The ASCII word characters as bits: the digits below 64; A–Z, _ and a–z from 64.</summary>
    private const ulong AsciiWordBitsBelow64 = 0x03FF_0000_0000_0000;
    private const ulong AsciiWordBitsFrom64 = 0x07FF_FFFE_87FF_FFFE;

    /// <summary>The shortest cue for each first letter (int.MaxValue for none), so most words are passed over at once.</summary>
    private static readonly int[] ShortestByLetter = Enumerable.Range('a', 26)
        .Select(letter => Cues.Select(c => c.Word).Concat(["naked", "non", "dub"]).Where(w => w[0] == letter)
            .Select(w => w.Length).DefaultIfEmpty(int.MaxValue).Min())
        .ToArray();

    /// <summary>The cues by their first letter, so each word is compared with only a few.</summary>
    private static readonly Cue[][] CuesByLetter = Enumerable.Range('a', 26)
        .Select(letter => Cues.Where(c => c.Word[0] == letter).ToArray())
        .ToArray();

    /// <summary>
    /// The counts of each kind of cue, and, when <paramref name="romantic"/> is given, where each romantic cue
    /// starts (see <see cref="RomanticCues"/>), found in the same pass.
    /// </summary>
    public static CueCounts Count(string text, List<int>? romantic = null)
    {
        Span<int> counts = stackalloc int[6];
        var i = 0;
        // A romantic cue of several words ("in love") is one match: its later words start no match of their own.
        var romanticFrom = 0;
        while (i < text.Length)
        {
            if (!IsBoundaryWordChar(text[i]))
            {
                i++;
                continue;
            }
            var start = i;
            i = WordEnd(text, start + 1);
            var first = Fold(text[start]);
            if (first is < 'a' or > 'z')
            {
                continue;
            }
            if (i - start >= ShortestByLetter[first - 'a'])
            {
                Add(KindsOf(text, start, i), counts);
            }
            if (romantic is not null && start >= romanticFrom && RomanticCues.MatchEnd(text, start, i, first) is > 0 and var end)
            {
                romantic.Add(start);
                romanticFrom = end;
            }
        }
        return new CueCounts(counts[0], counts[1], counts[2], counts[3], counts[4], counts[5]);
    }

    internal static int WordEnd(string text, int start)
    {
        var end = start;
        while (end < text.Length && IsBoundaryWordChar(text[end]))
        {
            end++;
        }
        return end;
    }

    private static void Add(Kind kinds, Span<int> counts)
    {
        for (var bit = 0; bit < counts.Length; bit++)
        {
            if (((int)kinds & (1 << bit)) != 0)
            {
                counts[bit]++;
            }
        }
    }

    /// <summary>The kinds of cue that the word text[start..end] is, or starts (for "naked bod…", "non-con…", "dub-con…").</summary>
    private static Kind KindsOf(string text, int start, int end)
    {
        var first = Fold(text[start]);
        if (first is < 'a' or > 'z')
        {
            return Kind.None;
        }
        var length = end - start;
        var kinds = Kind.None;
        foreach (var cue in CuesByLetter[first - 'a'])
        {
            if (cue.IsStem ? length >= cue.Word.Length && StartsWith(text, start, cue.Word) && AllWordChars(text, start + cue.Word.Length, end)
                : length == cue.Word.Length && StartsWith(text, start, cue.Word))
            {
                kinds |= cue.Kinds;
            }
        }
        if (length == 5 && StartsWith(text, start, "naked") && FollowedByBodyWord(text, end))
        {
            kinds |= Kind.Explicit;
        }
        if (length == 3 && (StartsWith(text, start, "non") || StartsWith(text, start, "dub"))
            && end + 1 < text.Length && text[end] == '-' && WordAt(text, end + 1, "con", minimumExtra: 0))
        {
            kinds |= Kind.Rape;
        }
        return kinds;
    }

    /// <summary>naked\s+bod\w+\b: whitespace, then a word of "bod" and at least one more word character.</summary>
    private static bool FollowedByBodyWord(string text, int end)
    {
        var i = end;
        while (i < text.Length && char.IsWhiteSpace(text[i]))
        {
            i++;
        }
        return i > end && WordAt(text, i, "bod", minimumExtra: 1);
    }

    /// <summary>A whole word starting at <paramref name="start"/> that begins with the stem and has only word characters after it.</summary>
    private static bool WordAt(string text, int start, string stem, int minimumExtra)
    {
        var end = WordEnd(text, start);
        return end - start >= stem.Length + minimumExtra && StartsWith(text, start, stem) && AllWordChars(text, start + stem.Length, end);
    }

    internal static bool StartsWith(string text, int start, string lowerCaseWord)
    {
        if (start + lowerCaseWord.Length > text.Length)
        {
            return false;
        }
        for (var k = 0; k < lowerCaseWord.Length; k++)
        {
            if (Fold(text[start + k]) != lowerCaseWord[k])
            {
                return false;
            }
        }
        return true;
    }

    internal static bool AllWordChars(string text, int start, int end)
    {
        for (var k = start; k < end; k++)
        {
            if (!IsWordChar(text[k]))
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>A letter as the regex engine compares it under IgnoreCase for these ASCII cues: ASCII case and the Kelvin sign.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static char Fold(char c) =>
        char.IsAsciiLetterUpper(c) ? (char)(c | 0x20) : c == '\u212A' ? 'k' : c;

    /// <summary>Regex \w: letters, non-spacing marks, decimal digits and connector punctuation.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static bool IsWordChar(char c) =>
        c < 64 ? ((AsciiWordBitsBelow64 >> c) & 1) != 0
        : c < 128 ? ((AsciiWordBitsFrom64 >> (c - 64)) & 1) != 0
        : IsNonAsciiWordChar(c);

    private static bool IsNonAsciiWordChar(char c) =>
        CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter
            or UnicodeCategory.TitlecaseLetter or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter
            or UnicodeCategory.NonSpacingMark or UnicodeCategory.DecimalDigitNumber or UnicodeCategory.ConnectorPunctuation;

    /// <summary>What regex \b treats as part of a word: \w and the zero-width joiner and non-joiner.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static bool IsBoundaryWordChar(char c) => IsWordChar(c) || c is '\u200D' or '\u200C';
}
