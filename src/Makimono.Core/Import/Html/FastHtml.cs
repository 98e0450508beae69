using Makimono.Import.Structure;

namespace Makimono.Import.Html;

/// <summary>A document as <see cref="FastHtml"/> read it: the body's lines as <see cref="HtmlLines"/> gives them, the title as AngleSharp's Document.Title gives it, and &lt;html lang&gt;.</summary>
internal sealed record FastHtmlDocument(List<SourceLine> Lines, string Title, string? Language);

/// <summary>
/// Reads a plain story's HTML (paragraphs, divisions, headings, rules, line breaks, inline formatting,
/// comments, a head with title, meta, style and script) to the lines <see cref="HtmlLines"/> makes of
/// AngleSharp's DOM, without that DOM: it follows the standard's tree construction for exactly those elements,
/// keeping only the open elements and the body's child in progress. HTML where the standard would repair more
/// (tables, lists, forms, formatting carried across blocks, a tag in an odd place, an AO3 download) is
/// declined, and the caller parses it with AngleSharp. FastHtmlTests hold the two paths to the same lines.
/// </summary>
internal sealed partial class FastHtml
{
    private enum Mode { Initial, BeforeHtml, BeforeHead, InHead, AfterHead, InBody }

    private readonly HtmlStream stream;
    private readonly List<FastHtmlNode> open = [];
    private readonly List<FastHtmlNode> formatting = [];
    private Mode mode = Mode.Initial;
    private bool afterBody;
    private string? language;
    private string? title;
    private FastHtmlNode? body;

    /// <summary>The body's lines: each child of the body is walked as soon as it is finished, and let go.</summary>
    private HtmlLines.Walker<FastHtmlNode, FastHtmlNodes>? bodyLines;

    private readonly int expectedLines;

    private FastHtml(string html)
    {
        stream = new HtmlStream(html);
        // A story's paragraphs run to a few hundred characters; room for that many lines saves regrowing the list.
        expectedLines = html.Length / 128;
    }

    /// <summary>The document, or null when its HTML is not of the plain kind read here.</summary>
    public static FastHtmlDocument? Parse(string html) => TryParse(html, out var document, out _) ? document : null;

    /// <summary>As <see cref="Parse"/>, with what made it decline.</summary>
    public static bool TryParse(string html, out FastHtmlDocument? document, out string? declined)
    {
        try
        {
            HtmlStream.CheckCharacters(html);
            document = new FastHtml(html).Build();
            declined = null;
            return true;
        }
        catch (FastHtmlDeclined e)
        {
            document = null;
            declined = e.Message;
            return false;
        }
    }

    private FastHtmlDocument Build()
    {
        while (true)
        {
            var token = stream.Next();
            if (mode == Mode.InBody)
            {
                if (token == HtmlToken.End)
                {
                    break;
                }
                InBody(token);
            }
            else
            {
                BeforeBody(token);
                if (token == HtmlToken.End)
                {
                    break;
                }
            }
        }
        if (body!.Children is [var last])
        {
            bodyLines!.Add(last);
        }
        bodyLines!.Finish();
        return new FastHtmlDocument(bodyLines.Lines, TitleText(title ?? string.Empty), language);
    }

    /// <summary>Document.Title: the text with runs of whitespace as one space, and none at the ends.</summary>
    private static string TitleText(string text)
    {
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c) && c is not (' ' or '\t' or '\n' or '\f'))
            {
                throw new FastHtmlDeclined("a title with unusual whitespace");
            }
        }
        return string.Join(' ', text.Split([' ', '\t', '\n', '\f'], StringSplitOptions.RemoveEmptyEntries));
    }

    private void BeforeBody(HtmlToken token)
    {
        switch (token)
        {
            case HtmlToken.Text:
                var text = stream.Data.TrimStart([' ', '\t', '\n', '\f']);
                if (text.Length > 0)
                {
                    StartBody(null);
                    InsertText(text);
                }
                return;
            case HtmlToken.Comment:
                return;
            case HtmlToken.Doctype when mode == Mode.Initial:
                mode = Mode.BeforeHtml;
                return;
            case HtmlToken.StartTag:
                BeforeBodyStartTag(stream.Name);
                return;
            case HtmlToken.EndTag:
                BeforeBodyEndTag(stream.Name);
                return;
            case HtmlToken.End:
                StartBody(null);
                return;
            default:
                throw new FastHtmlDeclined("a doctype after the start");
        }
    }

    private void BeforeBodyStartTag(string name)
    {
        switch (name)
        {
            case "html" when mode <= Mode.BeforeHtml:
                language = Find(stream.Attributes, "lang");
                CheckId();
                mode = Mode.BeforeHead;
                return;
            case "head" when mode <= Mode.BeforeHead:
                CheckId();
                mode = Mode.InHead;
                return;
            case "body":
                StartBody(stream.Attributes);
                return;
            case "title":
                CheckId();
                var text = stream.ReadTitle();
                title ??= text;
                break;
            case "meta" or "link" or "base":
                CheckId();
                break;
            case "style" or "script":
                CheckId();
                stream.SkipRawText(name);
                break;
            case "html" or "head" or "noscript" or "template" or "frameset" or "noframes" or "basefont" or "bgsound":
                throw new FastHtmlDeclined($"<{name}> before the body");
            default:
                StartBody(null);
                InBody(HtmlToken.StartTag);
                return;
        }
        if (mode < Mode.InHead)
        {
            mode = Mode.InHead;
        }
    }

    private void BeforeBodyEndTag(string name)
    {
        switch (name)
        {
            case "head" when mode <= Mode.InHead:
                mode = Mode.AfterHead;
                return;
            case "body" or "html":
                StartBody(null);
                InBody(HtmlToken.EndTag);
                return;
            case "br":
                throw new FastHtmlDeclined("</br>");
            default:
                // Ignored by the standard; only the first mode moves on.
                mode = mode == Mode.Initial ? Mode.BeforeHtml : mode;
                return;
        }
    }

    private void StartBody(List<KeyValuePair<string, string>>? attributes)
    {
        body = new FastHtmlNode(FastHtmlNodeKind.Element, "body") { Attributes = attributes };
        bodyLines = new HtmlLines.Walker<FastHtmlNode, FastHtmlNodes>(new List<SourceLine>(expectedLines), centred: false);
        CheckId();
        open.Add(new FastHtmlNode(FastHtmlNodeKind.Element, "html"));
        open.Add(body);
        mode = Mode.InBody;
    }

    /// <summary>An AO3 download is read by <see cref="Ao3HtmlImport"/>, which needs AngleSharp's DOM.</summary>
    private void CheckId()
    {
        if (Find(stream.Attributes, "id") is { } id && (id.Contains("preface", StringComparison.OrdinalIgnoreCase) || id.Contains("chapters", StringComparison.OrdinalIgnoreCase)))
        {
            throw new FastHtmlDeclined("an AO3 download's ids");
        }
    }

    private static string? Find(List<KeyValuePair<string, string>>? attributes, string name)
    {
        if (attributes is not null)
        {
            foreach (var (key, value) in attributes)
            {
                if (key == name)
                {
                    return value;
                }
            }
        }
        return null;
    }
}
