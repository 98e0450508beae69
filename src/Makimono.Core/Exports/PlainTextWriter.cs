using System.Globalization;
using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Makimono.Text;

namespace Makimono.Exports;

/// <summary>
/// The work as plain text: a header of "Label: value" lines as AO3's text copies have (one a line, never wrapped, so
/// tools can read them), then each chapter under its
/// heading. Paragraphs are separated by a blank line and wrapped at 72 columns at spaces (never inside a word, so
/// text without spaces, such as Chinese or Japanese, and long addresses stay whole); scene breaks (&lt;hr&gt;) are "* * *".
/// </summary>
public static class PlainTextWriter
{
    public const int Width = 72;
    public const string SceneBreak = "* * *";
    private static readonly string NotesRule = new('-', 24);

    private static readonly HtmlParserOptions ParserOptions = new() { DisableElementPositionTracking = true };

    public static byte[] Write(ExportedWork work)
    {
        var text = new StringBuilder(4096 + work.Chapters.Sum(c => c.Body.Length));
        Paragraph(text, work.Title);
        // One "Author:" line each, so that importers do not read "Ana, Bea" as one name.
        var header = work.Creators.Count == 0 ? ["Author: Anonymous"] : work.Creators.Select(c => "Author: " + c).ToList();
        header.AddRange(work.Tags.Select(t => $"{t.Label}: {string.Join(", ", t.Names)}"));
        header.Add("Language: " + work.LanguageName);
        header.AddRange(work.Series.Select(s => $"Series: Part {s.Position.ToString(CultureInfo.InvariantCulture)} of {s.Title}"));
        // "Words:" is a label the archive's importer sets aside, so the stats line does not become story.
        var stats = $"Words: {work.Words.ToString("N0", CultureInfo.InvariantCulture)}, Chapters: {work.ChapterFraction}, Published: {work.PublishedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}";
        if (work.ShowsUpdated)
        {
            stats += $", {(work.IsComplete ? "Completed" : "Updated")}: {work.Modified.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}";
        }
        // On the stats line, which importers set aside, so that the address does not read as story.
        header.Add($"{stats}, from {work.Url}");
        text.AppendJoin('\n', header).Append("\n\n");
        Labelled(text, "Summary", work.Summary);
        Labelled(text, "Notes", work.Notes);
        foreach (var chapter in work.Chapters)
        {
            text.Append('\n');
            Paragraph(text, chapter.Heading);
            Labelled(text, "Summary", chapter.Summary);
            Labelled(text, "Notes", chapter.Notes);
            if (!string.IsNullOrWhiteSpace(chapter.Summary) || !string.IsNullOrWhiteSpace(chapter.Notes))
            {
                // A rule between the notes and the text, so that neither readers nor importers take the text's first
                // lines for notes; dashes, unlike the scene break's stars.
                text.Append(NotesRule).Append("\n\n");
            }
            AppendHtml(text, chapter.Body);
            Labelled(text, "Notes", chapter.EndNotes);
        }
        if (!string.IsNullOrWhiteSpace(work.EndNotes))
        {
            text.Append('\n');
            // "Notes:" after the last chapter, the label text importers know; plain text cannot tell these from the last chapter's end notes.
            Labelled(text, "Notes", work.EndNotes);
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
        // Without blank lines between its paragraphs, so that the whole text stays under its label.
        AppendHtml(text, html, blankLines: false);
    }

    private static void Paragraph(StringBuilder text, string paragraph, string indent = "")
    {
        Wrap(text, paragraph, indent);
        text.Append('\n');
    }

    /// <summary>The text of stored HTML: one paragraph per block, lines kept where the author broke them.</summary>
    public static void AppendHtml(StringBuilder text, string html, bool blankLines = true)
    {
        var document = new HtmlParser(ParserOptions).ParseDocument("<!DOCTYPE html><html><head></head><body>" + html + "</body></html>");
        var blocks = new List<(string Text, string Indent)>();
        var current = new StringBuilder();
        Collect(document.Body!, blocks, current, indent: "");
        Flush(blocks, current, "");
        foreach (var (block, indent) in blocks)
        {
            Wrap(text, block, indent);
            if (blankLines)
            {
                text.Append('\n');
            }
        }
        if (!blankLines && blocks.Count > 0)
        {
            text.Append('\n');
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
                    current.Append(child.ParentElement?.LocalName == "pre" ? t.Data : HtmlWhitespace.Collapse(t.Data));
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
