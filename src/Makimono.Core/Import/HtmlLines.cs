using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Dom;

namespace Makimono.Import;

/// <summary>
/// Flattens HTML into the lines the recogniser reads: one line per block (and per &lt;br&gt; within it),
/// a blank line between blocks, a rule for each &lt;hr&gt;; inline markup such as italics is kept, and so is
/// whether a block was centred (&lt;center&gt;, align="center", text-align: center, a "center" class).
/// </summary>
internal static partial class HtmlLines
{
    public const int MaxDepth = 256;

    private static readonly HashSet<string> Blocks = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "pre", "section", "article", "center",
        "tr", "dd", "dt", "ul", "ol", "dl", "table", "tbody", "thead", "header", "footer", "main", "aside", "nav",
        "figure", "figcaption", "address", "body",
    };

    private static readonly HashSet<string> Ignored = new(StringComparer.OrdinalIgnoreCase)
    {
        "script", "style", "noscript", "template", "head", "title", "meta", "link",
    };

    public static List<SourceLine> From(INode root)
    {
        CheckDepth(root);
        var lines = new List<SourceLine>();
        Walk(root, lines, centred: false);
        return lines;
    }

    /// <summary>The whole text of an element, for checking that nothing was lost.</summary>
    public static string TextOf(INode root) => string.Join("\n", From(root).Select(l => l.Text));

    private static void Walk(INode node, List<SourceLine> lines, bool centred)
    {
        var inline = new List<INode>();
        foreach (var child in node.ChildNodes)
        {
            if (child is IElement e && Ignored.Contains(e.LocalName))
            {
                continue;
            }
            if (child is IElement { LocalName: "hr" })
            {
                FlushInline(inline, lines, centred);
                lines.Add(SourceLine.Rule);
            }
            else if (child is IElement element && Blocks.Contains(element.LocalName))
            {
                FlushInline(inline, lines, centred);
                var blockCentred = centred || IsCentred(element);
                if (HasBlockChild(element))
                {
                    Walk(element, lines, blockCentred);
                }
                else
                {
                    AddBlock(element.ChildNodes, lines, blockCentred);
                }
            }
            else if (child is IElement or IText)
            {
                inline.Add(child);
            }
        }
        FlushInline(inline, lines, centred);
    }

    private static bool HasBlockChild(IElement element)
    {
        // By index over the child nodes: AngleSharp's element collections search from the start at each index.
        var children = element.ChildNodes;
        for (var i = 0; i < children.Length; i++)
        {
            if (children[i] is IElement child && (Blocks.Contains(child.LocalName) || child.LocalName == "hr"))
            {
                return true;
            }
        }
        return false;
    }

    private static bool IsCentred(IElement element) =>
        element.LocalName == "center"
        || string.Equals(element.GetAttribute("align"), "center", StringComparison.OrdinalIgnoreCase)
        || (element.GetAttribute("style") is { } style && CentredStyle().IsMatch(style))
        || (element.ClassName is { } classes && CentredClass().IsMatch(classes));

    private static void FlushInline(List<INode> inline, List<SourceLine> lines, bool centred)
    {
        // Whitespace between blocks is source formatting, not an empty paragraph.
        if (inline.Count > 0 && !inline.All(n => n is IText && string.IsNullOrWhiteSpace(n.TextContent)))
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
        var html = string.Concat(nodes.Select(n => n is IElement e ? e.OuterHtml : WebUtility.HtmlEncode(n.TextContent)));
        var empty = true;
        // Without a '<' there is no tag to split at or take out, and most blocks are plain text.
        foreach (var part in html.Contains('<') ? LineBreak().Split(html) : [html])
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
            text = text is null ? node.TextContent : text + node.TextContent;
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
    private static string CollapseWhitespace(string s)
    {
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

    private static void CheckDepth(INode root) => CheckDepth(root, 0);

    /// <summary>Recursion is safe here: it stops at <see cref="MaxDepth"/>.</summary>
    private static void CheckDepth(INode node, int depth)
    {
        if (depth > MaxDepth)
        {
            throw new ImportException($"The HTML is nested more than {MaxDepth} elements deep, which no story needs. Open it in a browser or editor and save it again.");
        }
        // By index: AngleSharp finds a node's next sibling by searching its parent's children.
        var children = node.ChildNodes;
        for (var i = 0; i < children.Length; i++)
        {
            CheckDepth(children[i], depth + 1);
        }
    }

    [GeneratedRegex(@"text-align\s*:\s*center", RegexOptions.IgnoreCase)]
    private static partial Regex CentredStyle();

    [GeneratedRegex(@"(?:^|\s)(?:center|centre|centered|centred|text-center)(?:\s|$)", RegexOptions.IgnoreCase)]
    private static partial Regex CentredClass();

    [GeneratedRegex(@"<br\s*/?>", RegexOptions.IgnoreCase)]
    private static partial Regex LineBreak();

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex AnyTag();

}
