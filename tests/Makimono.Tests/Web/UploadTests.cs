using System.Net;
using System.Text;
using Makimono.Tests.Import;
using Microsoft.EntityFrameworkCore;

namespace Makimono.Tests.Web;

/// <summary>Importing a file on "Post new work": the form comes back filled in, and only posting it saves anything.</summary>
public sealed class UploadTests(ArchiveFactory archive) : IClassFixture<ArchiveFactory>
{
    private const string Story = """
        The Salt Road Home

        Fandom: Desert Couriers
        Summary: Two couriers cross the salt flats with a letter neither of them may open.

        A/N: This is my first story in this fandom, thanks for reading and please review!

        Chapter 1: The Caravan

        Wren checked the straps on the camel twice before dawn. Oskar watched her from the well and said nothing.

        Wren told Oskar the letter was heavier than it looked. Oskar said letters always were.

        * * *

        By noon Wren and Oskar had passed the last marker stone. Oskar sang, badly, and Wren let him.

        Chapter 2: The Oasis

        The oasis was smaller than the map promised. Wren filled the skins while Oskar kept watch.

        At night Oskar asked Wren what she would do with the reward. Wren did not answer for a long time.
        """;

    [Fact]
    public async Task An_uploaded_file_fills_the_form_and_posting_that_form_creates_every_chapter()
    {
        await archive.CreateUserAsync("uploader");
        using var client = await archive.LoggedInAsync("uploader");
        var worksBefore = await archive.WithDbAsync(db => db.Works.CountAsync());

        using var upload = await UploadAsync(client, "salt-road.txt", Encoding.UTF8.GetBytes(Story));
        var page = await client.PageOfAsync(upload);
        var form = PostingForm(page);

        Assert.Equal("The Salt Road Home", Field(form, "Work.Title"));
        Assert.Equal("Desert Couriers", Field(form, "Work.Fandoms"));
        Assert.Contains("letter neither of them may open", Field(form, "Work.Summary"), StringComparison.Ordinal);
        Assert.Contains("my first story in this fandom", Field(form, "Work.Notes"), StringComparison.Ordinal);
        Assert.Equal("The Caravan", Field(form, "Chapter.Title"));
        Assert.Contains("<hr", Field(form, "Chapter.Body"), StringComparison.Ordinal);
        Assert.DoesNotContain("The oasis was smaller", Field(form, "Chapter.Body"), StringComparison.Ordinal);
        Assert.Equal("The Oasis", Field(form, "MoreChapters[0].Title"));
        Assert.Contains("The oasis was smaller", Field(form, "MoreChapters[0].Body"), StringComparison.Ordinal);
        var notice = page.Document.QuerySelector("#imported-heading")!.ParentElement!.TextContent;
        Assert.Contains("salt-road.txt", notice, StringComparison.Ordinal);
        Assert.Contains("2 chapters", notice, StringComparison.Ordinal);
        Assert.Contains("1 scene break", notice, StringComparison.Ordinal);
        Assert.Equal(worksBefore, await archive.WithDbAsync(db => db.Works.CountAsync()));

        using var posted = await form.SubmitAsync();
        Assert.True(posted.StatusCode == HttpStatusCode.Redirect, await posted.Content.ReadAsStringAsync());
        var chapters = await archive.WithDbAsync(db => db.Chapters.Where(c => c.Work.Title == "The Salt Road Home")
            .OrderBy(c => c.Position).Select(c => new { c.Title, c.Body, c.IsDraft }).ToListAsync());
        Assert.Equal(["The Caravan", "The Oasis"], chapters.Select(c => c.Title));
        Assert.Contains("<hr>", chapters[0].Body, StringComparison.Ordinal);
        Assert.Contains("The oasis was smaller", chapters[1].Body, StringComparison.Ordinal);
        Assert.All(chapters, c => Assert.False(c.IsDraft));
    }

