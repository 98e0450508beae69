using System.Text;
using Makimono.Import.Formats;
using Makimono.Import.Html;
using Makimono.Import;

namespace Makimono.Tests.Import.Html;

/// <summary>
/// <see cref="FastHtml"/> reads HTML without AngleSharp's DOM; wherever it answers, its lines, title and
/// language must be exactly AngleSharp's, and it must answer for the plain HTML stories come in.
/// </summary>
public sealed class FastHtmlTests
{
    private static readonly string FixtureFolder = Path.Combine(AppContext.BaseDirectory, "Import", "Fixtures");

    public static TheoryData<string> FixtureFiles => new(
        Directory.GetFiles(FixtureFolder).Select(Path.GetFileName).Where(n => !n!.EndsWith(".json", StringComparison.Ordinal)).Order(StringComparer.Ordinal)!);

    /// <summary>The fixtures that are plain HTML (or Markdown, or text saved as HTML) and must not be declined.</summary>
    private static readonly HashSet<string> PlainFixtures =
    [
        "generic.html", "roman-numerals.html", "windows-1252.html", "ffn-style.utf-16le.html", "chatty-unlabelled.utf-16be.html",
        "labelled-front-matter.utf-8-bom.html", "ffn-save-ruled-front-matter.html", "markdown-chapters.md", "chatty.windows-1252.md",
        "labelled.utf-8-bom.md", "roman-numerals.txt", "ffn-conventions.txt", "labelled-front-matter.txt",
    ];

    [Theory, MemberData(nameof(FixtureFiles))]
    public void Every_fixture_reads_the_same_or_is_declined(string name)
    {
        var text = TextDecoding.Decode(File.ReadAllBytes(Fixtures.PathOf(name))).Text;
        var htmls = Path.GetExtension(name) switch
        {
            ".html" => [text],
            ".md" => [MarkdownImport.ToHtml(text)],
            _ => new[] { FastHtmlPaths.FromText(text, breaks: false), FastHtmlPaths.FromText(text, breaks: true) },
        };

        foreach (var html in htmls)
        {
            var answered = FastHtmlPaths.AssertSameOrDeclined(html);

            if (PlainFixtures.Contains(name))
            {
                Assert.True(answered, $"{name}: declined ({Declined(html)})");
            }
        }
    }

    [Theory]
    [InlineData("ao3-download.html")]
    [InlineData("ao3-oneshot.html")]
    [InlineData("ao3-three-chapters.html")]
    public void An_ao3_download_is_left_to_angle_sharp(string name)
    {
        var html = TextDecoding.Decode(File.ReadAllBytes(Fixtures.PathOf(name))).Text;

        Assert.Null(FastHtml.Parse(html));
    }

    [Fact]
    public void The_benchmark_story_shape_is_read_by_the_fast_path()
    {
        var html = new StringBuilder("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>The Lantern Keepers</title></head><body>\n");
        html.Append("<h1>The Lantern Keepers</h1>\n<p>by Quillwright</p>\n<p><em>A/N: Thank you for reading! This is all made up.</em></p>\n");
        for (var chapter = 1; chapter <= 3; chapter++)
        {
            html.Append($"<h2>Chapter {chapter}: The lantern</h2>\n");
            for (var p = 0; p < 20; p++)
            {
                html.Append(p > 0 && p % 15 == 0 ? "<hr />\n" : string.Empty)
                    .Append(p % 5 == 0 ? $"<p><i>Aren-san walked across the bridge {p}.</i></p>\n" : $"<p>\"Talis laughed,\" said Mirela {p}.</p>\n");
            }
        }
        html.Append("</body></html>\n");

        Assert.True(FastHtmlPaths.AssertSameOrDeclined(html.ToString()), Declined(html.ToString()));
    }

