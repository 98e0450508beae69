using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Makimono.Import.Structure;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace Makimono.Import.Formats;

/// <summary>
/// A Word document through the same recogniser as text and HTML. Paragraphs keep bold, italics and underline;
/// heading styles and outline levels start chapters (the Title style, or a lone top heading, titles the work);
/// a centred line of symbols is a scene break. Footnotes and endnotes keep a mark in the text and go to the end
/// notes; review comments are left out with a warning.
/// </summary>
public static class DocxImport
{
    public static ImportedWork Read(string source, byte[] bytes, long maxFileBytes)
    {
        using var zip = SafeZip.Open(bytes, maxFileBytes, "DOCX");
        return Read(source, bytes, zip);
    }

    internal static ImportedWork Read(string source, byte[] bytes, SafeZip zip)
    {
        if (!zip.Contains("word/document.xml"))
        {
            throw new ImportException("The .docx has no word/document.xml, so it is a zip of something else, not a Word document. Open the story in Word or LibreOffice and save it as .docx.");
        }
        // The OpenXml SDK unpacks parts itself; once every entry has been read within the limits, it can only meet bounded parts.
        zip.ReadAll();
        return SafeZip.Guard("DOCX", () =>
        {
            using var document = WordprocessingDocument.Open(new MemoryStream(bytes, writable: false), isEditable: false);
            var body = document.MainDocumentPart?.Document?.Body
                ?? throw new ImportException("The DOCX is damaged: its package does not lead to word/document.xml's body. Open it in Word or LibreOffice and save it again.");
            var styles = new DocxStyles(document.MainDocumentPart!.StyleDefinitionsPart?.Styles);
            var work = new ImportedWork { Source = source, Format = "docx" };
            var blocks = new List<DocxBlock>();
            foreach (var paragraph in body.Descendants<W.Paragraph>())
            {
                if (styles.IsTableOfContents(paragraph))
                {
                    // A generated table of contents repeats the headings; it is set aside, not lost.
                    work.Markers.Add(paragraph.InnerText);
                    continue;
                }
                var block = DocxBlock.From(paragraph, styles);
                // Pandoc and some templates style the byline and summary; the style says what they are.
                switch (styles.StyleName(paragraph))
                {
                    case "author" when !block.IsEmpty:
                        work.Creators.Add(block.Text);
                        continue;
                    case "abstract" when !block.IsEmpty:
                        work.Summary = work.Summary is null ? block.Text : FrontMatter.Join(work.Summary, block.Text);
                        continue;
                }
                blocks.Add(block);
            }
            StructureRecogniser.Recognise(ToLines(blocks, work), work);
            DocxNotes.Add(document.MainDocumentPart!, work);
            if (LanguageOf(document) is { } language)
            {
                work.Language = language;
            }
            return work;
        });
    }

    private static List<SourceLine> ToLines(List<DocxBlock> blocks, ImportedWork work)
    {
        var titleAt = WorkTitleIndex(blocks);
        var spacedOut = SpacedOutByEmptyParagraphs(blocks);
        var lines = new List<SourceLine>();
        for (var i = 0; i < blocks.Count; i++)
        {
            var block = blocks[i];
            if (i == titleAt)
            {
                work.Title = block.Text;
            }
            else if (block.IsEmpty)
            {
                // Where every paragraph is followed by an empty one, that one is spacing; only a second is a scene break.
                var spacing = spacedOut && i > 0 && !blocks[i - 1].IsEmpty;
                if (!spacing)
                {
                    lines.Add(SourceLine.Blank);
                }
            }
            else if (block.HeadingLevel is not null)
            {
                lines.Add(SourceLine.Heading(block.Text));
                lines.Add(SourceLine.Blank);
            }
            else
            {
                lines.AddRange(block.Lines);
                lines.Add(SourceLine.Blank);
            }
        }
        return lines;
    }

    /// <summary>
    /// The first paragraph titles the work when it has the Title style, or when it is a heading above every
    /// later one that does not read as a chapter ("My Story" in Heading 1 over chapters in Heading 2).
    /// </summary>
    private static int WorkTitleIndex(List<DocxBlock> blocks)
    {
        var first = blocks.FindIndex(b => !b.IsEmpty);
        if (first < 0 || blocks[first].HeadingLevel is not { } level)
        {
            return -1;
        }
        if (level == 0)
        {
            return first;
        }
        var aboveTheRest = blocks.Skip(first + 1).All(b => b.HeadingLevel is null || b.HeadingLevel > level);
        return aboveTheRest && !StructureRules.ChapterHeading(blocks[first].Text).Success ? first : -1;
    }

    private static bool SpacedOutByEmptyParagraphs(List<DocxBlock> blocks)
    {
        int gaps = 0, spaced = 0;
        for (var i = 1; i < blocks.Count; i++)
        {
            if (!blocks[i].IsEmpty)
            {
                var previous = i - 1;
                while (previous >= 0 && blocks[previous].IsEmpty)
                {
                    previous--;
                }
                if (previous >= 0)
                {
                    gaps++;
                    spaced += previous < i - 1 ? 1 : 0;
                }
            }
        }
        return gaps >= 3 && spaced * 2 > gaps;
    }

    /// <summary>The document's default language ("en-GB" is "en"), when Word recorded one.</summary>
    private static string? LanguageOf(WordprocessingDocument document)
    {
        var styles = document.MainDocumentPart?.StyleDefinitionsPart?.Styles;
        var tag = styles?.DocDefaults?.RunPropertiesDefault?.RunPropertiesBaseStyle?.GetFirstChild<Languages>()?.Val?.Value;
        return string.IsNullOrWhiteSpace(tag) ? null : tag.Split('-')[0].ToLowerInvariant();
    }
}
