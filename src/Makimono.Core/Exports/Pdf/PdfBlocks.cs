using System.Globalization;
using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Makimono.Text;

namespace Makimono.Exports.Pdf;

[Flags]
internal enum PdfStyle
{
    None = 0,
    Bold = 1,
    Italic = 2,
    Underline = 4,
    Strike = 8,
    Mono = 16,
    /// <summary>small, sub, sup and ruby text: a smaller size.</summary>
    Small = 32,
}

internal enum PdfAlign
{
    Left,
    Center,
    Right,
}

/// <summary>A stretch of text in one style; "\n" in it is a line break the author made.</summary>
internal sealed record PdfSpan(string Text, PdfStyle Style, string? Link = null);

internal enum PdfBlockKind
{
    Paragraph,
    Heading,
    /// <summary>A scene break, &lt;hr&gt;.</summary>
    Rule,
    /// <summary>pre: spaces and line breaks kept, in the monospaced face.</summary>
    Preformatted,
}

/// <summary>One block of a text: a paragraph, a heading, a list item (with its marker), a scene break.</summary>
internal sealed record PdfBlock(PdfBlockKind Kind, IReadOnlyList<PdfSpan> Spans, int Indent = 0, string? Marker = null,
    PdfAlign Align = PdfAlign.Left, int Level = 0);

/// <summary>
/// Sanitized HTML as blocks of styled text. Every word of the HTML is kept: an image becomes "[Image: alt]", a table
/// its cells in rows, ruby its annotation in brackets, as the plain text download has them.
/// </summary>
internal static class PdfBlocks
{
    private static readonly HtmlParserOptions ParserOptions = new() { DisableElementPositionTracking = true };

    private static readonly HashSet<string> BlockElements =
    [
        "p", "div", "center", "blockquote", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "dl", "dt", "dd",
        "pre", "table", "tr", "caption", "figure", "figcaption", "details", "summary", "address", "thead", "tbody", "tfoot",
    ];

    public static List<PdfBlock> FromHtml(string? html)
    {
        var blocks = new List<PdfBlock>();
        if (string.IsNullOrWhiteSpace(html))
        {
            return blocks;
        }
        var document = new HtmlParser(ParserOptions).ParseDocument("<!DOCTYPE html><html><head></head><body>" + html + "</body></html>");
        var builder = new Builder(blocks);
        builder.Walk(document.Body!, new Context(PdfStyle.None, 0, PdfAlign.Left, null, Pre: false));
        builder.Flush(new Context(PdfStyle.None, 0, PdfAlign.Left, null, Pre: false));
        return blocks;
    }

    private sealed record Context(PdfStyle Style, int Indent, PdfAlign Align, string? Link, bool Pre);

    private sealed class Builder(List<PdfBlock> blocks)
    {
        private readonly List<PdfSpan> _spans = [];
        private string? _marker;
        private PdfBlockKind _kind = PdfBlockKind.Paragraph;
        private int _level;

        public void Walk(INode node, Context context)
        {
            foreach (var child in node.ChildNodes)
            {
                switch (child)
                {
                    case IText text:
                        // A tab has no glyph: in pre it is set as four spaces.
                        Add(context.Pre ? text.Data.Replace("\t", "    ", StringComparison.Ordinal).Replace("\r", "", StringComparison.Ordinal) : HtmlWhitespace.Collapse(text.Data), context);
                        break;
                    case IElement { LocalName: "br" }:
                        Add("\n", context);
                        break;
                    case IElement { LocalName: "hr" }:
                        Flush(context);
                        blocks.Add(new PdfBlock(PdfBlockKind.Rule, [], context.Indent));
                        break;
                    case IElement { LocalName: "img" } image:
                        // Images are not fetched: the PDF must not depend on another site; their description stays.
                        Add(image.GetAttribute("alt") is { Length: > 0 } alt ? $"[Image: {alt}]" : "[Image]", context with { Style = context.Style | PdfStyle.Italic });
                        break;
                    case IElement { LocalName: "td" or "th" } cell:
                        Walk(cell, cell.LocalName == "th" ? context with { Style = context.Style | PdfStyle.Bold } : context);
                        Add("   ", context with { Pre = true });
                        break;
                    case IElement element when BlockElements.Contains(element.LocalName):
                        Block(element, context);
                        break;
                    case IElement element:
                        Inline(element, context);
                        break;
                }
            }
        }

