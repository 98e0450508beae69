using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using System.Text;
using System.Text.RegularExpressions;

namespace Makimono.Tests.Import;

/// <summary>
/// The words a reader sees in an HTML page, found without the importer's HTML reader (or any HTML parser): tags
/// taken out by pattern, entities decoded by <see cref="WebUtility.HtmlDecode"/>. The nothing-lost check
/// compares the import with this, so a word the importer's parser drops fails it; compared with text from that
/// same parser, a dropped word would be missing from both sides. Only as exact as a word count needs: a block
/// tag separates words, an inline tag does not, and what a browser never shows (scripts, styles, comments, a
/// second &lt;title&gt;) is left out.
/// </summary>
public static partial class IndependentHtmlText
{
    /// <summary>Elements that end a line when a browser lays them out; any other tag joins the text around it.</summary>
    private static readonly HashSet<string> LineBreaking = new(StringComparer.OrdinalIgnoreCase)
    {
        "address", "article", "aside", "blockquote", "body", "br", "caption", "center", "dd", "details", "dialog",
        "dir", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5",
        "h6", "head", "header", "hgroup", "hr", "html", "legend", "li", "main", "menu", "nav", "ol", "option", "p",
        "pre", "section", "summary", "table", "tbody", "td", "tfoot", "th", "thead", "title", "tr", "ul",
    };

    public static string Of(string html)
    {
        // Hidden things take no room: the words either side of them run together, as a browser shows them.
        var text = Comment().Replace(html, string.Empty);
        text = Hidden().Replace(text, string.Empty);
        // A browser shows the first <title> as the page's title, apart from the page, and never the text of any
        // later one; in the page a <title> takes no room.
        string? title = null;
        text = Title().Replace(text, m =>
        {
            title ??= m.Groups["text"].Value;
            return string.Empty;
        });
        var visible = new StringBuilder(text.Length);
        var open = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var last = 0;
        foreach (Match tag in Tag().Matches(text))
        {
            visible.Append(text, last, tag.Index - last);
            last = tag.Index + tag.Length;
            var name = tag.Groups["name"].Value;
            var breaks = LineBreaking.Contains(name);
            if (!tag.Groups["end"].Success)
            {
                open[name] = open.GetValueOrDefault(name) + 1;
            }
            else if (open.GetValueOrDefault(name) > 0)
            {
                open[name]--;
            }
            else
            {
                // An end tag with nothing to close is dropped, as HTML drops it, except </p> and </br>, which
                // HTML reads as an empty paragraph and a line break.
                breaks = name.Equals("p", StringComparison.OrdinalIgnoreCase) || name.Equals("br", StringComparison.OrdinalIgnoreCase);
            }
            visible.Append(breaks ? "\n" : string.Empty);
        }
        visible.Append(text, last, text.Length - last);
        return WebUtility.HtmlDecode(title + "\n" + visible);
    }

    /// <summary>
    /// The same words for tag soup, which a pattern cannot read as HTML does (a stray end tag, a table's
    /// foster parenting, a tag opened inside an attribute): the HTML standard's tree, as AngleSharp builds it,
    /// walked here on its own terms, not by the importer's reader. A word the reader drops still fails.
    /// </summary>
    public static string OfTagSoup(string html)
    {
        var document = new HtmlParser().ParseDocument(html);
        var text = new StringBuilder(document.Title).Append('\n');
        Walk(document.Body ?? document.DocumentElement, text);
        return text.ToString();
    }

    private static void Walk(INode node, StringBuilder text)
    {
        foreach (var child in node.ChildNodes)
        {
            if (child is IText)
            {
                text.Append(child.TextContent);
            }
            else if (child is IElement element && !NeverShown.Contains(element.LocalName))
            {
                var breaks = LineBreaking.Contains(element.LocalName);
                text.Append(breaks ? "\n" : string.Empty);
                Walk(element, text);
                text.Append(breaks ? "\n" : string.Empty);
            }
        }
    }

    private static readonly HashSet<string> NeverShown = new(StringComparer.OrdinalIgnoreCase)
    {
        "script", "style", "noscript", "template", "title", "head",
    };

    /// <summary>A comment, to its end or the end of the page (an unclosed comment hides the rest); also &lt;!DOCTYPE&gt; and &lt;?…&gt;.</summary>
    [GeneratedRegex(@"<!--.*?(?:-->|\z)|<![^>]*(?:>|\z)|<\?[^>]*(?:>|\z)", RegexOptions.Singleline)]
    private static partial Regex Comment();

    /// <summary>Elements whose content is never shown as text, with that content.</summary>
    [GeneratedRegex(@"<(script|style|noscript|template)\b[^>]*>.*?(?:</\1\s*>|\z)", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex Hidden();

    [GeneratedRegex(@"<title\b[^>]*>(?<text>.*?)(?:</title\s*>|\z)", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex Title();

    /// <summary>A start or end tag: "&lt;" and a letter begin one, as in HTML, and a tag never closed takes the rest of the page.</summary>
    [GeneratedRegex(@"<(?<end>/)?(?<name>[a-zA-Z][^\s/>]*)(?:[^>""']|""[^""]*""|'[^']*')*(?:>|\z)")]
    private static partial Regex Tag();
}
