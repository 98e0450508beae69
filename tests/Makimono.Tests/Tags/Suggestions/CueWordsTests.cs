using System.Text.RegularExpressions;
using System.Text;
using Makimono.Tags.Suggestions;

namespace Makimono.Tests.Tags.Suggestions;

/// <summary>
/// CueWords replaced six case-insensitive regexes; these are those regexes, kept here as the reference the
/// one-pass search must agree with on every text.
/// </summary>
public sealed class CueWordsTests
{
    private static readonly Regex Explicit = new(@"\b(?:lemon|smut|cock|cum|orgasm\w*|naked\s+bod\w+|thrust\w*|moan\w*|erection)\b", RegexOptions.IgnoreCase);
    private static readonly Regex Mature = new(@"\b(?:fuck\w*|shit\w*|bastard|bitch\w*|lime|passion|blood\w*|kill\w*|corpse|drunk\w*|vodka|alcohol)\b", RegexOptions.IgnoreCase);
    private static readonly Regex Teen = new(@"\b(?:damn|hell|kiss\w*|death|died|dead|fight\w*)\b", RegexOptions.IgnoreCase);
    private static readonly Regex Rape = new(@"\b(?:rape[ds]?|raping|non-?con\w*|dub-?con\w*)\b", RegexOptions.IgnoreCase);
    private static readonly Regex Death = new(@"\b(?:death|died|dies|dead|killed|corpse|funeral|grave|remains|memorial|buried|burial)\b", RegexOptions.IgnoreCase);
    private static readonly Regex Violence = new(@"\b(?:blood\w*|gore|gory|stab\w*|wound\w*|tortur\w*|slaughter\w*|mangled|beat(?:en|ing))\b", RegexOptions.IgnoreCase);

    private static readonly Regex Romantic = new(@"\b(?:kiss\w*|lover?s?|loved|in love|blush\w*|darling|sweetheart|boyfriend|girlfriend|husband|wife|married|wedding|engaged|engagement|held hands|hand in hand|(?:held|took) (?:her|his|their) hand|hand found (?:hers|his)|embrace\w*|heart (?:raced|pounded|skipped)|(?:went|turned|going|turning) (?:red|pink|scarlet|crimson)|flushed|date)\b", RegexOptions.IgnoreCase);

    private static readonly string[] Pieces =
    [
        "lemon", "Lemons", "smut", "cock", "COCKS", "cum", "cumin", "orgasm", "orgasms", "naked", "bod", "bodies", "body",
        "thrust", "thrusting", "moan", "moaned", "erection", "fuck", "Fucking", "shit", "shitty", "bastard", "bitch",
        "lime", "limes", "passion", "passionate", "blood", "bloody", "Bloodied", "kill", "killed", "skill", "corpse",
        "drunk", "drunken", "vodka", "alcohol", "damn", "damned", "hell", "hello", "kiss", "kissed", "death", "deaths",
        "died", "dies", "dead", "deadline", "fight", "fighting", "rape", "raped", "rapes", "raping", "grape", "non",
        "con", "noncon", "Non-Con", "dub", "dubcon", "consent", "funeral", "grave", "graves", "remains", "memorial",
        "buried", "burial", "gore", "gory", "stab", "stabbed", "wound", "wounded", "torture", "tortured", "slaughter",
        "mangled", "beat", "beaten", "beating", "beats", "the", "and", "Mira", "walked", "über", "_blood", "blood_",
        "kill3d", "\u212Aill", "\u212Aissed", "na\u212Aed", "dea\u200Dth", "ki\u200Dss", "\u200Cdead", "blood\u0301",
        "kiss\u0903", "ſmut", "İ", "hell\u00B2",
        // Romantic cues, phrases in pieces so that the separators between their words vary.
        "love", "Lover", "loves", "lovers", "loved", "lovely", "in", "IN", "in love", "in lovers", "held", "hands", "hand",
        "held hands", "hand in hand", "hand in", "her", "his", "their", "hers", "held her hand", "held his hands",
        "hand found", "hand found hers", "heart", "raced", "pounded", "skipped", "heart raced", "blush", "blushing",
        "embraced", "darling", "sweetheart", "boyfriend", "girlfriend", "husband", "wife", "wifes", "married", "wedding",
        "date", "dated", "update", "\u212Aissing", "in\u200D love", "heart  raced",
    ];

    private static readonly string[] Separators = [" ", " ", " ", "  ", "\n", "\n\n", "-", "--", ", ", ". ", "'", "’", "\u00A0", "\t", "/", "_", "\u2014", "\u3000"];

    [Fact]
    public void Word_characters_are_the_regex_engines_for_every_char()
    {
        var word = new Regex(@"^\w$");
        var boundaryAfterLetter = new Regex(@"^a\b");
        for (var c = char.MinValue; c < char.MaxValue; c++)
        {
            var s = c.ToString();
            Assert.True(word.IsMatch(s) == CueWords.IsWordChar(c), $"\\w and U+{(int)c:X4}");
            Assert.True(boundaryAfterLetter.IsMatch("a" + s) == !CueWords.IsBoundaryWordChar(c), $"\\b and U+{(int)c:X4}");
        }
    }

    [Theory]
    [InlineData("The blood was everywhere; he was killed, and they buried him.")]
    [InlineData("naked bodies, NAKED  Bodyguards, naked bod, naked\nbodies")]
    [InlineData("non-con, Dub-Con, noncon, non con, non--con, non-noncon")]
    [InlineData("He beat them; beaten, beating, beats.")]
    [InlineData("")]
    public void Counts_what_the_regexes_counted(string text)
    {
        AssertSameAsRegexes(text);
    }

    [Fact]
    public void Counts_what_the_regexes_counted_in_mixed_text()
    {
        var random = new Random(20261122);
        for (var sample = 0; sample < 400; sample++)
        {
            var text = new StringBuilder();
            var length = random.Next(1, 40);
            for (var k = 0; k < length; k++)
            {
                text.Append(Pieces[random.Next(Pieces.Length)]);
                if (random.Next(8) > 0)
                {
                    text.Append(Separators[random.Next(Separators.Length)]);
                }
            }
            AssertSameAsRegexes(text.ToString());
        }
    }

    [Theory]
    [InlineData("They were in love; in love again, in lovers' lane.")]
    [InlineData("hand in hand in hand, held her hand, held hands, hand found hers")]
    [InlineData("Her heart raced. HEART POUNDED. heart  skipped.")]
    [InlineData("He went red to the ears; she turned pink, then Scarlet, and flushed. Went  red, turned redder.")]
    public void Finds_the_romantic_cues_the_regex_found(string text)
    {
        AssertSameAsRegexes(text);
    }

    private static void AssertSameAsRegexes(string text)
    {
        var romantic = new List<int>();
        var counts = CueWords.Count(text, romantic);

        Assert.Equal(Romantic.Matches(text).Select(m => m.Index), romantic);
        Assert.Equal(counts, CueWords.Count(text));
        Assert.Equal(Explicit.Count(text), counts.Explicit);
        Assert.Equal(Mature.Count(text), counts.Mature);
        Assert.Equal(Teen.Count(text), counts.Teen);
        Assert.Equal(Rape.IsMatch(text), counts.Rape > 0);
        Assert.Equal(Death.Count(text), counts.Death);
        Assert.Equal(Violence.Count(text), counts.Violence);
    }
}