    [Fact]
    public async Task A_plain_text_chapter_shows_as_typed_paragraphs_and_posts_as_the_same_html()
    {
        await archive.CreateUserAsync("plainuploader");
        using var client = await archive.LoggedInAsync("plainuploader");

        using var upload = await UploadAsync(client, "salt-road.txt", Encoding.UTF8.GetBytes(Story));
        var form = PostingForm(await client.PageOfAsync(upload));

        // Chapter 2 is two plain paragraphs: the box shows them as typed, without the <p> tags a .txt never had.
        Assert.Equal("""
            The oasis was smaller than the map promised. Wren filled the skins while Oskar kept watch.

            At night Oskar asked Wren what she would do with the reward. Wren did not answer for a long time.
            """, Field(form, "MoreChapters[0].Body").Replace("\r\n", "\n", StringComparison.Ordinal));
        // Chapter 1 has a scene break, which only HTML says: it stays HTML.
        Assert.Contains("<hr", Field(form, "Chapter.Body"), StringComparison.Ordinal);

        using var posted = await form.SubmitAsync();
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        var body = await archive.WithDbAsync(db => db.Chapters.Where(c => c.Work.Title == "The Salt Road Home" && c.Position == 2 && c.Work.Creators.Any(p => p.Pseud.User.UserName == "plainuploader"))
            .Select(c => c.Body).SingleAsync());
        Assert.Equal("<p>The oasis was smaller than the map promised. Wren filled the skins while Oskar kept watch.</p>\n<p>At night Oskar asked Wren what she would do with the reward. Wren did not answer for a long time.</p>", body.TrimEnd());
    }

    [Fact]
    public async Task A_later_chapter_that_fails_validation_shows_the_whole_form_again_and_saves_nothing()
    {
        await archive.CreateUserAsync("hastyuploader");
        using var client = await archive.LoggedInAsync("hastyuploader");
        using var upload = await UploadAsync(client, "salt-road.txt", Encoding.UTF8.GetBytes(Story));
        var form = PostingForm(await client.PageOfAsync(upload)).Set("MoreChapters[0].Body", "").Set("Work.Title", "My Own Title");

        using var posted = await form.SubmitAsync();
        var page = await client.PageOfAsync(posted);

        Assert.Contains("Chapter 2: The chapter text needs", page.Document.QuerySelector("[role=alert]")!.TextContent, StringComparison.Ordinal);
        var shown = PostingForm(page);
        Assert.Equal("My Own Title", Field(shown, "Work.Title"));
        Assert.Equal("The Oasis", Field(shown, "MoreChapters[0].Title"));
        Assert.Contains("Wren checked the straps", Field(shown, "Chapter.Body"), StringComparison.Ordinal);
        Assert.False(await archive.WithDbAsync(db => db.Works.AnyAsync(w => w.Title == "My Own Title")));
    }

    [Fact]
    public async Task A_chapter_left_out_is_not_posted()
    {
        await archive.CreateUserAsync("trimmer");
        using var client = await archive.LoggedInAsync("trimmer");
        using var upload = await UploadAsync(client, "salt-road.txt", Encoding.UTF8.GetBytes(Story));
        var form = PostingForm(await client.PageOfAsync(upload)).Set("Work.Title", "Only The Caravan").Check("LeaveOut", "0");

        using var posted = await form.SubmitAsync();

        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        var titles = await archive.WithDbAsync(db => db.Chapters.Where(c => c.Work.Title == "Only The Caravan").Select(c => c.Title).ToListAsync());
        Assert.Equal(["The Caravan"], titles);
    }

    [Fact]
    public async Task Suggestions_are_offered_but_only_the_ticked_ones_reach_the_fields()
    {
        await archive.CreateUserAsync("suggestee");
        using var client = await archive.LoggedInAsync("suggestee");
        using var upload = await UploadAsync(client, "salt-road.txt", Encoding.UTF8.GetBytes(Story));
        var page = await client.PageOfAsync(upload);
        var form = PostingForm(page);

        var offered = page.Document.QuerySelectorAll("input[name=AcceptCharacters]").Select(i => i.GetAttribute("value")).ToList();
        Assert.Contains("Wren", offered);
        Assert.Contains("Oskar", offered);
        Assert.Equal("", Field(form, "Work.Characters"));
        var rating = page.Document.QuerySelector("input[name=AcceptRating]")!.GetAttribute("value")!;

        using var applied = await page.Form("Apply ticked suggestions").Check("AcceptCharacters", "Wren").Check("AcceptRating", rating).SubmitAsync();
        var after = await client.PageOfAsync(applied);
        var shown = PostingForm(after);

        Assert.Equal("Wren", Field(shown, "Work.Characters"));
        Assert.Equal("/works/new", shown.Element.GetAttribute("action"));
        Assert.Equal(rating, after.Document.QuerySelector("select[name='Work.RatingId'] option[selected]")!.TextContent);
        Assert.Equal("The Salt Road Home", Field(shown, "Work.Title"));
        Assert.Contains("The oasis was smaller", Field(shown, "MoreChapters[0].Body"), StringComparison.Ordinal);
        Assert.Equal(["Oskar"], after.Document.QuerySelectorAll("input[name=AcceptCharacters]").Select(i => i.GetAttribute("value")));
        Assert.False(await archive.WithDbAsync(db => db.Works.AnyAsync(w => w.Title == "The Salt Road Home" && w.Creators.Any(c => c.Pseud.User.UserName == "suggestee"))));
    }

