using System.IO.Compression;
using System.Text;
using Makimono.Import.Formats;
using Makimono.Import;

namespace Makimono.Tests.Import.Formats;

public sealed class DocxImportTests
{
    [Fact]
    public void Heading_styles_start_chapters_and_the_title_style_titles_the_work()
    {
        var docx = new DocxBuilder()
            .Title("The Glasshouse")
            .Heading("Chapter 1: Seedlings")
            .Paragraph("Odile planted the tomatoes in March, long before anyone thought it was warm enough.")
            .Paragraph("Her brother Bastien laughed at her until the first green shoots came up.")
            .Heading("Cuttings")
            .Paragraph("By June the glasshouse was too small, and Bastien had stopped laughing.");

        var work = Import(docx);

        Assert.Equal("docx", work.Format);
        Assert.Equal("The Glasshouse", work.Title);
        Assert.Equal(["Seedlings", "Cuttings"], work.Chapters.Select(c => c.Title));
        Assert.StartsWith("<p>Odile planted", work.Chapters[0].Html, StringComparison.Ordinal);
        Assert.StartsWith("By June", work.Chapters[1].Text, StringComparison.Ordinal);
        Assert.Equal("en", work.Language);
        NothingLost.Assert(docx.Text, work);
    }

    [Fact]
    public void A_lone_top_heading_titles_the_work_and_lower_headings_and_outline_levels_are_chapters()
    {
        var docx = new DocxBuilder()
            .Heading("Paper Lanterns", level: 1)
            .Heading("The Festival", level: 2)
            .Paragraph("Every summer the river carried a thousand paper lanterns past Ines's window.")
            .Heading("Embers", level: 2)
            .Paragraph("One year a lantern caught on the reeds below the house, still burning.")
            .OutlineHeading("Morning", level: 2)
            .Paragraph("She waded out at dawn to see whose name was written on it.");

        var work = Import(docx);

        Assert.Equal("Paper Lanterns", work.Title);
        Assert.Equal(["The Festival", "Embers", "Morning"], work.Chapters.Select(c => c.Title));
        Assert.All(work.Chapters, c => Assert.True(c.Words > 0));
        NothingLost.Assert(docx.Text, work);
    }

    [Fact]
    public void A_part_heading_with_nothing_under_it_leads_the_next_chapters_title()
    {
        var docx = new DocxBuilder()
            .Heading("Book One", level: 1)
            .Heading("The Road", level: 2)
            .Paragraph("They left the valley on foot, because the cart had been sold for the fare.")
            .Heading("Book Two", level: 1)
            .Heading("The Sea", level: 2)
            .Paragraph("The ship was smaller than the poster had promised.");

        var work = Import(docx);

        Assert.Null(work.Title);
        Assert.Equal(["Book One: The Road", "Book Two: The Sea"], work.Chapters.Select(c => c.Title));
        NothingLost.Assert(docx.Text, work);
    }

    [Fact]
    public void Headings_at_one_level_are_all_chapters_when_none_stands_above_the_others()
    {
        var docx = new DocxBuilder()
            .Heading("Ice")
            .Paragraph("The lake froze overnight and the village went out to look at it.")
            .Heading("Thaw")
            .Paragraph("In April it cracked like a gunshot and nobody slept.");

        var work = Import(docx);

        Assert.Null(work.Title);
        Assert.Equal(["Ice", "Thaw"], work.Chapters.Select(c => c.Title));
    }