    /// <summary>Plain HTML the fast path must read, and read exactly as AngleSharp does.</summary>
    [Theory]
    [InlineData("<p>One</p><p>Two</p>")]
    [InlineData("plain text in the body")]
    [InlineData("<html><body>text directly in body<p>then a paragraph</p>and after</body></html>")]
    [InlineData("<p>unclosed one<p>unclosed two<div>a div closes it</div>")]
    [InlineData("<p>a<br>b<br/>c<br />d</p>")]
    [InlineData("<p><i>a<br>b</i></p><p><b>bold <i>both</i></b> end</p>")]
    [InlineData("<p>x</p></p><p>y</p>")]
    [InlineData("<p></p><p>&nbsp;</p><p> </p><p>after empties</p>")]
    [InlineData("<div><p>in div</p>loose text in div<p>again</p></div>")]
    [InlineData("<div>only inline <em>in</em> a div</div>")]
    [InlineData("<div><h2>Chapter 1</h2><p>text</p></div><h3>Heading <i>italic</i></h3>")]
    [InlineData("<h1>one<h2>two</h1>three</h2>")]
    [InlineData("<center>centred</center><p align=\"CENTER\">also</p><p style=\"text-align : center\">and</p><div class=\"x centre\"><p>inside</p></div>")]
    [InlineData("<p>&amp; &lt; &gt; &quot; &apos; &copy; &eacute; &#233; &#xE9; &#x1F600; &hellip; &mdash;</p>")]
    [InlineData("<p><span>&amp; &lt;tag&gt; &nbsp; \"q\" 'a'</span></p>")]
    [InlineData("<p><a href=\"x?a=1&amp;b=2\" title='it&apos;s \"quoted\"'>link</a> <a href=bare>bare</a></p>")]
    [InlineData("<p>a<!-- a comment -->b</p><!-- between --><p><i>c<!-- inside --></i></p>")]
    [InlineData("<!DOCTYPE html><!-- before --><html lang=\"fr\"><head><title>  Le   titre\n</title><meta charset=utf-8><style>p{}</style><script>var x = '<p>';</script></head><body><p>Texte</p></body></html>")]
    [InlineData("<P CLASS=Note>Upper case <I>tags</I></P><BR><HR>")]
    [InlineData("<p>\r\nWindows\r\nlines\r\n</p>\r\n<p>and\rold Mac</p>")]
    [InlineData("<p>emoji 😀 and 猫 and naïve\u00A0nbsp</p><p><em>😀 in em</em></p>")]
    [InlineData("<p>a < b and c > d</p><p><i>a < b</i></p>")]
    [InlineData("<p><span class=c1><span class=c2>nested spans</span></span><o:p></o:p></p>")]
    [InlineData("<p>sup<sup>1</sup> sub<sub>2</sub> <font face=\"Arial\" color=red>font</font> <u>u</u> <s>s</s></p>")]
    [InlineData("<blockquote><p>quoted</p><p>twice</p></blockquote><section><article><p>deep</p></article></section>")]
    [InlineData("<p>x</p><hr><p>y</p><hr/><center>* * *</center>")]
    [InlineData("<p><i>unclosed italic</p>")]
    [InlineData("<p><span>unclosed span</p><p>next</p>")]
    [InlineData("<p>text</span> stray end tag</p></div></em>")]
    [InlineData("<html><head></head><body><p>a</p></body></html>\n\n")]
    [InlineData("<p>a<img src=\"x.png\" alt=\"pic\">b<wbr>c</p>")]
    [InlineData("<div align=center>centred div<br>second line</div>")]
    [InlineData("<h2 class=\"chapter\">Chapter 2</h2><p class=MsoNormal><span style='font-size:12.0pt'>Word</span><o:p></o:p></p>")]
    [InlineData("<p>a</p>\n<p>   </p>\n<p>\t</p>\n<p>b</p>")]
    [InlineData("<p hidden>flag attribute</p><p data-x=\"\">empty value</p>")]
    [InlineData("<title>Only a title</title>")]
    [InlineData("<p>a<span>b<div>block in span</div>c</span>d</p>")]
    [InlineData("<p><b>a</b><b>b</b><b>c</b><b>d</b></p>")]
    [InlineData("<b><p>block inside formatting</p></b>")]
    public void Plain_html_is_read_exactly_as_angle_sharp_reads_it(string html)
    {
        Assert.True(FastHtmlPaths.AssertSameOrDeclined(html), Declined(html));
    }

    /// <summary>HTML the standard repairs in ways not worth copying; declining sends it to AngleSharp.</summary>
    [Theory]
    [InlineData("<p><b>bold across</p><p>two paragraphs</b></p>")]
    [InlineData("<b><p>block inside formatting</b> and after</p>")]
    [InlineData("<i>a<b>b</i>c</b>")]
    [InlineData("<table><tr><td>cell</td></tr></table>")]
    [InlineData("<ul><li>one<li>two</ul>")]
    [InlineData("<p>AT&T without a semicolon</p>")]
    [InlineData("<p>&nbsp without a semicolon</p>")]
    [InlineData("<p>&#128; a C1 reference</p>")]
    [InlineData("<p>&#0;</p>")]
    [InlineData("<svg><title>x</title></svg>")]
    [InlineData("<![CDATA[x]]>")]
    [InlineData("<p>a</p><plaintext><p>b")]
    [InlineData("<form><p>x</p></form>")]
    [InlineData("<pre>\ncode</pre>")]
    [InlineData("<a href=x>one<a href=y>two</a>")]
    [InlineData("<p>a</p></body><!-- after the body -->")]
    [InlineData("<p a=\"<br>\">attribute with a tag</p>")]
    [InlineData("<p>a\0b</p>")]
    [InlineData("<div id=\"preface\"><p>x</p></div><div id=\"chapters\"></div>")]
    [InlineData("<p><script>document.write('x')</script></p>")]
    [InlineData("<p><!--></p>")]
    [InlineData("<p>x</br>y</p>")]
    public void Html_the_standard_repairs_is_declined(string html)
    {
        Assert.False(FastHtmlPaths.AssertSameOrDeclined(html));
    }

    [Fact]
    public void Nesting_beyond_the_limit_is_declined_so_that_angle_sharp_reports_it()
    {
        var html = string.Concat(Enumerable.Repeat("<span>", 300)) + "deep";

        Assert.Null(FastHtml.Parse(html));
        Assert.Throws<ImportException>(() => HtmlImport.Read("deep.html", html));
    }

    [Fact]
    public void Visible_text_is_the_same_by_either_path()
    {
        const string html = "<html><head><title> A  title </title></head><body><p>One <i>two</i></p><p>three<br>four</p></body></html>";
        var fast = FastHtmlPaths.ViaFastPath(html, out _)!;
        var slow = FastHtmlPaths.ViaAngleSharp(html)!;

        Assert.Equal(slow.Title + "\n" + string.Join("\n", slow.Lines.Select(l => l.Text)), HtmlImport.VisibleText(html));
        Assert.True(fast.SameAs(slow));
    }

    private static string Declined(string html) =>
        FastHtml.TryParse(html, out _, out var declined) ? "answered" : declined!;
}
