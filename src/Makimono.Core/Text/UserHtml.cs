using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Ganss.Xss;

namespace Makimono.Text;

/// <summary>
/// What came out of the sanitizer, and what it took out so the author can see it before posting; or, when the
/// text was not sanitized at all, why (<paramref name="Refusal"/>).
/// </summary>
public sealed record SanitizedHtml(string Html, IReadOnlyList<string> Removed, string? Refusal = null);

/// <summary>
/// Turns what a person typed into a text box into safe HTML. Plain text gets AO3's paragraph rules
/// (a blank line starts a paragraph, a newline becomes a line break); HTML is cleaned to AO3's allowlist.
/// </summary>
public static partial class UserHtml
{
    private static readonly string[] AllowedTags =
    [
        "a", "abbr", "acronym", "address", "b", "big", "blockquote", "br", "caption", "center", "cite", "code",
        "col", "colgroup", "details", "figcaption", "figure", "dd", "del", "dfn", "div", "dl", "dt", "em",
        "h1", "h2", "h3", "h4", "h5", "h6", "hr", "i", "img", "ins", "kbd", "li", "ol", "p", "pre", "q", "rp",
        "rt", "ruby", "s", "samp", "small", "span", "strike", "strong", "sub", "summary", "sup", "table",
        "tbody", "td", "tfoot", "th", "thead", "tr", "tt", "u", "ul", "var",
    ];

    private static readonly string[] AllowedAttributes =
    [
        "align", "dir", "lang", "title", "class", "href", "src", "alt", "width", "height", "colspan", "rowspan",
        "start", "type", "cite", "datetime", "name",
    ];

    /// <summary>Elements whose content is dropped with them; anything else unknown keeps its text.</summary>
    private static readonly HashSet<string> DropWithContent = new(StringComparer.OrdinalIgnoreCase)
    {
        "script", "style", "iframe", "svg", "math", "object", "embed", "noscript", "template", "textarea", "select",
    };

    /// <summary>
    /// Deeper than any story's markup. The parser's work grows with the square of the depth (50,000 nested
    /// &lt;div&gt;s took half a minute), so deeper text is refused before it is parsed.
    /// </summary>
    public const int MaxDepth = 100;

    public static SanitizedHtml FromUserInput(string? input)
    {
        if (string.IsNullOrWhiteSpace(input))
        {
            return new SanitizedHtml(string.Empty, []);
        }
        if (Import.Html.HtmlNesting.TypedDeeperThan(input, MaxDepth))
        {
            return new SanitizedHtml(string.Empty, [],
                $"The HTML is nested more than {MaxDepth} elements deep, which no story needs (a tag that is opened and never closed counts as one more level). Close the tags you open, or paste the text without HTML.");
        }
        var text = RemoveInvalidCharacters(input.Replace("\r\n", "\n").Replace('\r', '\n'));
        var html = LooksLikeHtml(text) ? AddParagraphsToHtml(text) : ParagraphsFromPlainText(text);
        return Sanitize(html);
    }

    /// <summary>
    /// The text to put back in an edit box for stored chapter text, summary or notes HTML: the paragraphs the archive added come
    /// off again, so the author sees what they typed. Only a text that turns into exactly the stored HTML is offered,
    /// so saving an unchanged form changes nothing; anything else is shown as the HTML it is.
    /// </summary>
    public static string? ForEditing(string? html)
    {
        if (string.IsNullOrEmpty(html) || AddedParagraphs().Match(html) is not { Success: true } match)
        {
            return html;
        }
        var paragraphs = match.Groups["inner"].Captures.Select(c => LineBreak().Replace(c.Value, "\n")).ToList();
        var typed = string.Join("\n\n", paragraphs);
        if (!HtmlTag().IsMatch(typed))
        {
            typed = WebUtility.HtmlDecode(typed);
        }
        return FromUserInput(typed).Html == html ? typed : html;
    }

    public static SanitizedHtml Sanitize(string html)
    {
        var removed = new List<string>();
        var sanitizer = CreateSanitizer();
        sanitizer.RemovingTag += (_, e) =>
        {
            var name = e.Tag.NodeName.ToLowerInvariant();
            removed.Add(DropWithContent.Contains(name)
                ? $"the <{name}> element and its contents"
                : $"the <{name}> element (its text was kept)");
            if (DropWithContent.Contains(name))
            {
                // KeepChildNodes would otherwise keep a script's code as visible text.
                e.Tag.TextContent = string.Empty;
            }
        };
        sanitizer.RemovingAttribute += (_, e) =>
            removed.Add($"the {e.Attribute.Name} attribute of <{e.Tag.NodeName.ToLowerInvariant()}>");
        sanitizer.RemovingStyle += (_, e) => removed.Add($"the style \"{e.Style.Name}\"");
        sanitizer.RemovingComment += (_, _) => removed.Add("an HTML comment");
        var clean = sanitizer.Sanitize(html);
        return new SanitizedHtml(clean.Trim(), removed.Distinct().ToList());
    }