    [Fact]
    public void Front_matter_before_the_first_heading_goes_to_its_fields_and_the_closing_plea_to_end_notes()
    {
        var docx = new DocxBuilder()
            .Title("Salt Roads")
            .Paragraph("A/N: This started as a drabble and got away from me. Enjoy!")
            .Paragraph("Disclaimer: I don't own the characters, only the plot.")
            .Paragraph("Summary: Two smugglers, one cargo of salt, and a storm neither of them saw coming.")
            .Heading("Chapter 1")
            .Paragraph("Keziah tied the last barrel down and looked at the sky over the headland.")
            .Paragraph("\"It'll hold,\" said Rowan, who had never once been right about the weather.")
            .Heading("Chapter 2")
            .Paragraph("It did not hold.")
            .Paragraph("Please review and tell me what you think!");

        var work = Import(docx);

        Assert.Equal("Salt Roads", work.Title);
        Assert.StartsWith("This started as a drabble", work.Notes, StringComparison.Ordinal);
        Assert.StartsWith("I don't own the characters", work.Disclaimer, StringComparison.Ordinal);
        Assert.StartsWith("Two smugglers, one cargo", work.Summary, StringComparison.Ordinal);
        Assert.Equal([null, null], work.Chapters.Select(c => c.Title));
        Assert.StartsWith("Keziah tied", work.Chapters[0].Text, StringComparison.Ordinal);
        Assert.Equal("It did not hold.", work.Chapters[1].Text);
        Assert.StartsWith("Please review", work.EndNotes, StringComparison.Ordinal);
        NothingLost.Assert(docx.Text, work);
    }

    [Fact]
    public void Author_and_abstract_styles_are_the_byline_and_the_summary()
    {
        var docx = new DocxBuilder()
            .Title("The Bellmaker")
            .Author("copperleaf")
            .Abstract("An apprentice casts a bell that will not ring.")
            .Paragraph("A/N: Written for a winter prompt.")
            .Heading("Bronze")
            .Paragraph("Tamsin poured the bronze at dawn and did not breathe until the mould was full.");

        var work = Import(docx);

        Assert.Equal(["copperleaf"], work.Creators);
        Assert.Equal("An apprentice casts a bell that will not ring.", work.Summary);
        Assert.Equal("Written for a winter prompt.", work.Notes);
        Assert.Equal(["Bronze"], work.Chapters.Select(c => c.Title));
        NothingLost.Assert(docx.Text, work);
    }

    [Fact]
    public void Italics_bold_and_underline_are_kept_and_line_breaks_stay_within_the_paragraph()
    {
        var docx = new DocxBuilder()
            .Paragraph("The letter said only *come home*, and Marguerite read it **three** times.")
            .Paragraph("It was signed _Papa_, which he had never once written.\nNot in forty years.")
            .Paragraph("She packed that night and caught the first train south in the morning.");

        var work = Import(docx);

        var html = Assert.Single(work.Chapters).Html;
        Assert.Contains("<em>come home</em>", html, StringComparison.Ordinal);
        Assert.Contains("<strong>three</strong>", html, StringComparison.Ordinal);
        Assert.Contains("<u>Papa</u>", html, StringComparison.Ordinal);
        Assert.Contains("written.<br>Not in forty years.", html, StringComparison.Ordinal);
        NothingLost.Assert(docx.Text, work);
    }

    [Theory]
    [InlineData("~o~")]
    [InlineData("* * *")]
    [InlineData("-x-")]
    [InlineData("§")]
    public void A_centred_line_of_symbols_is_a_scene_break(string symbols)
    {
        var docx = new DocxBuilder()
            .Paragraph("The fog came in before noon and did not lift for three days.")
            .Centred(symbols)
            .Paragraph("On the fourth day the foghorn stopped, and the silence was worse.")
            .Centred(symbols)
            .Paragraph("Tamsin rowed out to the lighthouse to see why.");

        var work = Import(docx);

        var chapter = Assert.Single(work.Chapters);
        Assert.Equal(2, CountOf("<hr>", chapter.Html));
        Assert.DoesNotContain(symbols, chapter.Text, StringComparison.Ordinal);
        NothingLost.Assert(docx.Text, work);
    }

