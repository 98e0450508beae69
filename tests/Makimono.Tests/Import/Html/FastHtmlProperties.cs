using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Makimono.Tests.Import.Html;

/// <summary>
/// FsCheck properties of <see cref="Makimono.Import.Html.FastHtml"/>: random tag soup reads exactly as through
/// AngleSharp or is declined, and well-formed story HTML is always read, and read the same.
/// </summary>
public sealed class FastHtmlProperties
{
    private static readonly string[] Tags =
    [
        "<p>", "</p>", "<div>", "</div>", "<span>", "</span>", "<i>", "</i>", "<b>", "</b>", "<em>", "</em>", "<strong>", "</strong>",
        "<br>", "<br/>", "<hr>", "<hr />", "<h1>", "</h1>", "<h2>", "</h2>", "<center>", "</center>", "<blockquote>", "</blockquote>",
        "<section>", "</section>", "<p align=center>", "<p class=\"centre note\">", "<div style=\"text-align:center\">",
        "<a href=\"x?a&amp;b\">", "</a>", "<font color=red>", "</font>", "<sup>", "</sup>", "<u>", "</u>", "<o:p>", "</o:p>",
        "<!-- c -->", "<!--x>y-->", "<img src=a.png>", "</body>", "</html>", "<body>", "<title>T &amp; t</title>", "<html lang=de>",
        "<ul>", "<li>", "<table>", "<td>", "<pre>", "<script>x</script>", "<style>p{}</style>", "<meta charset=utf-8>", "<head>",
        "</head>", "<!DOCTYPE html>", "<P>", "</P>", "<SPAN CLASS=X>", "<br class=x>", "<wbr>", "<p/>", "<div/>", "</br>",
    ];

    private static readonly string[] Texts =
    [
        "Ana", "walked home.", " ", "\n", "\r\n", "\t", "&nbsp;", "&amp;", "&lt;", "&gt;", "&quot;", "&#233;", "&#x1F600;", "&eacute;",
        "&hellip;", "AT&T", "a < b", "\u00A0", "😀", "猫", "Chapter 1", "* * *", "'", "\"", "&", "&copy", "&#128;", "x>y", "<",
    ];

    private static Gen<string> Soup =>
        Gen.ListOf(Gen.Frequency((3, Gen.Elements(Tags)), (3, Gen.Elements(Texts))))
            .Select(parts => string.Concat(parts));

    private static readonly string[] InlineOpen = ["<i>", "<em>", "<b>", "<strong>", "<span class=\"x\">", "<a href=\"y\">", "<u>", "<sup>"];

    private static readonly string[] Words = ["Ana", "walked", "home", "&amp;", "&nbsp;", "&#233;", "😀", "“quoted”", "a < b", "it's"];

    private static Gen<string> Inline =>
        Gen.ListOf(Gen.Frequency(
                (4, Gen.Elements(Words)),
                (1, Gen.Constant(" ")),
                (1, Gen.Constant("<br>")),
                (1, Gen.Zip(Gen.Elements(InlineOpen), Gen.Elements(Words)).Select(t => t.Item1 + t.Item2 + "</" + t.Item1[1..].Split(' ', '>')[0] + ">"))))
            .Select(parts => string.Concat(parts));

    private static Gen<string> Block =>
        Gen.Frequency(
            (6, Inline.Select(i => $"<p>{i}</p>\n")),
            (1, Inline.Select(i => $"<p align=\"center\">{i}</p>\n")),
            (1, Inline.Select(i => $"<h2>{i}</h2>\n")),
            (1, Gen.Constant("<hr>\n")),
            (1, Inline.Select(i => $"<div><p>{i}</p></div>\n")),
            (1, Inline.Select(i => $"<blockquote>{i}</blockquote>\n")),
            (1, Inline.Select(i => $"<p>{i}\n")));

    private static Gen<string> Story =>
        Gen.Zip(Gen.Zip(Gen.Elements("", "<!DOCTYPE html>\n"), Gen.Elements("", "<title>A story</title>")), Gen.ListOf(Block))
            .Select(t => $"{t.Item1.Item1}<html lang=\"en\"><head>{t.Item1.Item2}</head>\n<body>\n{string.Concat(t.Item2)}</body>\n</html>\n");

    [Property(MaxTest = 1000)]
    public Property Tag_soup_reads_as_through_angle_sharp_or_is_declined() =>
        Prop.ForAll(Soup.ToArbitrary(), html => { FastHtmlPaths.AssertSameOrDeclined(html); });

    /// <summary>So that the soup property is not passed by declining everything: short soups are mostly plain enough.</summary>
    [Fact]
    public void The_fast_path_answers_a_good_share_of_short_tag_soup()
    {
        var soups = Soup.Sample(1000, new Rnd(20261123), 8);

        var answered = soups.Count(FastHtmlPaths.AssertSameOrDeclined);

        Assert.True(answered >= soups.Length / 4, $"only {answered} of {soups.Length} answered");
    }

    [Property(MaxTest = 300)]
    public Property Well_formed_story_html_is_read_and_reads_as_through_angle_sharp() =>
        Prop.ForAll(Story.ToArbitrary(), html => Assert.True(FastHtmlPaths.AssertSameOrDeclined(html), html));
}
