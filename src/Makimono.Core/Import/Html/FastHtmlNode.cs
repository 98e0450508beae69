using System.Buffers;
using System.Text;

namespace Makimono.Import.Html;

internal enum FastHtmlNodeKind { Element, Text, Comment }

/// <summary>An element, text or comment of the tree <see cref="FastHtml"/> builds: only what <see cref="HtmlLines"/> reads.</summary>
internal sealed class FastHtmlNode(FastHtmlNodeKind kind, string name, string text = "")
{
    public FastHtmlNodeKind Kind { get; } = kind;

    /// <summary>The element's lower-case name; empty for text and comments.</summary>
    public string Name { get; } = name;

    /// <summary>A text node's text or a comment's data; text next to text is joined, as the standard does.</summary>
    public string Text { get; set; } = text;

    public List<KeyValuePair<string, string>>? Attributes { get; init; }

    public List<FastHtmlNode>? Children { get; private set; }

    public void Append(FastHtmlNode child) => (Children ??= []).Add(child);

    public string? Attribute(string attribute)
    {
        if (Attributes is not null)
        {
            foreach (var (key, value) in Attributes)
            {
                if (key == attribute)
                {
                    return value;
                }
            }
        }
        return null;
    }
}

/// <summary>The tree of <see cref="FastHtml"/> as <see cref="HtmlLines"/> reads it, serialised as AngleSharp serialises its DOM.</summary>
internal readonly struct FastHtmlNodes : IHtmlNodes<FastHtmlNode>
{
    private static readonly HashSet<string> VoidElements = ["area", "base", "br", "col", "embed", "hr", "img", "input", "keygen", "link", "meta", "param", "source", "track", "wbr"];

    public static IReadOnlyList<FastHtmlNode> Children(FastHtmlNode node) => node.Children ?? (IReadOnlyList<FastHtmlNode>)[];

    public static string? ElementName(FastHtmlNode node) => node.Kind == FastHtmlNodeKind.Element ? node.Name : null;

    public static bool IsText(FastHtmlNode node) => node.Kind == FastHtmlNodeKind.Text;

    public static string TextContent(FastHtmlNode node) => node.Text;

    public static string? Attribute(FastHtmlNode element, string name) => element.Attribute(name);

    /// <summary>One builder per thread, reused: an italic paragraph would otherwise grow a new one chunk by chunk.</summary>
    [ThreadStatic]
    private static StringBuilder? builder;

    public static string OuterHtml(FastHtmlNode element)
    {
        var html = builder ??= new StringBuilder(1024);
        html.Clear();
        Serialise(element, html);
        var serialised = html.ToString();
        if (html.Capacity > 64 * 1024)
        {
            builder = null;
        }
        return serialised;
    }

    private static void Serialise(FastHtmlNode node, StringBuilder html)
    {
        switch (node.Kind)
        {
            case FastHtmlNodeKind.Text:
                Escape(node.Text, html, inAttribute: false);
                return;
            case FastHtmlNodeKind.Comment:
                html.Append("<!--").Append(node.Text).Append("-->");
                return;
        }
        html.Append('<').Append(node.Name);
        if (node.Attributes is not null)
        {
            foreach (var (name, value) in node.Attributes)
            {
                html.Append(' ').Append(name).Append("=\"");
                Escape(value, html, inAttribute: true);
                html.Append('"');
            }
        }
        html.Append('>');
        if (VoidElements.Contains(node.Name))
        {
            return;
        }
        if (node.Children is not null)
        {
            foreach (var child in node.Children)
            {
                Serialise(child, html);
            }
        }
        html.Append("</").Append(node.Name).Append('>');
    }

    private static readonly SearchValues<char> TextEscapes = SearchValues.Create("&\u00A0<>");
    private static readonly SearchValues<char> AttributeEscapes = SearchValues.Create("&\u00A0\"");

    /// <summary>The standard's serialisation escapes: '&amp;' and no-break space always; '"' in attributes, '&lt;' and '&gt;' in text.</summary>
    private static void Escape(string text, StringBuilder html, bool inAttribute)
    {
        var rest = text.AsSpan();
        for (var next = rest.IndexOfAny(inAttribute ? AttributeEscapes : TextEscapes); next >= 0; next = rest.IndexOfAny(inAttribute ? AttributeEscapes : TextEscapes))
        {
            html.Append(rest[..next]).Append(rest[next] switch
            {
                '&' => "&amp;",
                '\u00A0' => "&nbsp;",
                '"' => "&quot;",
                '<' => "&lt;",
                _ => "&gt;",
            });
            rest = rest[(next + 1)..];
        }
        html.Append(rest);
    }
}
