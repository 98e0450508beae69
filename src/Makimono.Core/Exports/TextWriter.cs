using System.Globalization;
using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace Makimono.Exports;

/// <summary>
/// The work as plain text: a header of "Label: value" lines as AO3's text copies have, then each chapter under its
/// heading. Paragraphs are separated by a blank line and wrapped at 72 columns at spaces (never inside a word, so
/// text without spaces, such as Chinese or Japanese, and long addresses stay whole); scene breaks (&lt;hr&gt;) are "* * *".
/// </summary>
public static class TextWriter
{
    public const int Width = 72;
    public const string SceneBreak = "* * *";

    private static readonly HtmlParserOptions ParserOptions = new() { DisableElementPositionTracking = true };

    public static byte[] Write(ExportedWork work)
    {
        var text = new StringBuilder(4096 + work.Chapters.Sum(c => c.Body.Length));
        Paragraph(text, work.Title);
        Paragraph(text, "by " + work.Byline);
        var header = new List<string>();
        header.AddRange(work.Tags.Select(t => $"{t.Label}: {string.Join(", ", t.Names)}"));
        header.Add("Language: " + work.LanguageName);
        header.AddRange(work.Series.Select(s => $"Series: Part {s.Position.ToString(CultureInfo.InvariantCulture)} of {s.Title}"));
        // "Words:" is a label the archive's importer sets aside, so the stats line does not become story.
        header.Add("Words: " + WorkMarkup.Stats(work).Replace(" Words: ", " ", StringComparison.Ordinal));
        header.Add("Source: " + work.Url);
        text.AppendJoin('\n', header).Append("\n\n");
        Labelled(text, "Summary", work.Summary);
        Labelled(text, "Notes", work.Notes);
        foreach (var chapter in work.Chapters)
        {
            text.Append('\n');
            Paragraph(text, chapter.Heading);
            Labelled(text, "Summary", chapter.Summary);
            Labelled(text, "Notes", chapter.Notes);
            AppendHtml(text, chapter.Body);
            Labelled(text, "Notes", chapter.EndNotes);
        }
        if (!string.IsNullOrWhiteSpace(work.EndNotes))
        {
            text.Append('\n');
            Labelled(text, "End Notes", work.EndNotes);
        }
        // A byte order mark, so that editors on Windows read the file as UTF-8.
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];
    }

    private static void Labelled(StringBuilder text, string label, string? html)
    {
        if (string.IsNullOrWhiteSpace(html))
        {
            return;
        }
        text.Append(label).Append(":\n");
        AppendHtml(text, html);
    }

    private static void Paragraph(StringBuilder text, string paragraph, string indent = "")
    {
        Wrap(text, paragraph, indent);
        text.Append('\n');
    }

    /// <summary>The text of stored HTML: one paragraph per block, lines kept where the author broke them.</summary>
    public static void AppendHtml(StringBuilder text, string html)
    {
        var document = new HtmlParser(ParserOptions).ParseDocument("<!DOCTYPE html><html><head></head><body>" + html + "</body></html>");
        var blocks = new List<(string Text, string Indent)>();
        var current = new StringBuilder();
        Collect(document.Body!, blocks, current, indent: "");
        Flush(blocks, current, "");
        foreach (var (block, indent) in blocks)
        {
            Paragraph(text, block, indent);
        }
    }

    private static readonly HashSet<string> Blocks =
    [
        "p", "div", "center", "blockquote", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "dl", "dt", "dd",
        "pre", "table", "tr", "caption", "figure", "figcaption", "details", "summary", "address", "thead", "tbody", "tfoot",
    ];

    private static void Collect(INode node, List<(string, string)> blocks, StringBuilder current, string indent)
    {
        foreach (var child in node.ChildNodes)
        {
            switch (child)
            {
                case IText t:
                    current.Append(child.ParentElement?.LocalName == "pre" ? t.Data : CollapseSpaces(t.Data));
                    break;
                case IElement { LocalName: "br" }:
                    current.Append('\n');
                    break;
                case IElement { LocalName: "hr" }:
                    Flush(blocks, current, indent);
                    blocks.Add((SceneBreak, indent));
                    break;
                case IElement { LocalName: "img" } image:
                    current.Append(image.GetAttribute("alt") is { Length: > 0 } alt ? $"[Image: {alt}]" : "[Image]");
                    break;
                case IElement { LocalName: "td" or "th" } cell:
                    Collect(cell, blocks, current, indent);
                    current.Append("  ");
                    break;
                case IElement { LocalName: "rp" or "rt" } ruby:
                    current.Append(ruby.TextContent);
                    break;
                case IElement element when Blocks.Contains(element.LocalName):
                    Flush(blocks, current, indent);
                    var inner = element.LocalName is "blockquote" or "dd" ? indent + "    " : indent;
                    if (element.LocalName == "li")
                    {
                        current.Append(element.ParentElement?.LocalName == "ol" ? $"{ListNumber(element)}. " : "- ");
                    }
                    Collect(element, blocks, current, inner);
                    Flush(blocks, current, inner);
                    break;
                case IElement element:
                    Collect(element, blocks, current, indent);
                    break;
            }
        }
    }

    private static string ListNumber(IElement item)
    {
        var start = int.TryParse(item.ParentElement?.GetAttribute("start"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var s) ? s : 1;
        var index = item.ParentElement!.Children.Where(c => c.LocalName == "li").ToList().IndexOf(item);
        return (start + index).ToString(CultureInfo.InvariantCulture);
    }

    private static void Flush(List<(string, string)> blocks, StringBuilder current, string indent)
    {
        var block = string.Join('\n', current.ToString().Split('\n').Select(l => l.Trim())).Trim('\n');
        if (block.Trim().Length > 0)
        {
            blocks.Add((block, indent));
        }
        current.Clear();
    }

    private static string CollapseSpaces(string text)
    {
        var builder = new StringBuilder(text.Length);
        var space = false;
        foreach (var c in text)
        {
            if (c is ' ' or '\t' or '\n' or '\r')
            {
                space = true;
                continue;
            }
            if (space)
            {
                builder.Append(' ');
            }
            space = false;
            builder.Append(c);
        }
        if (space)
        {
            builder.Append(' ');
        }
        return builder.ToString();
    }

    /// <summary>Each line of the paragraph broken at spaces to fit <see cref="Width"/>; East Asian wide characters count two columns.</summary>
    private static void Wrap(StringBuilder text, string paragraph, string indent)
    {
        foreach (var line in paragraph.Split('\n'))
        {
            var column = 0;
            text.Append(indent);
            var first = true;
            foreach (var word in line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var width = Columns(word);
                if (!first && indent.Length + column + 1 + width > Width)
                {
                    text.Append('\n').Append(indent);
                    column = 0;
                    first = true;
                }
                if (!first)
                {
                    text.Append(' ');
                    column++;
                }
                text.Append(word);
                column += width;
                first = false;
            }
            text.Append('\n');
        }
    }

    private static int Columns(string word)
    {
        var columns = 0;
        foreach (var rune in word.EnumerateRunes())
        {
            var v = rune.Value;
            columns += (v >= 0x1100 && v <= 0x115F) || (v >= 0x2E80 && v <= 0xA4CF) || (v >= 0xAC00 && v <= 0xD7A3)
                || (v >= 0xF900 && v <= 0xFAFF) || (v >= 0xFE30 && v <= 0xFE4F) || (v >= 0xFF00 && v <= 0xFF60)
                || (v >= 0xFFE0 && v <= 0xFFE6) || (v >= 0x20000 && v <= 0x3FFFD) ? 2 : 1;
        }
        return columns;
    }
}
