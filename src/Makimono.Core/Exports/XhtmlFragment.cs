using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace Makimono.Exports;

/// <summary>
/// Stored, sanitized HTML written out as well-formed XHTML that is also valid HTML5, as EPUB 3 requires: AO3's
/// obsolete elements (center, big, tt, strike, acronym) and attributes (align, a name, widths) become their modern
/// forms or classes, relative links become absolute so they still lead to the archive, and elements out of their
/// place (an li outside a list) become plain blocks rather than invalid markup.
/// </summary>
public sealed partial class XhtmlFragment
{
    private static readonly HtmlParserOptions ParserOptions = new() { DisableElementPositionTracking = true };

    private static readonly HashSet<string> VoidElements = ["br", "hr", "img", "col"];

    private static readonly HashSet<string> KnownElements =
    [
        "a", "abbr", "address", "b", "blockquote", "br", "caption", "cite", "code", "col", "colgroup", "details",
        "figcaption", "figure", "dd", "del", "dfn", "div", "dl", "dt", "em", "h1", "h2", "h3", "h4", "h5", "h6", "hr",
        "i", "img", "ins", "kbd", "li", "ol", "p", "pre", "q", "rp", "rt", "ruby", "s", "samp", "small", "span",
        "strong", "sub", "summary", "sup", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "u", "ul", "var",
    ];

    private readonly StringBuilder _out;
    private readonly HashSet<string> _ids;
    private readonly bool _imagesAsLinks;

    /// <param name="ids">The ids already used in the document, so that anchors from several texts never clash.</param>
    /// <param name="imagesAsLinks">
    /// EPUB 3 lets a book load only audio, video and fonts from the web, so an image hosted elsewhere becomes a link to
    /// it; fetching it into the book would make the archive request any address an author typed, on every download.
    /// </param>
    public XhtmlFragment(StringBuilder output, HashSet<string> ids, bool imagesAsLinks)
    {
        _out = output;
        _ids = ids;
        _imagesAsLinks = imagesAsLinks;
    }

    /// <summary>Appends <paramref name="html"/>; relative links are resolved against <paramref name="baseUrl"/>.</summary>
    public void Append(string? html, Uri baseUrl)
    {
        if (string.IsNullOrWhiteSpace(html))
        {
            return;
        }
        var document = new HtmlParser(ParserOptions).ParseDocument("<!DOCTYPE html><html><head></head><body>" + html + "</body></html>");
        foreach (var node in document.Body!.ChildNodes)
        {
            Write(node, baseUrl, insideLink: false);
        }
    }

