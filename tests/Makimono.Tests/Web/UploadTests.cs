using System.Net;
using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
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
        var page = await ParseAsync(upload);
        var form = PostingForm(page);

        Assert.Equal(HttpStatusCode.OK, upload.StatusCode);
        Assert.Equal("The Salt Road Home", Field(form, "Work.Title"));
        Assert.Equal("Desert Couriers", Field(form, "Work.Fandoms"));
        Assert.Contains("letter neither of them may open", Field(form, "Work.Summary"), StringComparison.Ordinal);
        Assert.Contains("my first story in this fandom", Field(form, "Work.Notes"), StringComparison.Ordinal);
        Assert.Equal("The Caravan", Field(form, "Chapter.Title"));
        Assert.Contains("<hr", Field(form, "Chapter.Body"), StringComparison.Ordinal);
        Assert.DoesNotContain("The oasis was smaller", Field(form, "Chapter.Body"), StringComparison.Ordinal);
        Assert.Equal("The Oasis", Field(form, "MoreChapters[0].Title"));
        Assert.Contains("The oasis was smaller", Field(form, "MoreChapters[0].Body"), StringComparison.Ordinal);
        var notice = page.QuerySelector("#imported-heading")!.ParentElement!.TextContent;
        Assert.Contains("salt-road.txt", notice, StringComparison.Ordinal);
        Assert.Contains("2 chapters", notice, StringComparison.Ordinal);
        Assert.Contains("1 scene break", notice, StringComparison.Ordinal);
        Assert.Equal(worksBefore, await archive.WithDbAsync(db => db.Works.CountAsync()));

        using var posted = await PostAsync(client, PostingAction(page), form, [new("submit", "post")]);
        Assert.True(posted.StatusCode == HttpStatusCode.Redirect, await posted.Content.ReadAsStringAsync());
        var chapters = await archive.WithDbAsync(db => db.Chapters.Where(c => c.Work.Title == "The Salt Road Home")
            .OrderBy(c => c.Position).Select(c => new { c.Title, c.Body, c.IsDraft }).ToListAsync());
        Assert.Equal(["The Caravan", "The Oasis"], chapters.Select(c => c.Title));
        Assert.Contains("<hr>", chapters[0].Body, StringComparison.Ordinal);
        Assert.Contains("The oasis was smaller", chapters[1].Body, StringComparison.Ordinal);
        Assert.All(chapters, c => Assert.False(c.IsDraft));
    }

    [Fact]
    public async Task A_later_chapter_that_fails_validation_shows_the_whole_form_again_and_saves_nothing()
    {
        await archive.CreateUserAsync("hastyuploader");
        using var client = await archive.LoggedInAsync("hastyuploader");
        using var upload = await UploadAsync(client, "salt-road.txt", Encoding.UTF8.GetBytes(Story));
        var form = PostingForm(await ParseAsync(upload));
        form.RemoveAll(f => f.Key == "MoreChapters[0].Body");
        form.RemoveAll(f => f.Key == "Work.Title");

        using var posted = await PostAsync(client, "/works/new", form,
            [new("MoreChapters[0].Body", ""), new("Work.Title", "My Own Title"), new("submit", "post")]);
        var page = await ParseAsync(posted);

        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        Assert.Contains("Chapter 2: The chapter text needs", page.QuerySelector("[role=alert]")!.TextContent, StringComparison.Ordinal);
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
        var form = PostingForm(await ParseAsync(upload));
        form.RemoveAll(f => f.Key == "Work.Title");

        using var posted = await PostAsync(client, "/works/new", form, [new("Work.Title", "Only The Caravan"), new("LeaveOut", "0"), new("submit", "post")]);

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
        var page = await ParseAsync(upload);
        var form = PostingForm(page);

        var offered = page.QuerySelectorAll("input[name=AcceptCharacters]").Select(i => i.GetAttribute("value")).ToList();
        Assert.Contains("Wren", offered);
        Assert.Contains("Oskar", offered);
        Assert.Equal("", Field(form, "Work.Characters"));
        var rating = page.QuerySelector("input[name=AcceptRating]")!.GetAttribute("value")!;

        using var applied = await PostAsync(client, "/works/new?handler=ApplySuggestions", form,
            [new("AcceptCharacters", "Wren"), new("AcceptRating", rating)]);
        var after = await ParseAsync(applied);
        var shown = PostingForm(after);

        Assert.Equal(HttpStatusCode.OK, applied.StatusCode);
        Assert.Equal("Wren", Field(shown, "Work.Characters"));
        Assert.Equal("/works/new", PostingAction(after));
        Assert.Equal(rating, after.QuerySelector("select[name='Work.RatingId'] option[selected]")!.TextContent);
        Assert.Equal("The Salt Road Home", Field(shown, "Work.Title"));
        Assert.Contains("The oasis was smaller", Field(shown, "MoreChapters[0].Body"), StringComparison.Ordinal);
        Assert.Equal(["Oskar"], after.QuerySelectorAll("input[name=AcceptCharacters]").Select(i => i.GetAttribute("value")));
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
        var page = await ParseAsync(upload);

        Assert.Equal(HttpStatusCode.OK, upload.StatusCode);
        Assert.Contains(error, page.QuerySelector("[role=alert]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("", Field(PostingForm(page), "Work.Title"));
        Assert.Equal(worksBefore, await archive.WithDbAsync(db => db.Works.CountAsync()));
    }

    [Fact]
    public async Task An_upload_without_the_antiforgery_token_is_refused()
    {
        await archive.CreateUserAsync("forger");
        using var client = await archive.LoggedInAsync("forger");
        using var form = new MultipartFormDataContent { { new ByteArrayContent(Encoding.UTF8.GetBytes(Story)), "upload", "salt-road.txt" } };

        using var response = await client.Http.PostAsync(new Uri("/works/new?handler=Import", UriKind.Relative), form);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.DoesNotContain("Wren checked the straps", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task What_the_importer_left_out_is_said_in_the_notice_and_not_put_in_the_story()
    {
        await archive.CreateUserAsync("commented_writer");
        using var client = await archive.LoggedInAsync("commented_writer");

        using var upload = await UploadAsync(client, "kettle.docx", Makimono.Tests.Import.DocxNotesTests.StoryWithReviewComment().Build());
        var page = await ParseAsync(upload);

        Assert.Equal(HttpStatusCode.OK, upload.StatusCode);
        var notice = page.QuerySelector("#imported-heading")!.ParentElement!.TextContent;
        Assert.Contains("review comment", notice, StringComparison.Ordinal);
        Assert.Contains("Should this be foreshadowed earlier?", notice, StringComparison.Ordinal);
        var body = Field(PostingForm(page), "Chapter.Body");
        Assert.Contains("The kettle sang", body, StringComparison.Ordinal);
        Assert.DoesNotContain("foreshadowed", body, StringComparison.Ordinal);
    }

    private static Task<HttpResponseMessage> UploadAsync(WebClient client, string fileName, byte[] content) =>
        client.UploadAsync("/works/new", "/works/new?handler=Import", "upload", fileName, content);

    /// <summary>Posts the fields as they are, the way a browser resubmits a form the server filled in.</summary>
    private static async Task<HttpResponseMessage> PostAsync(WebClient client, string path, List<KeyValuePair<string, string>> form, KeyValuePair<string, string>[] extra)
    {
        using var content = new FormUrlEncodedContent(form.Concat(extra));
        return await client.Http.PostAsync(new Uri(path, UriKind.Relative), content);
    }

    private static async Task<IDocument> ParseAsync(HttpResponseMessage response) =>
        await new HtmlParser().ParseDocumentAsync(await response.Content.ReadAsStringAsync());

    /// <summary>The fields a browser would send from the posting form (the one with the Post button), without pressing a button.</summary>
    private static List<KeyValuePair<string, string>> PostingForm(IDocument page)
    {
        var form = page.QuerySelectorAll("form").Single(f => f.QuerySelector("button[value=post]") is not null);
        var fields = new List<KeyValuePair<string, string>>();
        foreach (var element in form.QuerySelectorAll("input, textarea, select"))
        {
            var name = element.GetAttribute("name");
            var value = element switch
            {
                IHtmlInputElement { Type: "checkbox" or "radio", IsChecked: false } => null,
                IHtmlInputElement { Type: "submit" or "file" } => null,
                IHtmlInputElement input => input.Value,
                IHtmlTextAreaElement textArea => textArea.Value,
                IHtmlSelectElement select => select.Value,
                _ => null,
            };
            if (name is not null && value is not null)
            {
                fields.Add(new(name, value));
            }
        }
        return fields;
    }

    /// <summary>Where the posting form sends itself: the page's address, whichever handler showed it.</summary>
    private static string PostingAction(IDocument page) =>
        page.QuerySelectorAll("form").Single(f => f.QuerySelector("button[value=post]") is not null).GetAttribute("action")!;

    private static string Field(List<KeyValuePair<string, string>> form, string name) => form.Single(f => f.Key == name).Value;
}
