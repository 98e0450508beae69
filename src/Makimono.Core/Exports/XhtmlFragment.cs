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
            "center" => ("div", "center"),
            "big" => ("span", "big"),
            "tt" => ("code", null),
            "strike" => ("s", null),
            "acronym" => ("abbr", null),
            _ => (OutOfPlace(element) ?? source, null),
        };
        _out.Append('<').Append(name);
        WriteAttributes(element, name, baseUrl, addedClass);
        if (VoidElements.Contains(name))
        {
            _out.Append("/>");
            return;
        }
        _out.Append('>');
        WriteChildren(element, baseUrl, insideLink || name == "a");
        _out.Append("</").Append(name).Append('>');
    }

    /// <summary>What an element becomes where HTML does not allow it, or null where it belongs.</summary>
    private static string? OutOfPlace(IElement element)
    {
        var parent = element.ParentElement?.LocalName;
        return element.LocalName switch
        {
            "li" when parent is not ("ul" or "ol") => "div",
            "dt" or "dd" when parent is not "dl" => "div",
            "summary" when parent is not "details" || element.PreviousElementSibling is not null => "div",
            "figcaption" when parent is not "figure" || (element.PreviousElementSibling is not null && element.NextElementSibling is not null) => "div",
            "caption" when parent is not "table" || element.PreviousElementSibling is not null => "div",
            "rt" or "rp" when parent is not "ruby" => "span",
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