    /// <summary>Text escaped for XML content and attributes, without the characters XML forbids.</summary>
    public static string Escape(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }
        var builder = new StringBuilder(text.Length + 16);
        AppendEscaped(builder, text);
        return builder.ToString();
    }

    public static void AppendEscaped(StringBuilder builder, string text)
    {
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            string? replacement = c switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&quot;",
                _ when c < ' ' && c is not ('\n' or '\t' or '\r') => string.Empty,
                '\uFFFE' or '\uFFFF' => string.Empty,
                _ when char.IsSurrogate(c) && !IsPaired(text, i) => string.Empty,
                _ => null,
            };
            if (replacement is null)
            {
                continue;
            }
            builder.Append(text, start, i - start).Append(replacement);
            start = i + 1;
        }
        builder.Append(text, start, text.Length - start);
    }

    private static bool IsPaired(string text, int i) => char.IsHighSurrogate(text[i])
        ? i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])
        : i > 0 && char.IsHighSurrogate(text[i - 1]);

    private void Write(INode node, Uri baseUrl, bool insideLink)
    {
        switch (node)
        {
            case IText text:
                AppendEscaped(_out, text.Data);
                break;
            case IElement element:
                WriteElement(element, baseUrl, insideLink);
                break;
        }
    }

    private void WriteChildren(IElement element, Uri baseUrl, bool insideLink)
    {
        foreach (var child in element.ChildNodes)
        {
            Write(child, baseUrl, insideLink);
        }
    }

    /// <summary>A list's children, with whatever is not an item (text, a division) put into one.</summary>
    private void WriteListItems(IElement list, Uri baseUrl, bool insideLink)
    {
        var open = false;
        foreach (var child in list.ChildNodes)
        {
            var isItem = child is IElement { LocalName: "li" };
            if (!isItem && !open && child is IText text && string.IsNullOrWhiteSpace(text.Data))
            {
                Write(child, baseUrl, insideLink);
                continue;
            }
            if (isItem && open)
            {
                _out.Append("</li>");
                open = false;
            }
            else if (!isItem && !open)
            {
                _out.Append("<li>");
                open = true;
            }
            Write(child, baseUrl, insideLink);
        }
        if (open)
        {
            _out.Append("</li>");
        }
    }

    /// <summary>
    /// A table's parts in the order HTML requires (caption, column groups, head, bodies, foot), which is where browsers
    /// show them whatever the typed order; a second caption, head or foot becomes a body.
    /// </summary>
    private void WriteTableParts(IElement table, Uri baseUrl, bool insideLink)
    {
        var parts = table.Children.ToList();
        var caption = parts.FirstOrDefault(p => p.LocalName == "caption");
        var head = parts.FirstOrDefault(p => p.LocalName == "thead");
        var foot = parts.FirstOrDefault(p => p.LocalName == "tfoot");
        var ordered = new List<IElement>();
        if (caption is not null)
        {
            ordered.Add(caption);
        }
        ordered.AddRange(parts.Where(p => p.LocalName == "colgroup"));
        if (head is not null)
        {
            ordered.Add(head);
        }
        ordered.AddRange(parts.Where(p => p != caption && p != head && p != foot && p.LocalName != "colgroup"));
        if (foot is not null)
        {
            ordered.Add(foot);
        }
        foreach (var part in ordered)
        {
            if (part == caption || part == head || part == foot || part.LocalName is "colgroup" or "tbody" or "tr")
            {
                Write(part, baseUrl, insideLink);
                continue;
            }
            // A second caption, head or foot: its rows (or its content, in one cell) in a body of their own.
            _out.Append("<tbody>");
            if (part.LocalName == "caption")
            {
                _out.Append("<tr><td>");
                WriteChildren(part, baseUrl, insideLink);
                _out.Append("</td></tr>");
            }
            else
            {
                WriteChildren(part, baseUrl, insideLink);
            }
            _out.Append("</tbody>");
        }
    }

    /// <summary>A figure's one caption, first or last in it.</summary>
    private static bool IsFigureCaption(IElement caption)
    {
        var nodes = Significant(caption.ParentElement!).ToList();
        return (nodes[0] == caption || nodes[^1] == caption) && caption.ParentElement!.Children.First(c => c.LocalName == "figcaption") == caption;
    }

    /// <summary>The element's children other than whitespace.</summary>
    private static IEnumerable<INode> Significant(IElement element) =>
        element.ChildNodes.Where(n => n is IElement || (n is IText t && !string.IsNullOrWhiteSpace(t.Data)));

    /// <summary>A details element opens with its summary, which holds no block.</summary>
    private static bool IsValidDetails(IElement details) =>
        Significant(details).FirstOrDefault() is IElement { LocalName: "summary" } summary && !HasBlockInside(summary);

    /// <summary>A description list is groups of terms, each followed by its descriptions.</summary>
    private static bool IsValidDescriptionList(IElement list)
    {
        var previous = "";
        foreach (var node in Significant(list))
        {
            if (node is not IElement { LocalName: "dt" or "dd" } item || (item.LocalName == "dd" && previous == ""))
            {
                return false;
            }
            previous = item.LocalName;
        }
        return previous is "" or "dd";
    }

    /// <summary>
    /// Ruby as HTML has it: groups of base text each followed by its rt, or by rp, rt, rp; nothing after the last.
    /// </summary>
    private static bool IsValidRuby(IElement ruby)
    {
        if (HasBlockInside(ruby))
        {
            return false;
        }
        var nodes = Significant(ruby).ToList();
        static bool Is(INode node, string name) => node is IElement e && e.LocalName == name;
        var hasBase = false;
        var annotated = false;
        for (var i = 0; i < nodes.Count; i++)
        {
            if (Is(nodes[i], "rt") && hasBase)
            {
                (hasBase, annotated) = (false, true);
            }
            else if (Is(nodes[i], "rp") && hasBase && i + 2 < nodes.Count && Is(nodes[i + 1], "rt") && Is(nodes[i + 2], "rp"))
            {
                (hasBase, annotated) = (false, true);
                i += 2;
            }
            else if (!Is(nodes[i], "rt") && !Is(nodes[i], "rp") && !Is(nodes[i], "ruby"))
            {
                hasBase = true;
            }
            else
            {
                return false;
            }
        }
        return annotated && !hasBase;
    }

    private void WriteElement(IElement element, Uri baseUrl, bool insideLink)
    {
        var source = element.LocalName;
        if (!KnownElements.Contains(source) && source is not ("center" or "big" or "tt" or "strike" or "acronym"))
        {
            // The sanitizer lets nothing else through; if something does, its text is kept and its markup is not.
            WriteChildren(element, baseUrl, insideLink);
            return;
        }
        if (source == "img")
        {
            WriteImage(element, baseUrl, insideLink);
            return;
        }
        var (name, addedClass) = source switch
        {
            "details" when !IsValidDetails(element) => ("div", "details"),
            "dl" when !IsValidDescriptionList(element) => ("div", "dl"),
            "ruby" when !IsValidRuby(element) => ("span", null),
            "dfn" when element.ParentElement?.Closest("dfn") is not null => ("span", "dfn"),
            // Contact details hold neither headings nor other contact details.
            "address" when element.QuerySelector("address, h1, h2, h3, h4, h5, h6") is not null => ("div", "address"),
            "center" => ("div", "center"),
            "big" => ("span", "big"),
            "tt" => ("code", null),
            "strike" => ("s", null),
            "acronym" => ("abbr", null),
            _ => (OutOfPlace(element) ?? source, null),
        };
        if (PhrasingOnly.Contains(name) && HasBlockInside(element))
        {
            // HTML parsers keep a block typed inside an inline element (<em><p>…</p></em>), which XHTML does not allow:
            // a paragraph, heading or pre becomes a division that keeps its name as a class, an inline element lets
            // its content stand without it.
            if (name is not ("p" or "pre" or "h1" or "h2" or "h3" or "h4" or "h5" or "h6"))
            {
                WriteChildren(element, baseUrl, insideLink);
                return;
            }
            (name, addedClass) = ("div", name);
        }
        _out.Append('<').Append(name);
        WriteAttributes(element, name, baseUrl, addedClass);
        if (VoidElements.Contains(name))
        {
            _out.Append("/>");
            return;
        }
        _out.Append('>');
        if (name is "ul" or "ol")
        {
            WriteListItems(element, baseUrl, insideLink);
        }
        else if (name == "table")
        {
            WriteTableParts(element, baseUrl, insideLink);
        }
        else
        {
            WriteChildren(element, baseUrl, insideLink || name == "a");
        }
        _out.Append("</").Append(name).Append('>');
    }

    /// <summary>Elements that may hold only text and inline elements.</summary>
    private static readonly HashSet<string> PhrasingOnly =
    [
        "p", "pre", "h1", "h2", "h3", "h4", "h5", "h6", "abbr", "b", "cite", "code", "dfn", "em", "i", "kbd", "q", "rp", "rt",
        "ruby", "s", "samp", "small", "span", "strong", "sub", "sup", "u", "var",
    ];

    private static readonly HashSet<string> BlockElements =
    [
        "address", "blockquote", "caption", "center", "dd", "details", "div", "dl", "dt", "figcaption", "figure", "h1", "h2",
        "h3", "h4", "h5", "h6", "hr", "li", "ol", "p", "pre", "summary", "table", "ul",
    ];

    private static bool HasBlockInside(IElement element)
    {
        foreach (var child in element.Children)
        {
            if (BlockElements.Contains(child.LocalName) || HasBlockInside(child))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>What an element becomes where HTML does not allow it, or null where it belongs.</summary>
    private static string? OutOfPlace(IElement element)
    {
        var parent = element.ParentElement?.LocalName;
        return element.LocalName switch
        {
            "li" when parent is not ("ul" or "ol") => "div",
            "dt" or "dd" when parent is not "dl" || !IsValidDescriptionList(element.ParentElement!) => "div",
            "summary" when parent is not "details" || !IsValidDetails(element.ParentElement!) || Significant(element.ParentElement!).First() != element => "div",
            "figcaption" when parent is not "figure" || !IsFigureCaption(element) => "div",
            "caption" when parent is not "table" => "div",
            "rt" or "rp" when parent is not "ruby" || !IsValidRuby(element.ParentElement!) => "span",
            _ => null,
        };
    }

    private void WriteImage(IElement image, Uri baseUrl, bool insideLink)
    {
        var alt = image.GetAttribute("alt")?.Trim();
        var label = string.IsNullOrEmpty(alt) ? "[Image]" : $"[Image: {alt}]";
        var src = AbsoluteUrl(image.GetAttribute("src"), baseUrl);
        if (src is null)
        {
            AppendEscaped(_out, label);
            return;
        }
        if (!_imagesAsLinks)
        {
            _out.Append("<img src=\"");
            AppendEscaped(_out, src);
            _out.Append("\" alt=\"");
            AppendEscaped(_out, alt ?? string.Empty);
            _out.Append('"');
            foreach (var size in new[] { "width", "height" })
            {
                if (image.GetAttribute(size) is { } value && PositiveInteger().IsMatch(value))
                {
                    _out.Append(' ').Append(size).Append("=\"").Append(value).Append('"');
                }
            }
            _out.Append("/>");
            return;
        }
        if (insideLink)
        {
            AppendEscaped(_out, label);
            return;
        }
        _out.Append("<a class=\"image-link\" href=\"");
        AppendEscaped(_out, src);
        _out.Append("\">");
        AppendEscaped(_out, label);
        _out.Append("</a>");
    }

    private void WriteAttributes(IElement element, string name, Uri baseUrl, string? addedClass)
    {
        var classes = new List<string>();
        if (addedClass is not null)
        {
            classes.Add(addedClass);
        }
        foreach (var attribute in element.Attributes)
        {
            var value = attribute.Value;
            switch (attribute.LocalName)
            {
                case "class":
                    classes.AddRange(value.Split(' ', StringSplitOptions.RemoveEmptyEntries));
                    break;
                case "align" when value.Trim().ToLowerInvariant() is "left" or "right" or "center" or "justify":
                    classes.Add("align-" + value.Trim().ToLowerInvariant());
                    break;
                case "href" when name == "a":
                case "cite" when name is "blockquote" or "q" or "del" or "ins":
                    if (AbsoluteUrl(value, baseUrl) is { } url)
                    {
                        WriteAttribute(attribute.LocalName, url);
                    }
                    break;
                case "rel" when name == "a":
                    WriteAttribute("rel", "nofollow");
                    break;
                case "name" when name == "a":
                case "id":
                    if (XmlName().IsMatch(value) && _ids.Add(value))
                    {
                        WriteAttribute("id", value);
                    }
                    break;
                case "title":
                    WriteAttribute("title", value);
                    break;
                case "lang" when LanguageTag().IsMatch(value):
                    WriteAttribute("lang", value);
                    break;
                case "dir" when value.Trim().ToLowerInvariant() is "ltr" or "rtl" or "auto":
                    WriteAttribute("dir", value.Trim().ToLowerInvariant());
                    break;
                case "colspan" or "rowspan" when name is "td" or "th" && PositiveInteger().IsMatch(value):
                case "span" when name is "col" or "colgroup" && PositiveInteger().IsMatch(value):
                case "start" when name == "ol" && Integer().IsMatch(value):
                    WriteAttribute(attribute.LocalName, value.Trim());
                    break;
                case "type" when name == "ol" && value.Trim() is "1" or "a" or "A" or "i" or "I":
                    WriteAttribute("type", value.Trim());
                    break;
                case "datetime" when name is "del" or "ins" && DateTimeValue().IsMatch(value):
                    WriteAttribute("datetime", value.Trim());
                    break;
            }
        }
        if (classes.Count > 0)
        {
            WriteAttribute("class", string.Join(' ', classes.Distinct()));
        }
    }

    private void WriteAttribute(string name, string value)
    {
        _out.Append(' ').Append(name).Append("=\"");
        AppendEscaped(_out, value);
        _out.Append('"');
    }

    /// <summary>An http, https or mailto address, made absolute; null for anything a book could not follow.</summary>
    public static string? AbsoluteUrl(string? value, Uri baseUrl)
    {
        if (string.IsNullOrWhiteSpace(value) || !Uri.TryCreate(baseUrl, value.Trim(), out var url))
        {
            return null;
        }
        return url.Scheme is "http" or "https" or "mailto" ? url.AbsoluteUri : null;
    }

    [GeneratedRegex(@"^\s*[1-9][0-9]{0,5}\s*$")]
    private static partial Regex PositiveInteger();

    [GeneratedRegex(@"^\s*-?[0-9]{1,9}\s*$")]
    private static partial Regex Integer();

    [GeneratedRegex(@"^[A-Za-z_][A-Za-z0-9_.-]{0,100}$")]
    private static partial Regex XmlName();

    [GeneratedRegex(@"^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$")]
    private static partial Regex LanguageTag();

    [GeneratedRegex(@"^\s*\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?)?\s*$")]
    private static partial Regex DateTimeValue();
}