    private static HtmlSanitizer CreateSanitizer()
    {
        var options = new HtmlSanitizerOptions
        {
            AllowedTags = new HashSet<string>(AllowedTags, StringComparer.OrdinalIgnoreCase),
            AllowedAttributes = new HashSet<string>(AllowedAttributes, StringComparer.OrdinalIgnoreCase),
            AllowedSchemes = new HashSet<string>(["http", "https", "mailto"], StringComparer.OrdinalIgnoreCase),
            UriAttributes = new HashSet<string>(["href", "src", "cite"], StringComparer.OrdinalIgnoreCase),
            AllowedCssProperties = new HashSet<string>(StringComparer.OrdinalIgnoreCase),
            AllowedAtRules = new HashSet<AngleSharp.Css.Dom.CssRuleType>(),
        };
        var sanitizer = new HtmlSanitizer(options) { KeepChildNodes = true };
        // As on AO3, an image comes from an http or https address: a relative one ("x", "/works/5") would be fetched
        // from the archive itself by every reader's browser, with their cookies.
        sanitizer.FilterUrl += (_, e) =>
        {
            if (e.Tag.NodeName == "IMG" && e.SanitizedUrl is { } url
                && !(Uri.TryCreate(url.Trim(), UriKind.Absolute, out var absolute) && absolute.Scheme is "http" or "https"))
            {
                e.SanitizedUrl = null;
            }
        };
        sanitizer.PostProcessNode += (_, e) =>
        {
            if (e.Node is AngleSharp.Dom.IElement { NodeName: "A" } link && link.HasAttribute("href"))
            {
                link.SetAttribute("rel", "nofollow");
            }
        };
        return sanitizer;
    }

    private static bool LooksLikeHtml(string text) => HtmlTag().IsMatch(text);

    private static string ParagraphsFromPlainText(string text)
    {
        var builder = new StringBuilder(text.Length + 64);
        foreach (var paragraph in BlankLines().Split(text.Trim('\n')))
        {
            if (string.IsNullOrWhiteSpace(paragraph))
            {
                continue;
            }
            var lines = paragraph.Split('\n').Select(WebUtility.HtmlEncode);
            builder.Append("<p>").AppendJoin("<br>", lines).Append("</p>\n");
        }
        return builder.ToString();
    }

    /// <summary>
    /// HTML typed without paragraph tags still gets paragraphs from blank lines, as on AO3;
    /// HTML that already has block structure is left as written.
    /// </summary>
    private static string AddParagraphsToHtml(string html)
    {
        if (BlockTag().IsMatch(html))
        {
            return html;
        }
        var builder = new StringBuilder(html.Length + 64);
        foreach (var paragraph in BlankLines().Split(html.Trim('\n')))
        {
            if (!string.IsNullOrWhiteSpace(paragraph))
            {
                builder.Append("<p>").Append(paragraph.Replace("\n", "<br>")).Append("</p>\n");
            }
        }
        return builder.ToString();
    }

    /// <summary>NUL and other control characters are invisible and break XML exports, so they go.</summary>
    private static string RemoveInvalidCharacters(string text) => ControlCharacters().Replace(text, string.Empty);

    [GeneratedRegex(@"</?[a-zA-Z][a-zA-Z0-9]*(\s[^<>]*)?/?>")]
    private static partial Regex HtmlTag();

    [GeneratedRegex(@"<(p|div|blockquote|h[1-6]|ul|ol|table|pre|center|dl|hr)\b", RegexOptions.IgnoreCase)]
    private static partial Regex BlockTag();

    /// <summary>Nothing but paragraphs without block elements inside, as the archive writes typed text.</summary>
    [GeneratedRegex(@"^(?:\s*<p>(?<inner>(?:(?!</?(?:p|div|blockquote|h[1-6]|ul|ol|table|pre|center|dl|hr)\b)[^\n])*)</p>)+\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex AddedParagraphs();

    [GeneratedRegex(@"<br\s*/?>", RegexOptions.IgnoreCase)]
    private static partial Regex LineBreak();

    [GeneratedRegex(@"\n[ \t]*\n\s*")]
    private static partial Regex BlankLines();

    [GeneratedRegex(@"[\x00-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]")]
    private static partial Regex ControlCharacters();
}
