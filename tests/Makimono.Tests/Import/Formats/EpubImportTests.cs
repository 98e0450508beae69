using Makimono.Import.Formats;
using Makimono.Import;

namespace Makimono.Tests.Import.Formats;

public sealed class EpubImportTests
{
    [Fact]
    public void Epub2_with_an_ncx_reads_the_opf_metadata_and_one_chapter_per_spine_document()
    {
        var epub = new EpubBuilder(version: 2)
        {
            Title = "The Cartographer's Daughter",
            Creators = ["inkwell_moth"],
            Description = "<p>Liesl maps a coast that keeps <em>changing</em>.</p>",
            Language = "en-GB",
            Subjects = ["Teen And Up Audiences", "No Archive Warnings Apply", "F/F", "Sea Monsters", "Found Family"],
        }
        .Document("chapter1.xhtml", "<h2>Chapter 1: The Coast</h2><p>Liesl unrolled the chart on the deck and pinned its corners with <em>four</em> cold stones.</p><p>The headland on the paper was a mile north of the one she could see.</p><hr/><p>By evening it had moved again.</p>")
        .Document("chapter2.xhtml", "<h2>Chapter 2: Fog</h2><p>Agathe found her on the cliff at dawn, still drawing.</p><p>\"You'll never finish it,\" Agathe said, and sat down beside her anyway.</p>");

        var work = Import(epub);

        Assert.Equal("epub", work.Format);
        Assert.Equal("The Cartographer's Daughter", work.Title);
        Assert.Equal(["inkwell_moth"], work.Creators);
        Assert.Equal("Liesl maps a coast that keeps changing.", work.Summary);
        Assert.Equal("en-GB", work.Language);
        Assert.Equal("Teen And Up Audiences", work.Rating);
        Assert.Equal(["No Archive Warnings Apply"], work.ArchiveWarnings);
        Assert.Equal(["F/F"], work.Categories);
        Assert.Equal(["Sea Monsters", "Found Family"], work.Freeforms);
        Assert.Equal(["The Coast", "Fog"], work.Chapters.Select(c => c.Title));
        Assert.Contains("<em>four</em>", work.Chapters[0].Html, StringComparison.Ordinal);
        Assert.Contains("<hr>", work.Chapters[0].Html, StringComparison.Ordinal);
        Assert.StartsWith("Agathe found her", work.Chapters[1].Text, StringComparison.Ordinal);
        NothingLost.Assert(epub.Text, work);
    }

    [Fact]
    public void Epub3_skips_the_nav_document_and_reads_chapter_notes_scene_breaks_and_the_collection()
    {
        var epub = new EpubBuilder(version: 3)
        {
            Title = "Tidewater",
            Creators = ["Marram Grass"],
            Collection = "Estuary Stories",
        }
        .Document("one.xhtml", "<h1>The Ferry</h1><p>Author's Note: This one is for my grandmother, who ran a ferry for forty years.</p><p>\"Ferry's running,\" Nan said every morning, whatever the weather, and it was.</p><p>She knew every sandbank by the sound the hull made over it.</p><p>* * *</p><p>The year the bridge opened, she kept running it anyway.</p>")
        .Document("two.xhtml", "<p>Nobody crossed on the first day. On the second, a boy with a bicycle did.</p><p>He crossed every day after that, until he was grown.</p><p>Please review if you enjoyed it!</p>");

        var work = Import(epub);

        Assert.Equal(["The Ferry", null], work.Chapters.Select(c => c.Title));
        Assert.DoesNotContain(work.Chapters, c => c.Text.Contains("Contents", StringComparison.Ordinal));
        Assert.StartsWith("This one is for my grandmother", work.Chapters[0].Notes, StringComparison.Ordinal);
        Assert.StartsWith("\"Ferry's running,\"", work.Chapters[0].Text, StringComparison.Ordinal);
        Assert.Equal(1, DocxImportTests.CountOf("<hr>", work.Chapters[0].Html));
        Assert.Equal("Please review if you enjoyed it!", work.EndNotes);
        Assert.Equal(["Estuary Stories"], work.Series);
        Assert.Equal(["Marram Grass"], work.Creators);
        NothingLost.Assert(epub.Text, work);
    }

