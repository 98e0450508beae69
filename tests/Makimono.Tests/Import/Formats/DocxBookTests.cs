using DocumentFormat.OpenXml.Wordprocessing;
using Makimono.Import;
using Makimono.Import.Formats;

namespace Makimono.Tests.Import.Formats;

/// <summary>Books saved as DOCX: a table of contents, unstyled chapter headings, a Project Gutenberg header and licence.</summary>
public sealed class DocxBookTests
{
    private static readonly string[] Titles = ["Seeds", "Shoots", "Harvest"];

    [Fact]
    public void A_table_of_contents_field_without_toc_styles_is_set_aside()
    {
        var docx = new DocxBuilder()
            .Title("The Allotment")
            .Element(new Paragraph(
                new Run(new FieldChar { FieldCharType = FieldCharValues.Begin }),
                new Run(new FieldCode(" TOC \\o \"1-3\" \\h \\z \\u ")),
                new Run(new FieldChar { FieldCharType = FieldCharValues.Separate }),
                new Run(new DocumentFormat.OpenXml.Wordprocessing.Text("Chapter 1: Seeds"))), "Chapter 1: Seeds")
            .Element(PageRefEntry("Chapter 2: Shoots"), "Chapter 2: Shoots")
            .Element(new Paragraph(new Run(new DocumentFormat.OpenXml.Wordprocessing.Text("Chapter 3: Harvest")), new Run(new FieldChar { FieldCharType = FieldCharValues.End })), "Chapter 3: Harvest");
        Chapters(docx, heading: text => docx.Heading(text));

        var work = Import(docx);

        Assert.Equal("The Allotment", work.Title);
        Assert.Equal(Titles, work.Chapters.Select(c => c.Title));
        Assert.StartsWith("Agnes dug the first bed", work.Chapters[0].Text, StringComparison.Ordinal);
        Assert.Contains(work.Markers, m => m.StartsWith("Chapter 2: Shoots", StringComparison.Ordinal));
        NothingLost.Assert(docx.Text, work);
    }

    [Fact]
    public void A_run_of_short_lines_repeating_later_headings_is_a_table_of_contents()
    {
        var docx = new DocxBuilder()
            .Title("The Allotment")
            .Paragraph("Contents")
            .Paragraph("Chapter 1: Seeds ........ 1")
            .Paragraph("Chapter 2: Shoots ........ 4")
            .Paragraph("Chapter 3: Harvest ........ 9");
        Chapters(docx, heading: text => docx.Heading(text));

        var work = Import(docx);

        Assert.Equal(Titles, work.Chapters.Select(c => c.Title));
        Assert.Null(work.Summary);
        Assert.Null(work.Notes);
        Assert.DoesNotContain(work.Chapters, c => c.Text.Contains("Contents", StringComparison.Ordinal));
        NothingLost.Assert(docx.Text, work);
    }

    [Fact]
    public void Unstyled_capital_chapter_headings_split_chapters_and_gutenberg_matter_goes_to_notes()
    {
        var docx = new DocxBuilder()
            .Paragraph("The Project Gutenberg eBook of The Allotment")
            .Paragraph("Title: The Allotment")
            .Paragraph("Author: Marjorie Pennock")
            .Paragraph("Release date: June 1, 2030 [eBook #99902]")
            .Element(Plain("*** START OF THE PROJECT GUTENBERG EBOOK THE ALLOTMENT ***"), "*** START OF THE PROJECT GUTENBERG EBOOK THE ALLOTMENT ***")
            .Paragraph("CONTENTS")
            .Paragraph("CHAPTER I. SEEDS")
            .Paragraph("CHAPTER II. SHOOTS")
            .Paragraph("CHAPTER III. HARVEST");
        Chapters(docx, heading: text => docx.Paragraph(text switch
        {
            "Chapter 1: Seeds" => "CHAPTER I.",
            "Chapter 2: Shoots" => "CHAPTER II.",
            _ => "CHAPTER III.",
        }));
        docx.Element(Plain("*** END OF THE PROJECT GUTENBERG EBOOK THE ALLOTMENT ***"), "*** END OF THE PROJECT GUTENBERG EBOOK THE ALLOTMENT ***")
            .Paragraph("Creating the works from print editions not protected by copyright law means no one owns a copyright in these works.");

        var work = Import(docx);

        Assert.Equal("The Allotment", work.Title);
        Assert.Equal(["Marjorie Pennock"], work.Creators);
        Assert.Equal(3, work.Chapters.Count);
        Assert.All(work.Chapters, c => Assert.Null(c.Title));
        Assert.StartsWith("Agnes dug the first bed", work.Chapters[0].Text, StringComparison.Ordinal);
        Assert.EndsWith("the whole street ate well.", work.Chapters[2].Text, StringComparison.Ordinal);
        Assert.Contains("Release date: June 1, 2030", work.Notes, StringComparison.Ordinal);
        Assert.StartsWith("*** END OF THE PROJECT GUTENBERG EBOOK", work.EndNotes, StringComparison.Ordinal);
        Assert.Contains("owns a copyright", work.EndNotes, StringComparison.Ordinal);
        Assert.DoesNotContain(work.Chapters, c => c.Text.Contains("Gutenberg", StringComparison.Ordinal) || c.Text.Contains("CHAPTER", StringComparison.Ordinal));
        NothingLost.Assert(docx.Text, work);
    }

    private static void Chapters(DocxBuilder docx, Action<string> heading)
    {
        heading("Chapter 1: Seeds");
        docx.Paragraph("Agnes dug the first bed in February, when the ground still rang like iron under the spade.")
            .Paragraph("Her neighbour leaned on the fence and told her she was wasting her time.");
        heading("Chapter 2: Shoots");
        docx.Paragraph("The beans came up in a single night, as if they had been waiting for permission.");
        heading("Chapter 3: Harvest");
        docx.Paragraph("By September the neighbour had stopped leaning on the fence and started carrying baskets, and the whole street ate well.");
    }

    /// <summary>A paragraph of one run, its asterisks as they are (the builder's markup would read them as emphasis).</summary>
    private static Paragraph Plain(string text) => new(new Run(new DocumentFormat.OpenXml.Wordprocessing.Text(text)));

    private static Paragraph PageRefEntry(string text) => new(
        new Run(new DocumentFormat.OpenXml.Wordprocessing.Text(text)),
        new Run(new FieldChar { FieldCharType = FieldCharValues.Begin }),
        new Run(new FieldCode(" PAGEREF _Toc1 \\h ")),
        new Run(new FieldChar { FieldCharType = FieldCharValues.Separate }),
        new Run(new FieldChar { FieldCharType = FieldCharValues.End }));

    private static ImportedWork Import(DocxBuilder docx) => FileImport.Read("book.docx", ".docx", docx.Build());
}