    [Fact]
    public void A_centred_line_with_words_is_story_not_a_scene_break()
    {
        var docx = new DocxBuilder()
            .Paragraph("The telegram was two lines long.")
            .Centred("STOP. COME AT ONCE.")
            .Paragraph("Arthur folded it twice and put it in his breast pocket.");

        var work = Import(docx);

        var chapter = Assert.Single(work.Chapters);
        Assert.DoesNotContain("<hr>", chapter.Html, StringComparison.Ordinal);
        Assert.Contains("STOP. COME AT ONCE.", chapter.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Empty_paragraphs_used_as_spacing_are_not_scene_breaks_but_a_double_one_is()
    {
        var docx = new DocxBuilder()
            .Paragraph("Wren counted the stairs on the way up: forty-one.").Empty()
            .Paragraph("She counted them on the way down: forty-two.").Empty()
            .Paragraph("She went up again, counting aloud.").Empty().Empty()
            .Paragraph("The next morning the tower had forty-three.").Empty()
            .Paragraph("Wren moved out that afternoon.").Empty();

        var work = Import(docx);

        var chapter = Assert.Single(work.Chapters);
        Assert.Equal(1, CountOf("<hr>", chapter.Html));
        Assert.Equal(5, CountOf("<p>", chapter.Html));
    }

    [Fact]
    public void A_single_empty_paragraph_between_unspaced_paragraphs_is_a_scene_break_as_in_html()
    {
        var docx = new DocxBuilder()
            .Paragraph("The train left without him.")
            .Paragraph("He sat on his suitcase and waited for the next one.")
            .Empty()
            .Paragraph("Far away, Clementine looked at the empty seat beside her.")
            .Paragraph("She had saved it all the way from Lyon.");

        var work = Import(docx);

        Assert.Equal(1, CountOf("<hr>", Assert.Single(work.Chapters).Html));
    }

    [Fact]
    public void A_zip_with_a_word_document_is_read_as_docx_whatever_its_extension()
    {
        var docx = new DocxBuilder()
            .Paragraph("The kettle sang, and nobody got up to take it off the stove.")
            .Paragraph("In the end it was the cat who knocked it over.");

        var work = FileImport.Read("story.bin", ".bin", docx.Build());

        Assert.Equal("docx", work.Format);
        NothingLost.Assert(docx.Text, work);
    }

    [Fact]
    public void A_docx_that_is_a_zip_of_something_else_is_refused()
    {
        var zip = Zip(("notes/readme.txt", "Nothing to see here."), ("pictures/cat.txt", "Pretend this is a cat."));

        var e = Assert.Throws<ImportException>(() => FileImport.Read("story.docx", ".docx", zip));

        Assert.Contains("word/document.xml", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_docx_whose_document_is_not_xml_is_refused_as_damaged()
    {
        var zip = Replace(new DocxBuilder().Paragraph("A perfectly good story.").Build(), "word/document.xml", "this is not <xml");

        var e = Assert.Throws<ImportException>(() => FileImport.Read("story.docx", ".docx", zip));

        Assert.Contains("damaged", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_docx_that_is_not_a_zip_at_all_is_refused()
    {
        var e = Assert.Throws<ImportException>(() => FileImport.Read("story.docx", ".docx", Encoding.UTF8.GetBytes("Just some text someone renamed.")));

        Assert.Contains("not a zip archive", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_zip_that_is_neither_docx_nor_epub_is_refused_with_what_to_do()
    {
        var zip = Zip(("chapter1.txt", "Once upon a time."));

        var e = Assert.Throws<ImportException>(() => FileImport.Read("stories.zip", ".zip", zip));

        Assert.Contains("Unzip it", e.Message, StringComparison.Ordinal);
    }

    internal static ImportedWork Import(DocxBuilder docx) => FileImport.Read("story.docx", ".docx", docx.Build());

    internal static byte[] Zip(params (string Name, string Content)[] entries)
    {
        using var stream = new MemoryStream();
        using (var archive = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in entries)
            {
                using var writer = new StreamWriter(archive.CreateEntry(name).Open());
                writer.Write(content);
            }
        }
        return stream.ToArray();
    }

    internal static byte[] Replace(byte[] zip, string name, string content)
    {
        using var stream = new MemoryStream();
        stream.Write(zip);
        using (var archive = new ZipArchive(stream, ZipArchiveMode.Update, leaveOpen: true))
        {
            archive.GetEntry(name)!.Delete();
            using var writer = new StreamWriter(archive.CreateEntry(name).Open());
            writer.Write(content);
        }
        return stream.ToArray();
    }

    internal static int CountOf(string needle, string haystack) =>
        (haystack.Length - haystack.Replace(needle, string.Empty, StringComparison.Ordinal).Length) / needle.Length;
}