    [Fact]
    public void An_ao3_epub_reads_its_preface_chapters_and_afterword_like_the_ao3_download()
    {
        var epub = new EpubBuilder(version: 2)
        {
            Title = "The Night Train",
            Creators = ["lanternfish"],
            Description = "<p>A thief and a conductor share one night between two cities.</p>",
            Subjects = ["Fanworks", "Mature", "Graphic Depictions Of Violence", "M/M", "Original Work", "Aurelio/Fen", "Aurelio", "Fen", "Trains", "Enemies to Lovers"],
            CalibreSeries = "Night Lines",
        }
        .Document("preface.xhtml", """
            <div id="preface"><h2 class="toc-heading">Preface</h2>
            <p class="message"><b>The Night Train</b><br/>Posted originally on the <a href="https://example.org/">Archive</a>.</p>
            <div class="meta"><dl class="tags">
            <dt>Rating:</dt><dd><a href="#">Mature</a></dd>
            <dt>Archive Warning:</dt><dd><a href="#">Graphic Depictions Of Violence</a></dd>
            <dt>Category:</dt><dd><a href="#">M/M</a></dd>
            <dt>Fandom:</dt><dd><a href="#">Original Work</a></dd>
            <dt>Relationship:</dt><dd><a href="#">Aurelio/Fen</a></dd>
            <dt>Characters:</dt><dd><a href="#">Aurelio</a>, <a href="#">Fen</a></dd>
            <dt>Additional Tags:</dt><dd><a href="#">Trains</a>, <a href="#">Enemies to Lovers</a></dd>
            <dt>Language:</dt><dd>English</dd>
            <dt>Series:</dt><dd>Part 1 of <a href="#">Night Lines</a></dd>
            <dt>Stats:</dt><dd>Published: 2025-01-01 Words: 120 Chapters: 2/2</dd>
            </dl>
            <h1>The Night Train</h1>
            <div class="byline">by <a rel="author" href="#">lanternfish</a></div>
            <p>Summary</p><blockquote class="userstuff"><p>A thief and a conductor share one night between two cities.</p></blockquote>
            <p>Notes</p><blockquote class="userstuff"><p>For everyone who loves sleeper trains.</p></blockquote>
            </div></div>
            """)
        .Document("chapter1.xhtml", """
            <div id="chapters" class="userstuff"><div class="meta group"><h2 class="heading">Chapter 1: Departure</h2>
            <p>Chapter Notes</p><blockquote class="userstuff"><p>Short one to start.</p></blockquote></div>
            <div class="userstuff"><h3 class="landmark heading">Chapter Text</h3>
            <p>Fen boarded at midnight with a ticket that was not his and a <em>very</em> good coat.</p><hr/>
            <p>Aurelio punched the ticket without looking up.</p></div>
            <div class="meta" id="endnotes1"><p>Chapter End Notes</p><blockquote class="userstuff"><p>More soon!</p></blockquote></div></div>
            """)
        .Document("chapter2.xhtml", """
            <div id="chapters" class="userstuff"><div class="meta group"><h2 class="heading">Chapter 2</h2></div>
            <div class="userstuff"><p>At the border the train stopped, and Aurelio finally looked up.</p></div></div>
            """)
        .Document("afterword.xhtml", """
            <div id="afterword"><h2 class="toc-heading">Afterword</h2><div class="meta"><div id="endnotes"><p>End Notes</p>
            <blockquote class="userstuff"><p>Thank you for reading.</p></blockquote></div></div>
            <p class="message">Please drop by the archive and comment.</p></div>
            """);

        var work = Import(epub);

        Assert.Equal("epub", work.Format);
        Assert.Equal("The Night Train", work.Title);
        Assert.Equal(["lanternfish"], work.Creators);
        Assert.Equal("Mature", work.Rating);
        Assert.Equal(["Graphic Depictions Of Violence"], work.ArchiveWarnings);
        Assert.Equal(["M/M"], work.Categories);
        Assert.Equal(["Original Work"], work.Fandoms);
        Assert.Equal(["Aurelio/Fen"], work.Relationships);
        Assert.Equal(["Aurelio", "Fen"], work.Characters);
        Assert.Equal(["Trains", "Enemies to Lovers"], work.Freeforms);
        Assert.Equal(["Night Lines"], work.Series);
        Assert.Equal("A thief and a conductor share one night between two cities.", work.Summary);
        Assert.Equal("For everyone who loves sleeper trains.", work.Notes);
        Assert.Equal("Thank you for reading.", work.EndNotes);
        Assert.Equal(["Departure", null], work.Chapters.Select(c => c.Title));
        Assert.Equal("Short one to start.", work.Chapters[0].Notes);
        Assert.Equal("More soon!", work.Chapters[0].EndNotes);
        Assert.Contains("<em>very</em>", work.Chapters[0].Html, StringComparison.Ordinal);
        Assert.Contains("<hr>", work.Chapters[0].Html, StringComparison.Ordinal);
        Assert.DoesNotContain("Chapter Text", work.Chapters[0].Text, StringComparison.Ordinal);
        Assert.Equal("At the border the train stopped, and Aurelio finally looked up.", work.Chapters[1].Text);
    }

