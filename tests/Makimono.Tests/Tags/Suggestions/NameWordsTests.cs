using System.Text.RegularExpressions;
using System.Text;
using Makimono.Tags.Suggestions;

namespace Makimono.Tests.Tags.Suggestions;

/// <summary>NameWords replaced regexes in the name search; these are those regexes, as the reference it must agree with.</summary>
public sealed class NameWordsTests
{
    private static readonly Regex Word = new(@"\p{L}[\p{L}\p{Mn}'’-]*");
    private static readonly Regex PlacePreposition = new(@"\b(?:in|to|from|at|into|toward|towards)\s+$", RegexOptions.IgnoreCase);

    private static readonly string[] Pieces =
    [
        "Mira", "mira", "Mira's", "Mira’s", "Mira-san", "MIRA", "Tobias", "in", "IN", "to", "from", "at", "into", "toward",
        "towards", "Towards", "Konoha", "said", "and", "x", "naïve", "nai\u0308ve", "O'Brien", "Jean-Luc", "Mira2", "2Mira",
        "\u212Ain", "Zoë", "Miraculous", "Amira", "Mira_", "日本", "Ärger", "ſo", "\u0301Mira",
    ];

    private static readonly string[] Separators = [" ", "  ", "\n", "\n\n", ", ", ". ", "\"", "“", "'", "-", "—", "\t", "\u00A0", "(", ""];

    [Fact]
    public void Words_are_what_the_word_regex_matched()
    {
        foreach (var text in Texts())
        {
            var expected = Word.Matches(text).Select(m => (m.Index, m.Length)).ToList();
            var found = new List<(int, int)>();
            for (var position = 0; NameWords.Next(text, ref position, out var start);)
            {
                found.Add((start, position - start));
            }

            Assert.Equal(expected, found);
        }
    }

    [Fact]
    public void Place_prepositions_are_never_missed_by_the_quick_check()
    {
        foreach (var text in Texts())
        {
            for (var index = 0; index <= text.Length; index++)
            {
                var window = text.AsSpan(Math.Max(0, index - 8), Math.Min(8, index));
                if (PlacePreposition.IsMatch(window))
                {
                    Assert.True(NameWords.MayFollowPlacePreposition(text, index), $"{text} at {index}");
                }
            }
        }
    }

    [Fact]
    public void Whole_word_matches_are_what_the_name_regex_matched()
    {
        foreach (var text in Texts())
        {
            foreach (var name in new[] { "Mira", "Jean-Luc", "O'Brien", "Zoë", "Mira-", "日本" })
            {
                var expected = Regex.Matches(text, $@"\b{Regex.Escape(name)}\b").Select(m => m.Index).ToList();

                Assert.Equal(expected, NameWords.WholeWordMatches(text, name).ToList());
            }
        }
    }

    private static IEnumerable<string> Texts()
    {
        var random = new Random(3);
        for (var sample = 0; sample < 300; sample++)
        {
            var text = new StringBuilder();
            var length = random.Next(1, 30);
            for (var k = 0; k < length; k++)
            {
                text.Append(Pieces[random.Next(Pieces.Length)]).Append(Separators[random.Next(Separators.Length)]);
            }
            yield return text.ToString();
        }
    }
}
