using System.Text;

namespace Makimono.Import;

/// <summary>
/// A chapter's story as HTML and plain text: paragraphs, line breaks within them, an opening epigraph as a
/// blockquote, and scene breaks (symbol lines, centred symbols, &lt;hr&gt;, or two or more blank lines) as &lt;hr&gt;.
/// </summary>
internal static class ChapterBody
{
    public static void Render(IReadOnlyList<Paragraph> body, ImportedChapter chapter, List<string> markers)
    {
        var html = new StringBuilder();
        var text = new StringBuilder();
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
            html.Append("<p>").AppendJoin("<br>", p.Lines.Select(l => l.Html.Trim())).Append("</p>\n");
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
        chapter.Html = TrimTrailingBreak(html.ToString().TrimEnd());
        chapter.Text = text.ToString().Trim();
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

    private static string TrimTrailingBreak(string html) => html.EndsWith("<hr>", StringComparison.Ordinal) ? html[..^4].TrimEnd() : html;
}
