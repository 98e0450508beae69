namespace Makimono.Import.Html;

/// <summary>
/// Measures how deep HTML nests before it is parsed: a parser's work grows with the square of the depth, so
/// a few hundred kilobytes of nested tags would hold a core for minutes before any depth check after parsing.
/// This is one pass over the text that only looks at tag names.
/// </summary>
internal static class HtmlNesting
{
    /// <summary>
    /// For imported files only containers that a new paragraph does not close are counted, so unclosed &lt;p&gt;
    /// or &lt;b&gt; tags in old HTML do not add up.
    /// </summary>
    private static readonly HashSet<string> Containers = new(StringComparer.OrdinalIgnoreCase)
    {
        "div", "blockquote", "section", "article", "aside", "main", "header", "footer", "nav", "figure", "center",
        "ul", "ol", "dl", "table",
    };

    /// <summary>
    /// Elements that never hold others (void) or that the next of their kind closes: typed HTML counts every
    /// other element, inline ones included, because the parser's list of open formatting elements is what
    /// 200,000 nested &lt;b&gt; grow.
    /// </summary>
    private static readonly HashSet<string> NeverNested = new(StringComparer.OrdinalIgnoreCase)
    {
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr",
        "p", "li", "dt", "dd", "rt", "rp", "optgroup", "option", "tr", "td", "th", "thead", "tbody", "tfoot",
        "colgroup", "caption", "html", "head", "body",
    };

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> ContainerNames = Containers.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> NeverNestedNames = NeverNested.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>
    /// Elements that end a run of inline elements: opening or closing one (a paragraph closes the one before it)
    /// pops the inline elements opened inside, so the parser's stack only grows with inline tags in one run.
    /// </summary>
    private static readonly HashSet<string> BlockBoundaries = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "li", "dt", "dd", "tr", "td", "th", "h1", "h2", "h3", "h4", "h5", "h6", "pre", "hr",
    };

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> BlockBoundaryNames = BlockBoundaries.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>
    /// Refuses an imported file whose containers nest deeper than <see cref="HtmlLines.MaxDepth"/>, or that opens
    /// more than that many inline elements (&lt;b&gt;, &lt;span&gt;…) without a block between them: 100,000 nested
    /// &lt;b&gt; are 700 KB that hold the parser for seconds, while unclosed &lt;b&gt; or &lt;font&gt; in each
    /// paragraph of old HTML start again at every paragraph.
    /// </summary>
    public static void Check(string html)
    {
        // One pass for both counts: this runs over every imported HTML file before it is parsed.
        int containers = 0, inlineRun = 0;
        foreach (var (start, length, closing) in Tags(html))
        {
            var name = html.AsSpan(start, length);
            if (ContainerNames.Contains(name))
            {
                containers = closing ? Math.Max(0, containers - 1) : containers + 1;
                inlineRun = 0;
            }
            else if (BlockBoundaryNames.Contains(name))
            {
                inlineRun = 0;
            }
            else if (!NeverNestedNames.Contains(name))
            {
                inlineRun = closing ? Math.Max(0, inlineRun - 1) : inlineRun + 1;
            }
            if (containers > HtmlLines.MaxDepth || inlineRun > HtmlLines.MaxDepth)
            {
                throw new ImportException($"The HTML is nested more than {HtmlLines.MaxDepth} elements deep, which no story needs. Open it in a browser or editor and save it again.");
            }
        }
    }

    /// <summary>Whether HTML typed into a form nests more than <paramref name="maxDepth"/> elements deep; an unclosed tag counts as nesting.</summary>
    public static bool TypedDeeperThan(string html, int maxDepth) =>
        DeeperThan(html, maxDepth, name => !NeverNestedNames.Contains(name));

    private static bool DeeperThan(string html, int maxDepth, Func<ReadOnlySpan<char>, bool> counts)
    {
        var depth = 0;
        foreach (var (start, length, closing) in Tags(html))
        {
            if (!counts(html.AsSpan(start, length)))
            {
                continue;
            }
            depth = closing ? Math.Max(0, depth - 1) : depth + 1;
            if (depth > maxDepth)
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>
    /// Where each start or end tag's name is, in order. Comments and the text of &lt;script&gt; and &lt;style&gt;
    /// are skipped, so "i&lt;n" in a saved page's scripts is no tag; doctypes and stray "&lt;" are not tags either.
    /// </summary>
    private static IEnumerable<(int Start, int Length, bool Closing)> Tags(string html)
    {
        var i = html.IndexOf('<');
        while (i >= 0 && i < html.Length - 1)
        {
            if (html.AsSpan(i).StartsWith("<!--", StringComparison.Ordinal))
            {
                var commentEnd = html.IndexOf("-->", i + 4, StringComparison.Ordinal);
                i = commentEnd < 0 ? -1 : html.IndexOf('<', commentEnd + 3);
                continue;
            }
            var closing = html[i + 1] == '/';
            var start = closing ? i + 2 : i + 1;
            var end = start;
            while (end < html.Length && char.IsAsciiLetterOrDigit(html[end]))
            {
                end++;
            }
            var next = i + 1;
            if (end > start && char.IsAsciiLetter(html[start]))
            {
                yield return (start, end - start, closing);
                var name = html.AsSpan(start, end - start);
                if (!closing && (name.Equals("script", StringComparison.OrdinalIgnoreCase) || name.Equals("style", StringComparison.OrdinalIgnoreCase)))
                {
                    var rawEnd = html.IndexOf("</" + name.ToString(), end, StringComparison.OrdinalIgnoreCase);
                    next = rawEnd < 0 ? html.Length : rawEnd;
                }
            }
            i = next >= html.Length ? -1 : html.IndexOf('<', next);
        }
    }
}
