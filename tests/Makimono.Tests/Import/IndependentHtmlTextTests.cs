using Makimono.Import;
using Makimono.Import.Formats;

namespace Makimono.Tests.Import;

/// <summary>
/// The extraction the HTML nothing-lost checks compare with: it must agree with what a browser shows, word for
/// word, without asking the importer, or a word the importer drops would go unnoticed.
/// </summary>
public sealed class IndependentHtmlTextTests
{
    [Theory]
    [InlineData("<p>Ana</p><p>Ben</p>", "Ana Ben")]
    [InlineData("<p>An<i>a</i> <b>B</b>en</p>", "Ana Ben")]
    [InlineData("<div>one<br>two<hr>three</div>", "one two three")]
    [InlineData("<table><tr><td>left</td><td>right</td></tr></table>", "left right")]
    [InlineData("<p>caf&eacute; &amp; cr&#232;me&nbsp;br&#xFB;l&eacute;e</p>", "café crème brûlée")]
    [InlineData("<script>var hidden = 1;</script><style>p { x: y }</style><noscript>no</noscript><template>t</template><p>shown</p>", "shown")]
    [InlineData("<!-- a comment --><!DOCTYPE html><p>shown</p><!-- never closed <p>hidden", "shown")]
    [InlineData("<p>run<!-- hidden -->s <i>to</i><style>x</style>gether</p>", "runs together")]
    [InlineData("<p>one</h2>word</p>two</p>three</br>four", "oneword two three four")]
    [InlineData("<title>First</title><title>Second</title><p>body</p>", "First body")]
    [InlineData("<p>run<title>Title</title>s</p>", "Title runs")]
    [InlineData("<p>a < b and c > d</p>", "a b and c d")]
    [InlineData("<p>kept <Ana walked on and the tag never closes", "kept")]
    [InlineData("<p class=\"x>y\">quoted</p>", "quoted")]
    public void Finds_the_words_a_browser_shows(string html, string words)
    {
        Assert.Equal(Sorted(words), Sorted(IndependentHtmlText.Of(html)));
    }

    [Theory]
    [InlineData("<p>one</h2>word</p>two<table>three<tr><td>four</td><td>five</td></tr></table>", "oneword twothree four five")]
    [InlineData("<td><AN: x <title>Page</title> >shown<title>Page</title>", "Page Page shown")]
    [InlineData("<p>run<script>x</script>s <b>on<li>alone</b>", "runs on alone")]
    public void Reads_tag_soup_as_a_browser_does(string html, string words)
    {
        Assert.Equal(Sorted(words), Sorted(IndependentHtmlText.OfTagSoup(html)));
    }

    [Fact]
    public void Table_cells_are_not_run_together()
    {
        const string html = "<table><tr><td>Ana</td><td>Ben</td></tr></table>";
        NothingLost.Assert(IndependentHtmlText.Of(html), HtmlImport.Read("table.html", html));
    }

    private static List<string> Sorted(string text) =>
        NothingLost.Words(text).SelectMany(w => Enumerable.Repeat(w.Key, w.Value)).Order(StringComparer.Ordinal).ToList();

    [Fact]
    public void A_word_the_importer_drops_fails_the_check()
    {
        const string html = "<html><body><p>Ana walked to the market.</p><p>Ben stayed home with the lanterns.</p></body></html>";
        var work = HtmlImport.Read("two.html", html);
        NothingLost.Assert(IndependentHtmlText.Of(html), work);

        // As if the reader had dropped the second paragraph's last word.
        work.Chapters[^1].Text = work.Chapters[^1].Text.Replace("lanterns", string.Empty, StringComparison.Ordinal);

        var failure = Assert.ThrowsAny<Xunit.Sdk.XunitException>(() => NothingLost.Assert(IndependentHtmlText.Of(html), work));
        Assert.Contains("missing [lanterns×1]", failure.Message, StringComparison.Ordinal);
    }

    /// <summary>
    /// Found by the independent check: the style's rule "p" was read as part of the word before it ("limesp"),
    /// and a comment's words as story.
    /// </summary>
    [Theory]
    [InlineData("<p>no lemons or limes<style>p{}</style></p>")]
    [InlineData("<p>no lemons or <b>limes<script>p()</script></b> here</p>")]
    [InlineData("<ul>no lemons or limes<style>p{}</style><li>x</li></ul>")]
    [InlineData("<p>no lemons or limes<!-- a comment --></p>")]
    public void A_style_script_or_comment_inside_a_paragraph_is_not_read_as_words(string html)
    {
        var work = HtmlImport.Read("styled.html", html);

        Assert.DoesNotContain("limesp", work.Chapters[0].Text, StringComparison.Ordinal);
        Assert.DoesNotContain("comment", work.Chapters[0].Text, StringComparison.Ordinal);
        NothingLost.Assert(IndependentHtmlText.Of(html), work);
    }

    // Tag soup such as "<ix<br>" makes an element named "ix<br"; its name is markup, so no line break and no word.
    [Theory]
    [InlineData("<p>one <ix<br>two</p>")]
    [InlineData("<p>one<i<br/>two three</p>")]
    public void A_line_break_inside_an_element_name_is_not_a_line_break(string html)
    {
        var work = HtmlImport.Read("soup.html", html);

        Assert.DoesNotContain("<", work.Chapters[0].Text, StringComparison.Ordinal);
        NothingLost.Assert(IndependentHtmlText.OfTagSoup(html), work);
    }
}
