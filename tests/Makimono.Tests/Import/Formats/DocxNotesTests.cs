using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace Makimono.Tests.Import.Formats;

public sealed class DocxNotesTests
{
    [Fact]
    public void Footnotes_keep_their_mark_in_the_text_and_go_to_their_chapters_end_notes()
    {
        var docx = new DocxBuilder()
            .Heading("Chapter 1: Brine")
            .Element(new W.Paragraph(new Run(new W.Text("Marisol salted the fish the old way")), new Run(new FootnoteReference { Id = 1 }),
                new Run(new W.Text(" and hung them under the eaves."))), "")
            .Paragraph("The gulls watched her from the roof, patient as tax collectors.")
            .Heading("Chapter 2: Smoke")
            .Element(new W.Paragraph(new Run(new W.Text("In winter she smoked them instead")), new Run(new FootnoteReference { Id = 2 }),
                new Run(new W.Text("."))), "")
            .Paragraph("The gulls did not approve, and said so from the roof.")
            .Part(main =>
            {
                var part = main.AddNewPart<FootnotesPart>();
                part.Footnotes = new Footnotes(
                    new Footnote(new W.Paragraph()) { Id = -1, Type = FootnoteEndnoteValues.Separator },
                    new Footnote(new W.Paragraph()) { Id = 0, Type = FootnoteEndnoteValues.ContinuationSeparator },
                    new Footnote(new W.Paragraph(new Run(new FootnoteReferenceMark()), new Run(new W.Text(" Three parts salt to one of sugar.")))) { Id = 1 },
                    new Footnote(new W.Paragraph(new Run(new FootnoteReferenceMark()), new Run(new W.Text(" Over applewood, never pine.")))) { Id = 2 });
            });

        var work = DocxImportTests.Import(docx);

        Assert.Equal(["Brine", "Smoke"], work.Chapters.Select(c => c.Title));
        Assert.Contains("the old way[1] and hung them", work.Chapters[0].Text, StringComparison.Ordinal);
        Assert.Equal("[1] Three parts salt to one of sugar.", work.Chapters[0].EndNotes);
        Assert.Contains("smoked them instead[2].", work.Chapters[1].Text, StringComparison.Ordinal);
        Assert.Equal("[2] Over applewood, never pine.", work.Chapters[1].EndNotes);
    }

    [Fact]
    public void Endnotes_are_marked_with_roman_numerals_as_word_shows_them()
    {
        var docx = new DocxBuilder()
            .Element(new W.Paragraph(new Run(new W.Text("Tobin counted the lighthouse steps twice")), new Run(new EndnoteReference { Id = 1 }),
                new Run(new W.Text(" and got two answers."))), "")
            .Paragraph("He wrote both of them down and went to bed.")
            .Part(main =>
            {
                var part = main.AddNewPart<EndnotesPart>();
                part.Endnotes = new Endnotes(
                    new Endnote(new W.Paragraph()) { Id = 0, Type = FootnoteEndnoteValues.Separator },
                    new Endnote(new W.Paragraph(new Run(new EndnoteReferenceMark()), new Run(new W.Text(" There are one hundred and twelve.")))) { Id = 1 });
            });

        var work = DocxImportTests.Import(docx);

        var chapter = Assert.Single(work.Chapters);
        Assert.Contains("steps twice[i] and got", chapter.Text, StringComparison.Ordinal);
        Assert.Contains("[i] There are one hundred and twelve.", chapter.EndNotes ?? work.EndNotes, StringComparison.Ordinal);
    }

    /// <summary>A two-paragraph story whose first paragraph carries an editor's review comment.</summary>
    internal static DocxBuilder StoryWithReviewComment() => new DocxBuilder()
        .Element(new W.Paragraph(new CommentRangeStart { Id = "0" }, new Run(new W.Text("The kettle sang before anyone had lit the stove.")),
            new CommentRangeEnd { Id = "0" }, new Run(new CommentReference { Id = "0" })), "The kettle sang before anyone had lit the stove.")
        .Paragraph("Nobody in the house thought this was strange.")
        .Part(main =>
        {
            var part = main.AddNewPart<WordprocessingCommentsPart>();
            part.Comments = new Comments(new Comment(new W.Paragraph(new Run(new W.Text("Should this be foreshadowed earlier?")))) { Id = "0", Author = "Editor" });
        });

    [Fact]
    public void Review_comments_are_left_out_of_the_story_with_a_warning_that_quotes_them()
    {
        var docx = StoryWithReviewComment();

        var work = DocxImportTests.Import(docx);

        var chapter = Assert.Single(work.Chapters);
        Assert.DoesNotContain("foreshadowed", chapter.Text, StringComparison.Ordinal);
        var warning = Assert.Single(work.Warnings);
        Assert.Contains("1 review comment", warning, StringComparison.Ordinal);
        Assert.Contains("Should this be foreshadowed earlier?", warning, StringComparison.Ordinal);
        NothingLost.Assert(docx.Text + "\nShould this be foreshadowed earlier?", work);
    }
}
