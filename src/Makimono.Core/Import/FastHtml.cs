namespace Makimono.Import;

/// <summary>A document as <see cref="FastHtml"/> read it: the body, the title as AngleSharp's Document.Title gives it, and &lt;html lang&gt;.</summary>
internal sealed record FastHtmlDocument(FastHtmlNode Body, string Title, string? Language);

/// <summary>
/// Builds the tree of a plain story's HTML (paragraphs, divisions, headings, rules, line breaks, inline
/// formatting, comments, a head with title, meta, style and script) without AngleSharp's DOM, following the
/// standard's tree construction for exactly those elements; the tree it gives is the one AngleSharp builds.
/// HTML where the standard would repair more (tables, lists, forms, formatting carried across blocks, a tag
/// in an odd place, an AO3 download) is declined, and the caller parses it with AngleSharp.
/// </summary>
internal sealed class FastHtml
{
    /// <summary>Deeper than any story's markup, and well inside <see cref="HtmlLines.MaxDepth"/>.</summary>
    private const int MaxDepth = 100;

    /// <summary>The starts of these close an open paragraph.</summary>
    private static readonly HashSet<string> Blocks =
        ["p", "div", "blockquote", "center", "section", "article", "aside", "header", "footer", "main", "nav", "figure", "figcaption", "address"];

    private static readonly HashSet<string> Headings = ["h1", "h2", "h3", "h4", "h5", "h6"];

    /// <summary>Formatting elements, which the standard reopens in the next block when they are left open.</summary>
    private static readonly HashSet<string> Formatting = ["a", "b", "big", "code", "em", "font", "i", "s", "small", "strike", "strong", "tt", "u"];

    /// <summary>Inline elements the standard has no rule for; also any name with ':' or '-' (Word's o:p, custom elements).</summary>
    private static readonly HashSet<string> OrdinaryInline =
        ["span", "sup", "sub", "abbr", "acronym", "cite", "q", "dfn", "kbd", "samp", "var", "mark", "ins", "del", "bdi", "bdo", "time", "data"];

    private static readonly HashSet<string> VoidInline = ["br", "img", "wbr"];

    /// <summary>The standard's "special" elements, at which an end tag for an inline element stops looking.</summary>
    private static readonly HashSet<string> Special =
    [
        "address", "applet", "area", "article", "aside", "base", "basefont", "bgsound", "blockquote", "body", "br", "button",
        "caption", "center", "col", "colgroup", "dd", "details", "dir", "div", "dl", "dt", "embed", "fieldset", "figcaption",
        "figure", "footer", "form", "frame", "frameset", "h1", "h2", "h3", "h4", "h5", "h6", "head", "header", "hgroup", "hr",
        "html", "iframe", "img", "input", "keygen", "li", "link", "listing", "main", "marquee", "menu", "meta", "nav", "noembed",
        "noframes", "noscript", "object", "ol", "p", "param", "plaintext", "pre", "script", "search", "section", "select",
        "source", "style", "summary", "table", "tbody", "td", "template", "textarea", "tfoot", "th", "thead", "title", "tr",
        "track", "ul", "wbr", "xmp",
    ];

    private enum Mode { Initial, BeforeHtml, BeforeHead, InHead, AfterHead, InBody }

    private readonly HtmlStream stream;
    private readonly List<FastHtmlNode> open = [];
    private readonly List<FastHtmlNode> formatting = [];
    private Mode mode = Mode.Initial;
    private bool afterBody;
    private string? language;
    private string? title;