    public static TheoryData<string, string, byte[]> RefusedFiles() => new()
    {
        { "empty.txt", "The file is empty", [] },
        { "picture.txt", "This is a PNG image", [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13] },
        { "huge.txt", "the limit is 10 MB", Encoding.ASCII.GetBytes(new string('a', (10 * 1024 * 1024) + 1)) },
    };

    [Theory]
    [MemberData(nameof(RefusedFiles))]
    public async Task A_file_that_cannot_be_imported_gets_an_error_on_the_page_and_nothing_is_created(string name, string error, byte[] content)
    {
        var user = $"refused{name.Split('.')[0]}";
        await archive.CreateUserAsync(user);
        using var client = await archive.LoggedInAsync(user);
        var worksBefore = await archive.WithDbAsync(db => db.Works.CountAsync());

        using var upload = await UploadAsync(client, name, content);
        var page = await client.PageOfAsync(upload);

        Assert.Contains(error, page.Document.QuerySelector("[role=alert]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("", Field(PostingForm(page), "Work.Title"));
        Assert.Equal(worksBefore, await archive.WithDbAsync(db => db.Works.CountAsync()));
    }

    public static TheoryData<string, string> HostileFileNames() => new()
    {
        { "bomb.docx", "zip bomb" },
        { "xxe.epub", "declares its own XML entities" },
        { "laughs.docx", "declares its own XML entities" },
        { "deep.html", "nested more than" },
        { "nul.txt", "NUL bytes" },
        { "cut.epub", "damaged or incomplete" },
        { "spine.epub", "which its manifest does not list" },
    };

    private static byte[] HostileFile(string name) => name switch
    {
        "bomb.docx" => HostileFiles.ZipBomb(HostileFiles.Docx(), "word/media/zeros.bin", gigabytes: 2),
        "xxe.epub" => HostileFiles.Changed(HostileFiles.Epub(), "OEBPS/c1.xhtml", x => HostileFiles.WithExternalEntity(x, "html")),
        "laughs.docx" => HostileFiles.Changed(HostileFiles.Docx(), "word/document.xml", x => HostileFiles.WithBillionLaughs(x, "w:document")),
        "deep.html" => Encoding.UTF8.GetBytes(HostileFiles.NestedHtml("b", 100_000)),
        "nul.txt" => "Once\0upon a time"u8.ToArray(),
        "cut.epub" => HostileFiles.Epub()[..300],
        "spine.epub" => HostileFiles.Changed(HostileFiles.Epub(), "OEBPS/content.opf", opf => opf.Replace("<itemref idref=\"item1\"/>", "<itemref idref=\"nowhere\"/>", StringComparison.Ordinal)),
        _ => throw new ArgumentException(name),
    };

    [Theory]
    [MemberData(nameof(HostileFileNames))]
    public async Task A_hostile_file_is_refused_on_the_page_by_its_reason_and_the_next_file_still_imports(string name, string reason)
    {
        var user = $"hostile{name.Replace(".", "", StringComparison.Ordinal)}";
        await archive.CreateUserAsync(user);
        using var client = await archive.LoggedInAsync(user);
        var worksBefore = await archive.WithDbAsync(db => db.Works.CountAsync());

        using var refused = await UploadAsync(client, name, HostileFile(name));
        var page = await client.PageOfAsync(refused);

        Assert.Contains(reason, page.Document.QuerySelector("[role=alert]")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(HostileFiles.SecretMarker, page.Document.Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal(worksBefore, await archive.WithDbAsync(db => db.Works.CountAsync()));

        // The page it answered with still imports the next file.
        using var next = await page.Form("Import from file").Attach("upload", "salt-road.txt", Encoding.UTF8.GetBytes(Story)).SubmitAsync();
        Assert.Equal("The Salt Road Home", Field(PostingForm(await client.PageOfAsync(next)), "Work.Title"));
    }

    [Fact]
    public async Task An_upload_over_the_request_limit_gets_a_page_that_names_the_limit()
    {
        await archive.CreateUserAsync("hugeuploader");
        using var client = await archive.LoggedInAsync("hugeuploader");

        using var upload = await UploadAsync(client, "huge.txt", HostileFiles.SingleLine(40));
        var text = AngleSharpText(await upload.Content.ReadAsStringAsync());

        Assert.True(upload.StatusCode == HttpStatusCode.RequestEntityTooLarge, $"{upload.StatusCode}: {text}");
        Assert.Contains("A file to import can be at most 10 MB", text, StringComparison.Ordinal);
        Assert.DoesNotContain("31457280", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_upload_without_the_antiforgery_token_is_refused()
    {
        await archive.CreateUserAsync("forger");
        using var client = await archive.LoggedInAsync("forger");
        var import = (await client.PageAsync("/works/new")).Form("Import from file");
        using var form = new MultipartFormDataContent { { new ByteArrayContent(Encoding.UTF8.GetBytes(Story)), "upload", "salt-road.txt" } };

        // The import form's own action, with the file but without the page's token.
        using var response = await client.Http.PostAsync(import.Action, form);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.DoesNotContain("Wren checked the straps", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task What_the_importer_left_out_is_said_in_the_notice_and_not_put_in_the_story()
    {
        await archive.CreateUserAsync("commented_writer");
        using var client = await archive.LoggedInAsync("commented_writer");

        using var upload = await UploadAsync(client, "kettle.docx", Makimono.Tests.Import.Formats.DocxNotesTests.StoryWithReviewComment().Build());
        var page = await client.PageOfAsync(upload);

        var notice = page.Document.QuerySelector("#imported-heading")!.ParentElement!.TextContent;
        Assert.Contains("review comment", notice, StringComparison.Ordinal);
        Assert.Contains("Should this be foreshadowed earlier?", notice, StringComparison.Ordinal);
        var body = Field(PostingForm(page), "Chapter.Body");
        Assert.Contains("The kettle sang", body, StringComparison.Ordinal);
        Assert.DoesNotContain("foreshadowed", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Importing_a_file_keeps_what_the_writer_had_typed_where_the_file_is_silent()
    {
        await archive.CreateUserAsync("typed_first");
        using var client = await archive.LoggedInAsync("typed_first");
        const string titleAndChapters = "A Title Only\n\nChapter 1: Start\n\nFirst words.\n\nChapter 2: End\n\nLast words.\n";

        var import = (await client.PageAsync("/works/new")).Form("Import from file")
            .Set("Work.Fandoms", "Typed Fandom").Set("Work.Freeforms", "Typed Tag")
            .Set("Work.Summary", "A summary typed first.").Set("Work.Notes", "Notes typed first.")
            .Attach("upload", "title-only.txt", Encoding.UTF8.GetBytes(titleAndChapters));
        using var upload = await import.SubmitAsync();
        var page = await client.PageOfAsync(upload);
        var form = PostingForm(page);

        Assert.Equal("A Title Only", Field(form, "Work.Title"));
        Assert.Equal("Start", Field(form, "Chapter.Title"));
        Assert.Equal("Typed Fandom", Field(form, "Work.Fandoms"));
        Assert.Equal("Typed Tag", Field(form, "Work.Freeforms"));
        Assert.Equal("A summary typed first.", Field(form, "Work.Summary"));
        Assert.Equal("Notes typed first.", Field(form, "Work.Notes"));
    }

    [Fact]
    public async Task Where_the_file_and_the_writer_both_give_a_value_the_typed_one_is_kept_and_the_notice_says_so()
    {
        await archive.CreateUserAsync("typed_both");
        using var client = await archive.LoggedInAsync("typed_both");

        var import = (await client.PageAsync("/works/new")).Form("Import from file")
            .Set("Work.Fandoms", "Typed Fandom").Set("Work.Summary", "A summary typed first.")
            .Attach("upload", "salt-road.txt", Encoding.UTF8.GetBytes(Story));
        using var upload = await import.SubmitAsync();
        var page = await client.PageOfAsync(upload);
        var form = PostingForm(page);

        Assert.Equal("A summary typed first.", Field(form, "Work.Summary"));
        Assert.Equal("Typed Fandom, Desert Couriers", Field(form, "Work.Fandoms"));
        Assert.Equal("The Salt Road Home", Field(form, "Work.Title"));
        var notice = page.Document.QuerySelector("#imported-heading")!.ParentElement!.TextContent;
        Assert.Contains("Kept what you typed", notice, StringComparison.Ordinal);
        Assert.Contains("summary", notice, StringComparison.Ordinal);
    }

    /// <summary>Chooses the file on "Post new work" and presses "Import from file".</summary>
    private static async Task<HttpResponseMessage> UploadAsync(WebClient client, string fileName, byte[] content) =>
        await (await client.PageAsync("/works/new")).Form("Import from file").Attach("upload", fileName, content).SubmitAsync();

    /// <summary>The posting form (the one with the Post button), as the page filled it in.</summary>
    private static HtmlForm PostingForm(HtmlPage page) => page.Form("Post");

    private static string AngleSharpText(string html) =>
        new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html).Body!.TextContent;

    private static string Field(HtmlForm form, string name) => form.Value(name);
}
