using System.Buffers;
using System.Net;
using System.Text.RegularExpressions;
using System.Text;
using AngleSharp.Dom;
using Makimono.Import.Structure;

namespace Makimono.Import.Html;

/// <summary>
/// Flattens HTML into the lines the recogniser reads: one line per block (and per &lt;br&gt; within it),
/// a blank line between blocks, a rule for each &lt;hr&gt;; inline markup such as italics is kept, and so is
/// whether a block was centred (&lt;center&gt;, align="center", text-align: center, a "center" class).
/// </summary>
internal static partial class HtmlLines
{
    public const int MaxDepth = 256;

    /// <summary>Marks an element as a chapter heading, for formats converted to HTML that know which headings are chapters.</summary>
    public const string ChapterHeadingAttribute = "data-makimono-chapter";

    private static readonly HashSet<string> Blocks = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "pre", "section", "article", "center",
        "tr", "td", "th", "caption", "dd", "dt", "ul", "ol", "dl", "table", "tbody", "thead", "header", "footer", "main", "aside", "nav",
        "figure", "figcaption", "address", "body",
    };

    private static readonly HashSet<string> Ignored = new(StringComparer.OrdinalIgnoreCase)
    {
        "script", "style", "noscript", "template", "head", "title", "meta", "link",
    };

    private static readonly string IgnoredSelector = string.Join(",", Ignored);

    /// <summary>Every character <see cref="char.IsWhiteSpace(char)"/> is true of, but the space.</summary>
    private static readonly SearchValues<char> WhitespaceButSpace = SearchValues.Create(
        "\t\n\u000B\f\r\u0085\u00A0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200A\u2028\u2029\u202F\u205F\u3000");

    /// <summary>The whole text of an element, for checking that nothing was lost.</summary>
    public static string TextOf(INode root) => string.Join("\n", From(root).Select(l => l.Text));

    public static List<SourceLine> From(INode root)
    {
        CheckDepth(root, 0);
        var lines = new List<SourceLine>();
        Walk(root, lines, centred: false);
        return lines;
    }

    private static void Walk(INode node, List<SourceLine> lines, bool centred)
    {
        var walker = new Walker(lines, centred);
        foreach (var child in node.ChildNodes)
        {
            walker.Add(child);
        }
        walker.Finish();
    }

    /// <summary>The lines of an element's children, given one child at a time.</summary>
    private sealed class Walker(List<SourceLine> lines, bool centred)
    {
        private readonly List<INode> inline = [];

        public void Add(INode child)
        {
            var name = ElementName(child);
            if (name is not null && Ignored.Contains(name))
            {
                return;
            }
            if (name == "hr")
            {
                FlushInline(inline, lines, centred);
                lines.Add(SourceLine.Rule);
            }
            else if (child is IElement element && element.HasAttribute(ChapterHeadingAttribute))
            {
                // A format that knows its chapter headings (Markdown's) says so: the line starts a chapter whatever its words.
                FlushInline(inline, lines, centred);
                lines.Add(SourceLine.Heading(CollapseWhitespace(element.TextContent).Trim()));
                lines.Add(SourceLine.Blank);
            }
            else if (name is not null && Blocks.Contains(name))
            {
                FlushInline(inline, lines, centred);
                var blockCentred = centred || IsCentred(child, name);
                if (HasBlockInside(child))
                {
                    Walk(child, lines, blockCentred);
                }
                else
                {
                    AddBlock(child.ChildNodes, lines, blockCentred);
                }
            }
            else if (name is not null && HasBlockInside(child))
            {
                // A block inside an inline element (<span><li>…) starts a line of its own, as a browser lays it
                // out, while the text before it runs on from the text before the span: so the element's children
                // are read as if they stood in its place (its own formatting is lost, its words are not).
                foreach (var grandchild in child.ChildNodes)
                {
                    Add(grandchild);
                }
            }
            else if (name is not null || child is IText)
            {
                inline.Add(child);
            }
        }

        public void Finish() => FlushInline(inline, lines, centred);
    }

    /// <summary>True when a block (or a rule) is among the element's descendants, inside inline elements or not.</summary>
    private static bool HasBlockInside(INode element)
    {
        var children = element.ChildNodes;
        for (var i = 0; i < children.Length; i++)
        {
            if (ElementName(children[i]) is not { } name || Ignored.Contains(name))
            {
                continue;
            }
            if (Blocks.Contains(name) || name == "hr" || HasBlockInside(children[i]))
            {
                return true;
            }
        }
        return false;
    }

    private static bool IsCentred(INode element, string name) =>
        name == "center"
        || string.Equals(AttributeOf(element, "align"), "center", StringComparison.OrdinalIgnoreCase)
        || (AttributeOf(element, "style") is { } style && CentredStyle().IsMatch(style))
        || (AttributeOf(element, "class") is { } classes && CentredClass().IsMatch(classes));

    private static void FlushInline(List<INode> inline, List<SourceLine> lines, bool centred)
    {
        // Whitespace between blocks is source formatting, not an empty paragraph.
        if (inline.Count > 0 && !inline.All(n => n is IText && string.IsNullOrWhiteSpace(TextContentOf(n))))
        {
            AddBlock(inline, lines, centred);
        }
        inline.Clear();
    }

    private static void AddBlock(IEnumerable<INode> nodes, List<SourceLine> lines, bool centred)
    {
        if (PlainText(nodes) is { } plain)
        {
            AddTextBlock(plain, lines, centred);
            return;
        }
        // A comment is neither markup to keep nor text: its words were read as story before.
        var html = string.Concat(nodes.Select(n => ElementName(n) is not null ? OuterHtmlOf(n) : n is IText ? WebUtility.HtmlEncode(TextContentOf(n)) : string.Empty));
        var empty = true;
        // Without "<br" there is no line break to split at, and most blocks have none.
        foreach (var part in html.Contains("<br", StringComparison.OrdinalIgnoreCase) ? LineBreak().Split(html) : [html])
        {
            var text = WebUtility.HtmlDecode(part.Contains('<') ? AnyTag().Replace(part, string.Empty) : part).Replace('\u00A0', ' ');
            text = CollapseWhitespace(text).Trim();
            if (text.Length == 0)
            {
                // An empty paragraph is how word processors space out a scene break.
                lines.Add(SourceLine.Blank);
                continue;
            }
            lines.Add(new SourceLine(text, CollapseWhitespace(part).Trim(), IsCentred: centred));
            empty = false;
        }
        if (!empty)
        {
            lines.Add(SourceLine.Blank);
        }
    }

    /// <summary>
    /// The text of a block that is only text nodes, which is nearly every paragraph; null when it holds an
    /// element, or a surrogate, which encoding would not give back unchanged.
    /// </summary>
    private static string? PlainText(IEnumerable<INode> nodes)
    {
        string? text = null;
        foreach (var node in nodes)
        {
            if (node is not IText)
            {
                return null;
            }
            text = text is null ? TextContentOf(node) : text + TextContentOf(node);
        }
        return text is not null && text.AsSpan().IndexOfAnyInRange('\uD800', '\uDFFF') < 0 ? text : null;
    }

    /// <summary>
    /// What <see cref="AddBlock"/> makes of plain text, without the trip through HTML: encoding leaves no tag
    /// to split at or take out, and decoding gives back the same text.
    /// </summary>
    private static void AddTextBlock(string text, List<SourceLine> lines, bool centred)
    {
        var trimmed = CollapseWhitespace(text.Replace('\u00A0', ' ')).Trim();
        if (trimmed.Length == 0)
        {
            lines.Add(SourceLine.Blank);
            return;
        }
        lines.Add(new SourceLine(trimmed, CollapseWhitespace(WebUtility.HtmlEncode(text)).Trim(), IsCentred: centred));
        lines.Add(SourceLine.Blank);
    }

    /// <summary>
    /// Each run of whitespace (as regex \s: <see cref="char.IsWhiteSpace(char)"/>) as one space. The same as
    /// replacing \s+ with " ", but a block whose whitespace is already single spaces, which is nearly all of
    /// them, comes back as it is instead of being rebuilt at every space.
    /// </summary>
    internal static string CollapseWhitespace(string s)
    {
        // Searched for at vector speed first: most lines have neither.
        if (s.AsSpan().IndexOfAny(WhitespaceButSpace) < 0 && !s.Contains("  ", StringComparison.Ordinal))
        {
            return s;
        }
        var i = 0;
        while (i < s.Length && !(char.IsWhiteSpace(s[i]) && (s[i] != ' ' || (i + 1 < s.Length && char.IsWhiteSpace(s[i + 1])))))
        {
            i++;
        }
        if (i == s.Length)
        {
            return s;
        }
        var collapsed = new StringBuilder(s.Length).Append(s, 0, i);
        var inWhitespace = false;
        for (; i < s.Length; i++)
        {
            if (char.IsWhiteSpace(s[i]))
            {
                if (!inWhitespace)
                {
                    collapsed.Append(' ');
                }
                inWhitespace = true;
            }
            else
            {
                collapsed.Append(s[i]);
                inWhitespace = false;
            }
        }
        return collapsed.ToString();
    }

    /// <summary>Recursion is safe here: it stops at <see cref="MaxDepth"/>.</summary>
    private static void CheckDepth(INode node, int depth)
    {
        if (depth > MaxDepth)
        {
            throw new ImportException($"The HTML is nested more than {MaxDepth} elements deep, which no story needs. Open it in a browser or editor and save it again.");
        }
        var children = node.ChildNodes;
        for (var i = 0; i < children.Length; i++)
        {
            CheckDepth(children[i], depth + 1);
        }
    }

    /// <summary>The element's local name, or null for a text node or a comment.</summary>
    private static string? ElementName(INode node) => (node as IElement)?.LocalName;

    private static string TextContentOf(INode node) => node.TextContent;

    private static string? AttributeOf(INode element, string name) => ((IElement)element).GetAttribute(name);

    /// <summary>
    /// The element's markup without what <see cref="Ignored"/> names: a &lt;style&gt; inside a paragraph's
    /// inline run would otherwise have its rules read as words of the story.
    /// </summary>
    private static string OuterHtmlOf(INode node)
    {
        var element = (IElement)node;
        if (Ignored.Contains(element.LocalName))
        {
            return string.Empty;
        }
        if (element.QuerySelector(IgnoredSelector) is null)
        {
            return element.OuterHtml;
        }
        var copy = (IElement)element.Clone(deep: true);
        foreach (var hidden in copy.QuerySelectorAll(IgnoredSelector).ToList())
        {
            hidden.Remove();
        }
        return copy.OuterHtml;
    }

    [GeneratedRegex(@"text-align\s*:\s*center", RegexOptions.IgnoreCase)]
    private static partial Regex CentredStyle();

    [GeneratedRegex(@"(?:^|\s)(?:center|centre|centered|centred|text-center)(?:\s|$)", RegexOptions.IgnoreCase)]
    private static partial Regex CentredClass();

    // Only a "<br>" that starts a tag: tag soup such as "<ix<br>" makes an element named "ix<br", which serializes
    // as "<ix<br>" and is no line break (text is encoded, so a raw "<" with no ">" after it opens a tag).
    [GeneratedRegex(@"(?<!<[^>]*)<br\s*/?>", RegexOptions.IgnoreCase)]
    private static partial Regex LineBreak();

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex AnyTag();

}
