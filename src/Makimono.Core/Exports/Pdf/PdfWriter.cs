using System.Globalization;
using System.Text;
using PdfSharp.Pdf;

namespace Makimono.Exports.Pdf;

/// <summary>
/// The work as a PDF: a title page with the work's tags, stats, address, summary and notes as the other downloads
/// have them, then each chapter from a new page (its heading, summary, notes, text and end notes), then the work's end
/// notes. Set in DejaVu Serif, embedded, with an outline of the chapters and the title, creators, summary, tags and
/// language in the document's metadata. Images are not fetched: "[Image: description]" stands in their place.
/// </summary>
public static class PdfWriter
{
    private const double BodySize = PdfTypesetter.BodySize;

    /// <exception cref="PdfFontsMissingException">The fonts are not installed.</exception>
    public static byte[] Write(ExportedWork work) => Write(work, PdfFonts.Installed);

    internal static byte[] Write(ExportedWork work, PdfFonts fonts)
    {
        using var document = new PdfDocument();
        Describe(document, work);
        using (var setter = new PdfTypesetter(document, fonts))
        {
            setter.NewPage();
            document.Outlines.Add(work.Title, setter.Page);
            TitlePage(setter, work);
            foreach (var chapter in work.Chapters)
            {
                setter.NewPage();
                document.Outlines.Add(chapter.Heading, setter.Page);
                Chapter(setter, chapter);
            }
            if (!string.IsNullOrWhiteSpace(work.EndNotes))
            {
                setter.Space(24);
                Heading(setter, "End Notes", 14);
                document.Outlines.Add("End Notes", setter.Page);
                Blocks(setter, PdfBlocks.FromHtml(work.EndNotes), 0);
            }
        }
        // Written uncompressed, then compressed by PdfStreamCompressor: PDFsharp's own streams lack their final block.
        document.Options.NoCompression = true;
        document.Options.CompressContentStreams = false;
        using var output = new MemoryStream();
        document.Save(output, closeStream: false);
        return PdfStreamCompressor.Compress(output.ToArray());
    }

    private static void Describe(PdfDocument document, ExportedWork work)
    {
        document.Info.Title = work.Title;
        document.Info.Author = work.Byline;
        document.Info.Subject = PlainText(work.Summary);
        document.Info.Keywords = string.Join(", ", work.Tags.SelectMany(t => t.Names));
        document.Info.Creator = "Makimono";
        document.Info.CreationDate = work.PublishedOn.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        document.Info.ModificationDate = work.Modified;
        document.Language = work.Language;
        document.PageMode = PdfPageMode.UseOutlines;
        document.ViewerPreferences.DisplayDocTitle = true;
    }

    private static void TitlePage(PdfTypesetter setter, ExportedWork work)
    {
        setter.Text([new PdfSpan(work.Title, PdfStyle.Bold)], new PdfFormat(22, Align: PdfAlign.Center, SpaceAfter: 8));
        List<PdfSpan> byline = work.Creators.Count == 0 ? [new PdfSpan("by Anonymous", PdfStyle.Italic)]
            : [new PdfSpan("by ", PdfStyle.Italic), .. work.Creators.SelectMany((creator, i) => i == 0
                ? [new PdfSpan(creator, PdfStyle.Italic, work.CreatorUrls[i])]
                : new[] { new PdfSpan(", ", PdfStyle.Italic), new PdfSpan(creator, PdfStyle.Italic, work.CreatorUrls[i]) })];
        setter.Text(byline, new PdfFormat(13, Align: PdfAlign.Center, SpaceAfter: 20));
        // Each tag links to its works on the archive, as on the work page.
        var details = new List<(string Label, List<PdfSpan> Value)>();
        details.AddRange(work.Tags.Select(t => (t.Label, t.Names.SelectMany((name, i) =>
            i == 0 ? [new PdfSpan(name, PdfStyle.None, t.Urls[i])] : new[] { new PdfSpan(", ", PdfStyle.None), new PdfSpan(name, PdfStyle.None, t.Urls[i]) }).ToList())));
        details.Add(("Language", [new PdfSpan(work.LanguageName, PdfStyle.None)]));
        details.AddRange(work.Series.Select(s => ("Series", new List<PdfSpan> { new($"Part {s.Position.ToString(CultureInfo.InvariantCulture)} of {s.Title}", PdfStyle.None, s.Url) })));
        var stats = $"Published: {Date(work.PublishedOn)}";
        if (work.ShowsUpdated)
        {
            stats += $"  {(work.IsComplete ? "Completed" : "Updated")}: {Date(DateOnly.FromDateTime(work.Modified))}";
        }
        stats += $"  Words: {work.Words.ToString("N0", CultureInfo.InvariantCulture)}  Chapters: {work.ChapterFraction}";
        details.Add(("Stats", [new PdfSpan(stats, PdfStyle.None)]));
        details.Add(("From", [new PdfSpan(work.Url, PdfStyle.None, work.Url)]));
        foreach (var (label, value) in details)
        {
            setter.Text([new PdfSpan(label + ": ", PdfStyle.Bold), .. value], new PdfFormat(10, SpaceAfter: 4));
        }
        if (!string.IsNullOrWhiteSpace(work.Summary))
        {
            setter.Space(14);
            Heading(setter, "Summary", 13);
            Blocks(setter, PdfBlocks.FromHtml(work.Summary), PdfTypesetter.IndentStep);
        }
        if (!string.IsNullOrWhiteSpace(work.Notes))
        {
            setter.Space(14);
            Heading(setter, "Notes", 13);
            Blocks(setter, PdfBlocks.FromHtml(work.Notes), PdfTypesetter.IndentStep);
        }
    }

