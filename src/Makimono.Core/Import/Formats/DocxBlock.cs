using System.Net;
using System.Text;
using DocumentFormat.OpenXml.Wordprocessing;
using DocumentFormat.OpenXml;
using Makimono.Import.Structure;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace Makimono.Import.Formats;

/// <summary>One paragraph: its lines (split at line breaks) with inline HTML, and how it is styled.</summary>
internal sealed record DocxBlock(List<SourceLine> Lines, int? HeadingLevel)
{
    public bool IsEmpty => Lines.Count == 0;
    public string Text => string.Join(" ", Lines.Select(l => l.Text));

    public static DocxBlock From(W.Paragraph paragraph, DocxStyles styles)
    {
        var lines = new List<List<(string Text, InlineFormat Format)>> { new() };
        Collect(paragraph, paragraph, styles, lines);
        var centred = styles.IsCentred(paragraph);
        var sourceLines = lines.Select(l => ToSourceLine(l) with { IsCentred = centred }).Where(l => !l.IsBlank).ToList();
        return new DocxBlock(sourceLines, styles.HeadingLevel(paragraph));
    }

    /// <summary>Runs directly in the paragraph or in links, fields, insertions and content controls; deleted text is not text.</summary>
    private static void Collect(OpenXmlElement element, W.Paragraph paragraph, DocxStyles styles, List<List<(string, InlineFormat)>> lines)
    {
        foreach (var child in element.ChildElements)
        {
            switch (child)
            {
                case Run run:
                    AddRun(run, styles.FormatOf(paragraph, run), lines);
                    break;
                case ParagraphProperties or DeletedRun or MoveFromRun:
                    break;
                default:
                    Collect(child, paragraph, styles, lines);
                    break;
            }
        }
    }

    private static void AddRun(Run run, InlineFormat format, List<List<(string, InlineFormat)>> lines)
    {
        foreach (var child in run.ChildElements)
        {
            switch (child)
            {
                case W.Text text:
                    lines[^1].Add((text.Text, format));
                    break;
                case TabChar:
                    lines[^1].Add((" ", format));
                    break;
                case NoBreakHyphen:
                    lines[^1].Add(("-", format));
                    break;
                case FootnoteReference footnote when footnote.Id?.Value is { } id:
                    lines[^1].Add((DocxNotes.FootnoteMark(id), format));
                    break;
                case EndnoteReference endnote when endnote.Id?.Value is { } id:
                    lines[^1].Add((DocxNotes.EndnoteMark(id), format));
                    break;
                case Break br when br.Type is null || br.Type.Value == BreakValues.TextWrapping:
                case CarriageReturn:
                    lines.Add([]);
                    break;
            }
        }
    }

    private static SourceLine ToSourceLine(List<(string Text, InlineFormat Format)> pieces)
    {
        var text = new StringBuilder();
        var html = new StringBuilder();
        // Runs split wherever Word felt like it; neighbours with the same format are one span of HTML.
        foreach (var group in GroupByFormat(pieces))
        {
            text.Append(group.Text);
            var encoded = WebUtility.HtmlEncode(group.Text);
            html.Append(group.Format.HasFlag(InlineFormat.Bold) ? "<strong>" : "")
                .Append(group.Format.HasFlag(InlineFormat.Italic) ? "<em>" : "")
                .Append(group.Format.HasFlag(InlineFormat.Underline) ? "<u>" : "")
                .Append(encoded)
                .Append(group.Format.HasFlag(InlineFormat.Underline) ? "</u>" : "")
                .Append(group.Format.HasFlag(InlineFormat.Italic) ? "</em>" : "")
                .Append(group.Format.HasFlag(InlineFormat.Bold) ? "</strong>" : "");
        }
        return new SourceLine(text.ToString().Replace('\u00A0', ' ').Trim(), html.ToString().Trim());
    }

    private static IEnumerable<(string Text, InlineFormat Format)> GroupByFormat(List<(string Text, InlineFormat Format)> pieces)
    {
        var i = 0;
        while (i < pieces.Count)
        {
            var format = pieces[i].Format;
            var text = new StringBuilder();
            for (; i < pieces.Count && pieces[i].Format == format; i++)
            {
                text.Append(pieces[i].Text);
            }
            // Whitespace alone carries no visible format; leave it outside the tags.
            yield return (text.ToString(), string.IsNullOrWhiteSpace(text.ToString()) ? InlineFormat.None : format);
        }
    }
}
