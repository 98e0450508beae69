using System.Text;
using Makimono.Import.Formats;

namespace Makimono.Tests.Import.Structure;

/// <summary>Random text and HTML built from the pieces the recogniser looks for: it never throws and never loses a word.</summary>
public sealed class RecogniserFuzzTests
{
    private static readonly string[] Pieces =
    [
        "Chapter 1", "Chapter Two: Rain", "Ch. 3", "IV", "Prologue", "Epilogue", "* * *", "oOo", "~~~", "", "", "",
        "Summary: a thing happens.", "Disclaimer: not mine", "A/N: hi", "Rated M", "no lemons or limes", "boy x boy",
        "Ana x Ben", "Warnings: none", "Review?", "Please review!", "Work Text:", "Work Header", "By someone",
        "Title: Foo", "Pairing: Ana/Ben", "\"Quoted line,\" she said.", "- Somebody", "Hey guys this is my first story lol",
        "Ana walked to the market and bought three apples.", "Ben did not.", "Written to: a song", "Rating:", "Summary:",
        "x", "#", "–", "·", "Chapter", "A/N", "Ünïcödé wörds ąę", "猫が好き", "\t", "   ", "Notes:\u00A0x",
    ];

    public static TheoryData<int> Seeds => new(Enumerable.Range(1, 40));

    [Theory, MemberData(nameof(Seeds))]
    public void Random_text_loses_nothing(int seed)
    {
        var random = new Random(seed);
        var text = string.Join(random.Next(4) == 0 ? "\r\n" : "\n", Enumerable.Range(0, random.Next(1, 60)).Select(_ => Piece(random)));

        var work = TextImport.Read("fuzz.txt", text);

        NothingLost.Assert(text, work);
    }

    [Theory, MemberData(nameof(Seeds))]
    public void Random_html_loses_nothing(int seed)
    {
        var random = new Random(seed);
        var html = new StringBuilder("<html><body>");
        string[] open = ["<p>", "<div>", "<h2>", "<em>", "<blockquote><p>", "<span>", ""];
        string[] close = ["</p>", "</div>", "</h2>", "</em>", "</p></blockquote>", "</span>", "<br>"];
        for (var i = random.Next(1, 40); i > 0; i--)
        {
            var k = random.Next(open.Length);
            html.Append(open[k]).Append(System.Net.WebUtility.HtmlEncode(Piece(random))).Append(close[k]);
            if (random.Next(8) == 0)
            {
                html.Append("<hr>");
            }
        }
        html.Append("</body></html>");

        var work = HtmlImport.Read("fuzz.html", html.ToString());

        NothingLost.Assert(IndependentHtmlText.Of(html.ToString()), work);
    }

    [Theory, MemberData(nameof(Seeds))]
    public void Random_characters_never_throw(int seed)
    {
        var random = new Random(seed);
        var chars = Enumerable.Range(0, random.Next(0, 500)).Select(_ => (char)random.Next(1, 0x3000)).ToArray();
        var text = new string(chars);

        var work = TextImport.Read("noise.txt", text);
        HtmlImport.Read("noise.html", text);

        Assert.NotEmpty(work.Chapters);
    }

    private static string Piece(Random random) => Pieces[random.Next(Pieces.Length)];
}