    private static void Chapter(PdfTypesetter setter, ExportedChapter chapter)
    {
        setter.Text([new PdfSpan(chapter.Heading, PdfStyle.Bold)], new PdfFormat(18, SpaceAfter: 16, KeepWithNext: true));
        var introduced = false;
        foreach (var (label, html) in new[] { ("Summary", chapter.Summary), ("Notes", chapter.Notes) })
        {
            if (!string.IsNullOrWhiteSpace(html))
            {
                Heading(setter, label, 12);
                Blocks(setter, PdfBlocks.FromHtml(html), PdfTypesetter.IndentStep);
                introduced = true;
            }
        }
        if (introduced)
        {
            // As in the text download: a rule between the notes and the text, so neither is taken for the other.
            setter.Rule(0);
        }
        Blocks(setter, PdfBlocks.FromHtml(chapter.Body), 0);
        if (!string.IsNullOrWhiteSpace(chapter.EndNotes))
        {
            setter.Space(12);
            Heading(setter, "Notes", 12);
            Blocks(setter, PdfBlocks.FromHtml(chapter.EndNotes), PdfTypesetter.IndentStep);
        }
    }

    private static void Heading(PdfTypesetter setter, string text, double size) =>
        setter.Text([new PdfSpan(text, PdfStyle.Bold)], new PdfFormat(size, SpaceAfter: 6, KeepWithNext: true));

    private static readonly double[] HeadingSizes = [17, 15, 13.5, 12, 11, 11];

    private static void Blocks(PdfTypesetter setter, List<PdfBlock> blocks, double indent)
    {
        foreach (var block in blocks)
        {
            // Deeply nested quotations and lists stop indenting at a third of the line, so the text keeps room.
            var blockIndent = indent + (Math.Min(block.Indent, 6) * PdfTypesetter.IndentStep);
            switch (block.Kind)
            {
                case PdfBlockKind.Rule:
                    setter.Rule(blockIndent);
                    break;
                case PdfBlockKind.Heading:
                    setter.Space(6);
                    setter.Text(block.Spans, new PdfFormat(HeadingSizes[Math.Clamp(block.Level, 1, 6) - 1], PdfStyle.Bold,
                        Indent: blockIndent, Align: block.Align, SpaceAfter: 6, KeepWithNext: true));
                    break;
                case PdfBlockKind.Preformatted:
                    setter.Text(block.Spans, new PdfFormat(BodySize * 0.9, PdfStyle.Mono, Indent: blockIndent, SpaceAfter: BodySize * 0.6), keepSpaces: true);
                    break;
                default:
                    setter.Text(block.Spans, new PdfFormat(BodySize, Indent: blockIndent, Align: block.Align, SpaceAfter: BodySize * 0.6), block.Marker);
                    break;
            }
        }
    }

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string PlainText(string? html)
    {
        if (string.IsNullOrWhiteSpace(html))
        {
            return "";
        }
        var text = new StringBuilder();
        PlainTextWriter.AppendHtml(text, html, blankLines: false);
        return string.Join(' ', text.ToString().Split((char[])[' ', '\n'], StringSplitOptions.RemoveEmptyEntries));
    }
}