    [Fact]
    public void A_fanficfare_epub_reads_its_title_page_for_metadata_and_skips_its_contents_page()
    {
        var epub = new EpubBuilder(version: 2)
        {
            Title = "Hollow Crown",
            Creators = ["birchbark"],
            Description = "Two hobbits, one stolen crown, and a very long walk home.",
            Subjects = ["FanFiction", "Adventure", "Friendship", "Lord of the Rings", "Completed", "Last Update: 2012/05/06"],
            CalibreSeries = "Shire Tales",
        }
        .Document("title_page.xhtml", """
            <h3><a href="https://example.net/s/1/1/">Hollow Crown</a> by <a class="authorlink" href="https://example.net/u/1/">birchbark</a></h3>
            <div>
            <b>Category:</b> Lord of the Rings<br/>
            <b>Genre:</b> Adventure, Friendship<br/>
            <b>Language:</b> English<br/>
            <b>Characters:</b> Merry B., Pippin T.<br/>
            <b>Relationships:</b> Merry B. &amp; Pippin T.<br/>
            <b>Status:</b> Completed<br/>
            <b>Published:</b> 2011-03-04<br/>
            <b>Updated:</b> 2012-05-06<br/>
            <b>Rating:</b> K+<br/>
            <b>Chapters:</b> 2<br/>
            <b>Words:</b> 98<br/>
            <b>Summary:</b> Two hobbits, one stolen crown, and a very long walk home.<br/>
            </div>
            """)
        .Document("toc_page.xhtml", "<div><h3>Table of Contents</h3><a href=\"file0001.xhtml\">Second Breakfast</a><br/><a href=\"file0002.xhtml\">The Long Road</a></div>", counted: false)
        .Document("file0001.xhtml", "<h3>Second Breakfast</h3><p>Merry had not meant to steal the crown. It had simply been sitting there, next to the scones.</p><p>Pippin, to his credit, noticed at once.</p>")
        .Document("file0002.xhtml", "<h3>The Long Road</h3><p>They walked for nine days before either of them admitted they were lost.</p>");

        var work = Import(epub);

        Assert.Equal("Hollow Crown", work.Title);
        Assert.Equal(["birchbark"], work.Creators);
        Assert.Equal(["Lord of the Rings"], work.Fandoms);
        Assert.Equal(["Adventure", "Friendship"], work.Freeforms);
        Assert.Equal(["Merry B.", "Pippin T."], work.Characters);
        Assert.Equal(["Merry B. & Pippin T."], work.Relationships);
        Assert.Equal("General Audiences", work.Rating);
        Assert.Equal("Two hobbits, one stolen crown, and a very long walk home.", work.Summary);
        Assert.Equal(["Shire Tales"], work.Series);
        Assert.Equal(["Second Breakfast", "The Long Road"], work.Chapters.Select(c => c.Title));
        Assert.StartsWith("Merry had not meant", work.Chapters[0].Text, StringComparison.Ordinal);
        Assert.DoesNotContain(NothingLost.FieldTexts(work), t => t?.Contains("Completed", StringComparison.Ordinal) == true);
        NothingLost.Assert(epub.Text, work);
    }

    [Fact]
    public void Centred_symbols_in_a_spine_document_are_scene_breaks()
    {
        var epub = new EpubBuilder(version: 2) { Title = "Lantern Hours" }
            .Document("c1.xhtml", "<h3>Dusk</h3><p>The lamplighter started at the harbour end, as he always had.</p><p style=\"text-align: center;\">~o~</p><p>By the time he reached the church the first lamps were already guttering.</p><div class=\"center\">-x-</div><p>He went back and lit them again.</p>");

        var work = Import(epub);

        var chapter = Assert.Single(work.Chapters);
        Assert.Equal(2, DocxImportTests.CountOf("<hr>", chapter.Html));
        Assert.DoesNotContain("~o~", chapter.Text, StringComparison.Ordinal);
        NothingLost.Assert(epub.Text, work);
    }

