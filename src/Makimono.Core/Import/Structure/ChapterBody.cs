namespace Makimono.Import.Structure;

/// <summary>
/// A chapter's story as HTML and plain text: paragraphs, line breaks within them, an opening epigraph as a
/// blockquote, and scene breaks (symbol lines, centred symbols, &lt;hr&gt;, or two or more blank lines) as &lt;hr&gt;.
/// </summary>
internal static class ChapterBody
{
    public static void Render(IReadOnlyList<Paragraph> body, ImportedChapter chapter, List<string> markers)
    {
        // Sized up front and pooled: a chapter is tens of kilobytes, and growing two builders chunk by chunk,
        // then copying them out and trimming the copies, made rendering most of a long import's allocations.
        using var html = new PooledText(HtmlCapacity(body));
        using var text = new PooledText(TextCapacity(body));
        var epigraph = EpigraphLength(body);
        var lastWasBreak = true;
        for (var i = 0; i < body.Count; i++)
        {
            var p = body[i];
            var isBreak = p.IsRule || (p.IsSingleLine
                && (p.Lines[0].IsCentred ? StructureRules.IsCentredSceneBreak(p.Text) : StructureRules.IsSceneBreakLine(p.Text)));
            if (isBreak)
            {
                if (!p.IsRule)
                {
                    markers.Add(p.Text);
                }
                if (!lastWasBreak)
                {
                    html.Append("<hr>\n");
                    text.Append("\n\n");
                }
                lastWasBreak = true;
                continue;
            }
            if (i > 0 && p.GapBefore >= 2 && !lastWasBreak)
            {
                html.Append("<hr>\n");
                text.Append("\n\n");
            }
            if (i == 0 && epigraph > 0)
            {
                html.Append("<blockquote>");
            }
            AppendLines(html, p.Lines);
            if (i == epigraph - 1)
            {
                html.Append("</blockquote>\n");
            }
            if (text.Length > 0)
            {
                text.Append("\n\n");
            }
            text.Append(p.Text);
            lastWasBreak = false;
        }
        chapter.Html = TrimmedWithoutTrailingBreak(html);
        chapter.Text = Trimmed(text);
    }

    /// <summary>&lt;p&gt;line&lt;br&gt;line&lt;/p&gt;, each line's HTML trimmed.</summary>
    private static void AppendLines(PooledText html, IReadOnlyList<SourceLine> lines)
    {
        html.Append("<p>");
        for (var k = 0; k < lines.Count; k++)
        {
            if (k > 0)
            {
                html.Append("<br>");
            }
            html.Append(lines[k].Html.AsSpan().Trim());
        }
        html.Append("</p>\n");
    }

    private static int HtmlCapacity(IReadOnlyList<Paragraph> body)
    {
        // <blockquote>, <p>, </p>, <br> and <hr> around the lines' own HTML.
        var capacity = 32;
        for (var i = 0; i < body.Count; i++)
        {
            var lines = body[i].Lines;
            capacity += 16;
            for (var k = 0; k < lines.Count; k++)
            {
                capacity += lines[k].Html.Length + 4;
            }
        }
        return capacity;
    }

    private static int TextCapacity(IReadOnlyList<Paragraph> body)
    {
        var capacity = 0;
        for (var i = 0; i < body.Count; i++)
        {
            var lines = body[i].Lines;
            capacity += 4;
            for (var k = 0; k < lines.Count; k++)
            {
                capacity += lines[k].Text.Length + 1;
            }
        }
        return capacity;
    }

    /// <summary>A quotation followed by an attribution line, before the story proper, is an epigraph.</summary>
    private static int EpigraphLength(IReadOnlyList<Paragraph> body)
    {
        if (body.Count >= 3 && StructureRules.StartsAsDialogue(body[0].Text) && StructureRules.IsAttribution(body[1]))
        {
            return 2;
        }
        if (body.Count >= 2 && StructureRules.IsAttribution(body[0]) is false && body[0].Lines.Count > 1
            && StructureRules.IsAttribution(new Paragraph([body[0].Lines[^1]], 0)) && StructureRules.StartsAsDialogue(body[0].Text))
        {
            return 1;
        }
        return 0;
    }

    /// <summary>The HTML without trailing whitespace or a trailing &lt;hr&gt;, cut in the builder so only the result is copied.</summary>
    private static string TrimmedWithoutTrailingBreak(PooledText html)
    {
        TrimEnd(html);
        var n = html.Length;
        if (n >= 4 && html[n - 4] == '<' && html[n - 3] == 'h' && html[n - 2] == 'r' && html[n - 1] == '>')
        {
            html.Shorten(4);
            TrimEnd(html);
        }
        return html.ToString();
    }

    private static string Trimmed(PooledText text)
    {
        TrimEnd(text);
        var start = 0;
        while (start < text.Length && char.IsWhiteSpace(text[start]))
        {
            start++;
        }
        return text.ToString(start, text.Length - start);
    }

    private static void TrimEnd(PooledText builder)
    {
        while (builder.Length > 0 && char.IsWhiteSpace(builder[builder.Length - 1]))
        {
            builder.Shorten(1);
        }
    }
}
