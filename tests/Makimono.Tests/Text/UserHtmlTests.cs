using Makimono.Text;

namespace Makimono.Tests.Text;

public sealed class UserHtmlTests
{
    [Fact]
    public void Plain_text_gets_paragraphs_and_line_breaks()
    {
        var result = UserHtml.FromUserInput("First line\nsecond line\n\n\nNew paragraph\r\n\r\nLast");

        Assert.Equal("<p>First line<br>second line</p>\n<p>New paragraph</p>\n<p>Last</p>", result.Html);
        Assert.Empty(result.Removed);
    }

    [Fact]
    public void A_heart_in_plain_text_stays_text()
    {
        var result = UserHtml.FromUserInput("I <3 you & the cat");

        Assert.Equal("<p>I &lt;3 you &amp; the cat</p>", result.Html);
        Assert.Empty(result.Removed);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" \n\t ")]
    public void Blank_input_gives_nothing(string? input)
    {
        Assert.Equal(string.Empty, UserHtml.FromUserInput(input).Html);
    }

    [Fact]
    public void Control_characters_are_dropped()
    {
        Assert.Equal("<p>ab</p>", UserHtml.FromUserInput("a\u0000\u0007b").Html);
    }

    [Fact]
    public void Allowed_html_is_kept_as_written()
    {
        const string html = "<p><em>soft</em> and <strong>bold</strong></p>\n<hr>\n<p class=\"note\">aside</p>";

        var result = UserHtml.FromUserInput(html);

        Assert.Equal(html, result.Html);
        Assert.Empty(result.Removed);
    }

    [Fact]
    public void Html_without_blocks_gets_paragraphs_from_blank_lines()
    {
        var result = UserHtml.FromUserInput("<em>One</em>\nstill one\n\nTwo");

        Assert.Equal("<p><em>One</em><br>still one</p>\n<p>Two</p>", result.Html);
    }

    [Theory]
    [InlineData("<script>steal(document.cookie)</script>", "script", "steal")]
    [InlineData("<style>p { display: none }</style>", "style", "display")]
    [InlineData("<iframe src=\"https://evil.example/\">framed words</iframe>", "iframe", "framed")]
    public void Dangerous_elements_go_with_their_contents_and_are_reported(string element, string name, string content)
    {
        var result = UserHtml.FromUserInput($"<p>Before.</p>{element}<p>After.</p>");

        Assert.Equal("<p>Before.</p><p>After.</p>", result.Html);
        Assert.DoesNotContain(content, result.Html, StringComparison.Ordinal);
        Assert.Equal([$"the <{name}> element and its contents"], result.Removed);
    }

    [Fact]
    public void Event_handler_attributes_are_removed_and_reported()
    {
        var result = UserHtml.FromUserInput("<p onclick=\"steal()\">Click me</p>");

        Assert.Equal("<p>Click me</p>", result.Html);
        Assert.Equal(["the onclick attribute of <p>"], result.Removed);
    }

    [Fact]
    public void Links_get_nofollow()
    {
        var result = UserHtml.FromUserInput("<p><a href=\"https://example.org/story\">my site</a></p>");

        Assert.Equal("<p><a href=\"https://example.org/story\" rel=\"nofollow\">my site</a></p>", result.Html);
        Assert.Empty(result.Removed);
    }

    [Fact]
    public void Javascript_links_lose_their_href()
    {
        var result = UserHtml.FromUserInput("<p><a href=\"javascript:steal()\">click</a></p>");

        Assert.DoesNotContain("javascript", result.Html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("click", result.Html, StringComparison.Ordinal);
        Assert.Equal(["the href attribute of <a>"], result.Removed);
    }

    [Fact]
    public void Images_from_the_web_are_kept()
    {
        var result = UserHtml.FromUserInput("<p><img src=\"http://example.org/cat.png\" alt=\"a cat\"></p>");

        Assert.Equal("<p><img src=\"http://example.org/cat.png\" alt=\"a cat\"></p>", result.Html);
        Assert.Empty(result.Removed);
    }

    [Fact]
    public void Unknown_elements_go_but_their_text_stays()
    {
        var result = UserHtml.FromUserInput("<p><blink>Look</blink> here</p>");

        Assert.Equal("<p>Look here</p>", result.Html);
        Assert.Equal(["the <blink> element (its text was kept)"], result.Removed);
    }

    [Theory]
    [InlineData("One line.")]
    [InlineData("Two lines\nof summary & more.\n\nA second paragraph.")]
    [InlineData("<b>Bold</b> and plain.\n\nAnother <i>one</i>.")]
    [InlineData("a < b, and 3 > 2")]
    [InlineData("<p>Already <em>paragraphs</em>.</p>")]
    [InlineData("<blockquote>Quoted</blockquote>")]
    public void Stored_summary_html_is_offered_for_editing_as_typed_and_turns_into_the_same_html_again(string typed)
    {
        var stored = UserHtml.FromUserInput(typed).Html;
        var editable = UserHtml.ForEditing(stored);
        Assert.Equal(stored, UserHtml.FromUserInput(editable).Html);
        if (!typed.StartsWith('<') || typed.StartsWith("<b>", StringComparison.Ordinal))
        {
            Assert.Equal(typed, editable);
        }
    }

    [Theory]
    [InlineData("x")]
    [InlineData("/works/5")]
    [InlineData("../../../etc/passwd")]
    [InlineData("//elsewhere.example/a.png")]
    [InlineData("data:image/png;base64,AAAA")]
    public void An_image_from_anywhere_but_an_http_or_https_address_loses_its_source(string src)
    {
        var result = UserHtml.Sanitize($"<p>Look: <img src=\"{src}\" alt=\"a picture\"></p>");

        Assert.DoesNotContain("src=", result.Html, StringComparison.Ordinal);
        Assert.Contains("a picture", result.Html, StringComparison.Ordinal);
        Assert.Contains("the src attribute of <img>", result.Removed);
    }

    [Theory]
    [InlineData("https://images.example/a.png")]
    [InlineData("http://images.example/a.png")]
    public void An_image_from_an_http_or_https_address_is_kept(string src)
    {
        var result = UserHtml.Sanitize($"<p><img src=\"{src}\" alt=\"a picture\"></p>");

        Assert.Contains($"src=\"{src}\"", result.Html, StringComparison.Ordinal);
        Assert.Empty(result.Removed);
    }

    [Fact]
    public void A_relative_link_is_still_a_link()
    {
        Assert.Contains("href=\"/works/5\"", UserHtml.Sanitize("<p><a href=\"/works/5\">the sequel</a></p>").Html, StringComparison.Ordinal);
    }
}