    [Fact]
    public void A_first_document_without_a_heading_is_the_works_front_matter()
    {
        var epub = new EpubBuilder(version: 3) { Title = "The Bellmaker", Creators = ["copperleaf"] }
            .Document("ch001.xhtml", "<p>A/N: Written for a winter prompt. Thanks for reading!</p><p>Disclaimer: the village is made up.</p>")
            .Document("ch002.xhtml", "<h1>Bronze</h1><p>Tamsin poured the bronze at dawn and did not breathe until the mould was full.</p>")
            .Document("ch003.xhtml", "<p>The village came to look at the silent bell, and went away again.</p>");

        var work = Import(epub);

        Assert.Equal("Written for a winter prompt. Thanks for reading!", work.Notes);
        Assert.Equal("the village is made up.", work.Disclaimer);
        Assert.Equal(["Bronze", null], work.Chapters.Select(c => c.Title));
        NothingLost.Assert(epub.Text, work);
    }

    [Fact]
    public void A_title_page_named_in_the_guide_is_not_story_text()
    {
        var epub = new EpubBuilder(version: 2) { Title = "Quiet Harbour", Creators = ["tern"] }
            .Document("front.xhtml", "<h1>Quiet Harbour</h1><p>by tern</p>")
            .Document("story.xhtml", "<p>The harbour was quiet because the fish had all gone somewhere else.</p><p>Ysolde intended to find out where.</p>")
            .Guide("title-page", "front.xhtml");

        var work = Import(epub);

        var chapter = Assert.Single(work.Chapters);
        Assert.StartsWith("The harbour was quiet", chapter.Text, StringComparison.Ordinal);
        NothingLost.Assert(epub.Text, work);
    }

    [Fact]
    public void An_epub_whose_spine_points_at_a_missing_file_is_refused()
    {
        var epub = new EpubBuilder(version: 3) { Title = "Gaps", MissingSpineFile = "chapter9.xhtml" }
            .Document("chapter1.xhtml", "<p>There is a first chapter, at least.</p>");

        var e = Assert.Throws<ImportException>(() => Import(epub));

        Assert.Contains("OEBPS/chapter9.xhtml", e.Message, StringComparison.Ordinal);
        Assert.Contains("not in the file", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_epub_whose_container_points_at_a_missing_package_document_is_refused()
    {
        var zip = DocxImportTests.Zip(("mimetype", "application/epub+zip"),
            ("META-INF/container.xml", "<container xmlns=\"urn:oasis:names:tc:opendocument:xmlns:container\"><rootfiles><rootfile full-path=\"OPS/book.opf\"/></rootfiles></container>"));

        var e = Assert.Throws<ImportException>(() => FileImport.Read("book.epub", ".epub", zip));

        Assert.Contains("OPS/book.opf", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_epub_without_container_or_package_document_is_refused()
    {
        var zip = DocxImportTests.Zip(("mimetype", "application/epub+zip"), ("OEBPS/chapter1.xhtml", "<html><body><p>Orphaned text.</p></body></html>"));

        var e = Assert.Throws<ImportException>(() => FileImport.Read("book.epub", ".epub", zip));

        Assert.Contains("META-INF/container.xml", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_epub_with_an_empty_spine_is_refused()
    {
        var zip = DocxImportTests.Zip(("mimetype", "application/epub+zip"),
            ("META-INF/container.xml", "<container xmlns=\"urn:oasis:names:tc:opendocument:xmlns:container\"><rootfiles><rootfile full-path=\"book.opf\"/></rootfiles></container>"),
            ("book.opf", "<package xmlns=\"http://www.idpf.org/2007/opf\" version=\"3.0\"><metadata/><manifest/><spine/></package>"));

        var e = Assert.Throws<ImportException>(() => FileImport.Read("book.epub", ".epub", zip));

        Assert.Contains("spine", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_epub_package_without_its_container_is_found_when_it_is_the_only_one()
    {
        var epub = new EpubBuilder(version: 2) { Title = "Loose Leaf", WithoutContainer = true }
            .Document("text.xhtml", "<p>The pages came unbound in the rain, and Odo gathered them in the wrong order.</p><p>It read better that way.</p>");

        var work = Import(epub);

        Assert.Equal("Loose Leaf", work.Title);
        Assert.StartsWith("The pages came unbound", Assert.Single(work.Chapters).Text, StringComparison.Ordinal);
    }

    private static ImportedWork Import(EpubBuilder epub) => FileImport.Read("book.epub", ".epub", epub.Build());
}