        private void Inline(IElement element, Context context)
        {
            var style = context.Style | element.LocalName switch
            {
                "b" or "strong" => PdfStyle.Bold,
                "i" or "em" or "cite" or "dfn" or "var" => PdfStyle.Italic,
                "u" or "ins" => PdfStyle.Underline,
                "s" or "strike" or "del" => PdfStyle.Strike,
                "code" or "kbd" or "samp" or "tt" => PdfStyle.Mono,
                "small" or "sub" or "sup" or "rt" => PdfStyle.Small,
                _ => PdfStyle.None,
            };
            var link = element.LocalName == "a" && element.GetAttribute("href") is { } href
                && (href.StartsWith("https://", StringComparison.OrdinalIgnoreCase) || href.StartsWith("http://", StringComparison.OrdinalIgnoreCase))
                ? href : context.Link;
            var inner = context with { Style = style, Link = link };
            if (element.LocalName == "q")
            {
                Add("“", inner);
                Walk(element, inner);
                Add("”", inner);
                return;
            }
            Walk(element, inner);
        }

        private void Block(IElement element, Context context)
        {
            Flush(context);
            var name = element.LocalName;
            var align = (element.GetAttribute("align")?.ToLowerInvariant(), name) switch
            {
                (_, "center") or ("center", _) => PdfAlign.Center,
                ("right", _) => PdfAlign.Right,
                ("left", _) => PdfAlign.Left,
                _ => context.Align,
            };
            var inner = context with
            {
                Indent = context.Indent + (name is "blockquote" or "dd" or "ul" or "ol" ? 1 : 0),
                Align = align,
                Pre = context.Pre || name == "pre",
                Style = context.Style | name switch
                {
                    "dt" or "summary" or "caption" => PdfStyle.Bold,
                    "address" or "figcaption" => PdfStyle.Italic,
                    "pre" => PdfStyle.Mono,
                    _ => PdfStyle.None,
                },
            };
            if (name is ['h', >= '1' and <= '6'])
            {
                _kind = PdfBlockKind.Heading;
                _level = name[1] - '0';
            }
            else if (name == "pre")
            {
                _kind = PdfBlockKind.Preformatted;
            }
            else if (name == "li")
            {
                _marker = element.ParentElement?.LocalName == "ol" ? ListNumber(element) + "." : "•";
            }
            Walk(element, inner);
            Flush(inner);
        }

        private void Add(string text, Context context)
        {
            if (text.Length > 0)
            {
                _spans.Add(new PdfSpan(text, context.Style, context.Link));
            }
        }

        public void Flush(Context context)
        {
            var kind = _kind;
            var level = _level;
            var marker = _marker;
            _kind = PdfBlockKind.Paragraph;
            _level = 0;
            if (_spans.All(s => string.IsNullOrWhiteSpace(s.Text)))
            {
                _spans.Clear();
                return;
            }
            _marker = null;
            blocks.Add(new PdfBlock(kind, [.. _spans], context.Indent, marker, context.Align, level));
            _spans.Clear();
        }
    }

    /// <summary>The item's number as its list's type has it: 3, c, C, iii or III.</summary>
    private static string ListNumber(IElement item)
    {
        var list = item.ParentElement!;
        var start = int.TryParse(list.GetAttribute("start"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var s) ? s : 1;
        var number = start + list.Children.Where(c => c.LocalName == "li").ToList().IndexOf(item);
        return (list.GetAttribute("type"), number) switch
        {
            ("a", >= 1 and <= 26) => ((char)('a' + number - 1)).ToString(),
            ("A", >= 1 and <= 26) => ((char)('A' + number - 1)).ToString(),
            ("i", >= 1 and < 4000) => Roman(number).ToLowerInvariant(),
            ("I", >= 1 and < 4000) => Roman(number),
            _ => number.ToString(CultureInfo.InvariantCulture),
        };
    }

    private static string Roman(int number)
    {
        var roman = new StringBuilder();
        foreach (var (value, letters) in new[] { (1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I") })
        {
            for (; number >= value; number -= value)
            {
                roman.Append(letters);
            }
        }
        return roman.ToString();
    }
}
