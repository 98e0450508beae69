using System.Text;
using Makimono.Exports;
using Xunit;

namespace Makimono.Tests.Exports;

/// <summary>
/// Markup an author could paste, whatever the nesting: random trees of the elements and attributes the sanitizer
/// allows, stored as the sanitizer leaves them, must still make an EPUB that epubcheck passes.
/// </summary>
public sealed class RandomMarkupTests
{
    private static readonly string[] Elements =
    [
        "a", "abbr", "acronym", "address", "b", "big", "blockquote", "br", "caption", "center", "cite", "code",
        "col", "colgroup", "details", "figcaption", "figure", "dd", "del", "dfn", "div", "dl", "dt", "em",
        "h1", "h2", "h3", "h4", "h5", "h6", "hr", "i", "img", "ins", "kbd", "li", "ol", "p", "pre", "q", "rp",
        "rt", "ruby", "s", "samp", "small", "span", "strike", "strong", "sub", "summary", "sup", "table",
        "tbody", "td", "tfoot", "th", "thead", "tr", "tt", "u", "ul", "var",
    ];

    private static readonly (string Name, string[] Values)[] Attributes =
    [
        ("align", ["left", "center", "middle"]), ("dir", ["rtl", "ltr", "up"]), ("lang", ["fr", "ja", "x y"]),
        ("title", ["a title"]), ("class", ["note", "a b"]), ("href", ["https://example.org/", "/works/1", "#top", "mailto:a@example.org"]),
        ("src", ["https://example.org/a.png", "/b.png"]), ("alt", ["alt text", ""]), ("width", ["10", "50%"]),
        ("colspan", ["2", "0"]), ("start", ["3", "x"]), ("type", ["a", "disc"]), ("cite", ["https://example.org/c"]),
        ("datetime", ["2024-01-01", "soon"]), ("name", ["top", "two words"]),
    ];

    [Theory]
    [InlineData(7)]
    [InlineData(99)]
    [InlineData(20261201)]
    public async Task Random_nestings_of_allowed_markup_pass_epubcheck(int seed)
    {
        var random = new Random(seed);
        var chapters = Enumerable.Range(0, 120).Select(i => ((string?)$"Random {i + 1}", Tree(random, depth: 0))).ToArray();
        var work = SampleExports.Work(20, "Random Markup", "en", chapters);
        await EpubCheck.AssertValidAsync(EpubWriter.Write(work), $"random markup (seed {seed})");
    }

    private static string Tree(Random random, int depth)
    {
        var html = new StringBuilder();
        var count = random.Next(1, depth == 0 ? 12 : 4);
        for (var i = 0; i < count; i++)
        {
            if (depth >= 4 || random.Next(4) == 0)
            {
                html.Append("some words ");
                continue;
            }
            var name = Elements[random.Next(Elements.Length)];
            html.Append('<').Append(name);
            for (var a = random.Next(3); a > 0; a--)
            {
                var (attribute, values) = Attributes[random.Next(Attributes.Length)];
                html.Append(' ').Append(attribute).Append("=\"").Append(values[random.Next(values.Length)]).Append('"');
            }
            html.Append('>').Append(Tree(random, depth + 1)).Append("</").Append(name).Append('>');
        }
        return html.ToString();
    }
}
