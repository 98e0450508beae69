namespace Makimono.Import;

/// <summary>
/// Refuses HTML nested too deep before it is parsed: the parser's work grows with the square of the depth, so
/// a 10 MB file of nested &lt;div&gt;s would take hours to reach <see cref="HtmlLines"/>' own depth check.
/// Only containers that a new paragraph does not close are counted, so unclosed &lt;p&gt; or &lt;b&gt; tags
/// in old HTML do not add up.
/// </summary>
internal static class HtmlNesting
{
    private static readonly HashSet<string> Containers = new(StringComparer.OrdinalIgnoreCase)
    {
        "div", "blockquote", "section", "article", "aside", "main", "header", "footer", "nav", "figure", "center",
        "ul", "ol", "dl", "table",
    };

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> ContainerNames = Containers.GetAlternateLookup<ReadOnlySpan<char>>();

    public static void Check(string html)
    {
        var depth = 0;
        for (var i = html.IndexOf('<'); i >= 0 && i < html.Length - 1; i = html.IndexOf('<', i + 1))
        {
            var closing = html[i + 1] == '/';
            var start = closing ? i + 2 : i + 1;
            var end = start;
            while (end < html.Length && char.IsAsciiLetterOrDigit(html[end]))
            {
                end++;
            }
            if (end == start || !ContainerNames.Contains(html.AsSpan(start, end - start)))
            {
                continue;
            }
            depth = closing ? Math.Max(0, depth - 1) : depth + 1;
            if (depth > HtmlLines.MaxDepth)
            {
                throw new ImportException($"The HTML is nested more than {HtmlLines.MaxDepth} elements deep, which no story needs. Open it in a browser or editor and save it again.");
            }
        }
    }
}
