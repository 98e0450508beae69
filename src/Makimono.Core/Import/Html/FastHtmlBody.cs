namespace Makimono.Import.Html;

/// <summary>The standard's "in body" rules for the elements <see cref="FastHtml"/> reads; the rest are declined.</summary>
internal sealed partial class FastHtml
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
                Append(new FastHtmlNode(FastHtmlNodeKind.Comment, string.Empty, stream.Data));
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
            Append(NewElement(name, stream.Attributes));
        }
        else if (VoidInline.Contains(name))
        {
            ReopenFormatting();
            Append(NewElement(name, stream.Attributes));
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

    /// <summary>
    /// Adds a node to the current element. A child of the body before it is finished then (nothing more can go
    /// into it: it is closed, or is text that new text would have joined), so its lines are made and it is let go.
    /// </summary>
    private void Append(FastHtmlNode node)
    {
        var parent = Current;
        if (parent == body && parent.Children is [var finished])
        {
            bodyLines!.Add(finished);
            parent.Children.Clear();
        }
        parent.Append(node);
    }

    private FastHtmlNode Insert(string name, List<KeyValuePair<string, string>>? attributes)
    {
        var element = NewElement(name, attributes);
        Append(element);
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
            Append(new FastHtmlNode(FastHtmlNodeKind.Text, string.Empty, text));
        }
    }
}