    private FastHtml(string html) => stream = new HtmlStream(html);

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
        return new FastHtmlDocument(open[1], TitleText(title ?? string.Empty), language);
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
        var body = new FastHtmlNode(FastHtmlNodeKind.Element, "body") { Attributes = attributes };
        CheckId();
        open.Add(new FastHtmlNode(FastHtmlNodeKind.Element, "html"));
        open.Add(body);
        mode = Mode.InBody;
    }

    private void InBody(HtmlToken token)
    {
        switch (token)
        {
            case HtmlToken.Text:
                ReopenFormatting();
                InsertText(stream.Data);
                return;
            case HtmlToken.Comment when !afterBody:
                // AngleSharp puts a comment after </body> in the body, where the standard puts it after; declined.
                Current.Append(new FastHtmlNode(FastHtmlNodeKind.Comment, string.Empty, stream.Data));
                return;
            case HtmlToken.StartTag:
                CheckId();
                StartTag(stream.Name);
                return;
            case HtmlToken.EndTag:
                EndTag(stream.Name);
                return;
            default:
                throw new FastHtmlDeclined($"a {token} in or after the body");
        }
    }

    private FastHtmlNode Current => open[^1];

    private void StartTag(string name)
    {
        if (Blocks.Contains(name))
        {
            CloseParagraph();
            Insert(name, stream.Attributes);
        }
        else if (Headings.Contains(name))
        {
            CloseParagraph();
            if (Headings.Contains(Current.Name))
            {
                open.RemoveAt(open.Count - 1);
            }
            Insert(name, stream.Attributes);
        }
        else if (name == "hr")
        {
            CloseParagraph();
            Current.Append(NewElement(name, stream.Attributes));
        }
        else if (VoidInline.Contains(name))
        {
            ReopenFormatting();
            Current.Append(NewElement(name, stream.Attributes));
        }
        else if (Formatting.Contains(name))
        {
            // A second <a> closes the first through the adoption agency; a fourth of a kind drops the first.
            if ((name == "a" && Count(formatting, "a") > 0) || Count(formatting, name) >= 3)
            {
                throw new FastHtmlDeclined($"<{name}> inside an open <{name}>");
            }
            ReopenFormatting();
            formatting.Add(Insert(name, stream.Attributes));
        }
        else if (OrdinaryInline.Contains(name) || name.AsSpan().ContainsAny(':', '-'))
        {
            ReopenFormatting();
            Insert(name, stream.Attributes);
        }
        else
        {
            throw new FastHtmlDeclined($"<{name}>, which the standard builds specially or which is not read here");
        }
    }

    private void EndTag(string name)
    {
        if (name is "body" or "html")
        {
            afterBody = true;
        }
        else if (name == "p")
        {
            if (!IsOpen("p"))
            {
                // The standard makes an empty paragraph of a stray </p>.
                Insert("p", null);
            }
            PopThrough(e => e.Name == "p");
        }
        else if (Blocks.Contains(name))
        {
            if (IsOpen(name))
            {
                CloseImpliedParagraphs();
                PopThrough(e => e.Name == name);
            }
        }
        else if (Headings.Contains(name))
        {
            if (open.Exists(e => Headings.Contains(e.Name)))
            {
                CloseImpliedParagraphs();
                PopThrough(e => Headings.Contains(e.Name));
            }
        }
        else if (Formatting.Contains(name))
        {
            EndFormatting(name);
        }
        else if (OrdinaryInline.Contains(name) || name.AsSpan().ContainsAny(':', '-'))
        {
            EndOrdinary(name);
        }
        else
        {
            throw new FastHtmlDeclined($"</{name}>, which the standard treats specially or which is not read here");
        }
    }

    /// <summary>The adoption agency algorithm, when it needs no furthest block; otherwise declined.</summary>
    private void EndFormatting(string name)
    {
        if (Current.Name == name && !formatting.Contains(Current))
        {
            open.RemoveAt(open.Count - 1);
            return;
        }
        var element = formatting.FindLast(e => e.Name == name);
        if (element is null)
        {
            EndOrdinary(name);
            return;
        }
        var index = open.LastIndexOf(element);
        formatting.Remove(element);
        if (index < 0)
        {
            return;
        }
        for (var i = index + 1; i < open.Count; i++)
        {
            if (Special.Contains(open[i].Name))
            {
                throw new FastHtmlDeclined($"</{name}> across a block");
            }
        }
        open.RemoveRange(index, open.Count - index);
    }

    /// <summary>"Any other end tag": closes the nearest open element of that name, unless a special element is nearer.</summary>
    private void EndOrdinary(string name)
    {
        for (var i = open.Count - 1; i >= 0; i--)
        {
            if (open[i].Name == name)
            {
                open.RemoveRange(i, open.Count - i);
                return;
            }
            if (Special.Contains(open[i].Name))
            {
                return;
            }
        }
    }

    private bool IsOpen(string name) => Count(open, name) > 0;

    private static int Count(List<FastHtmlNode> elements, string name)
    {
        var count = 0;
        foreach (var element in elements)
        {
            count += element.Name == name ? 1 : 0;
        }
        return count;
    }

    private void CloseParagraph()
    {
        if (IsOpen("p"))
        {
            PopThrough(e => e.Name == "p");
        }
    }

    private void CloseImpliedParagraphs()
    {
        while (Current.Name == "p")
        {
            open.RemoveAt(open.Count - 1);
        }
    }

    private void PopThrough(Predicate<FastHtmlNode> match)
    {
        var index = open.FindLastIndex(match);
        open.RemoveRange(index, open.Count - index);
    }

    /// <summary>
    /// Reconstructing the active formatting elements: the standard reopens formatting left open when its block
    /// closed, cloning it into whatever comes next. That tree is not worth copying; such HTML is declined.
    /// </summary>
    private void ReopenFormatting()
    {
        if (formatting.Count > 0 && !open.Contains(formatting[^1]))
        {
            throw new FastHtmlDeclined("formatting left open across a block");
        }
    }

    private FastHtmlNode Insert(string name, List<KeyValuePair<string, string>>? attributes)
    {
        var element = NewElement(name, attributes);
        Current.Append(element);
        open.Add(element);
        if (open.Count > MaxDepth)
        {
            throw new FastHtmlDeclined("deep nesting");
        }
        return element;
    }

    private static FastHtmlNode NewElement(string name, List<KeyValuePair<string, string>>? attributes) =>
        new(FastHtmlNodeKind.Element, name) { Attributes = attributes };

    private void InsertText(string text)
    {
        var children = Current.Children;
        if (children is { Count: > 0 } && children[^1].Kind == FastHtmlNodeKind.Text)
        {
            children[^1].Text += text;
        }
        else
        {
            Current.Append(new FastHtmlNode(FastHtmlNodeKind.Text, string.Empty, text));
        }
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
