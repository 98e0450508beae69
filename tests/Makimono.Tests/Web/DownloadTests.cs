using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Makimono.Import;
using Makimono.Import.Formats;
using Makimono.Tests.Exports;
using Xunit;

namespace Makimono.Tests.Web;

/// <summary>
/// Downloads through HTTP, from the links the work page serves: who may download what (the work page's rules),
/// conditional requests, and a round trip of each format through the archive's importer.
/// </summary>
public sealed partial class DownloadTests(ArchiveFactory archive) : IClassFixture<ArchiveFactory>
{
    private static readonly string[] Extensions = ["epub", "html", "txt", "pdf"];

    /// <summary>The work page's download links, as a person would follow them.</summary>
    private static async Task<Dictionary<string, Uri>> DownloadLinksAsync(WebClient client, int workId)
    {
        var page = await client.PageAsync($"/works/{workId}");
        var links = page.Document.QuerySelectorAll("nav.downloads a[href]")
            .Select(a => new Uri(page.Address, a.GetAttribute("href")!))
            .ToDictionary(u => u.AbsolutePath.Split('.').Last());
        Assert.Equal(Extensions.Order(), links.Keys.Order());
        return links;
    }

    private static async Task<HttpResponseMessage> GetAsync(WebClient client, Uri url, Action<HttpRequestHeaders>? headers = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        headers?.Invoke(request.Headers);
        return await client.Http.SendAsync(request);
    }

    [Fact]
    public async Task Drafts_download_only_for_their_creators()
    {
        await archive.CreateUserAsync("dl_draftwriter");
        await archive.CreateUserAsync("dl_draftreader");
        await archive.CreateUserAsync("dl_draftadmin", isAdmin: true);
        using var creator = await archive.LoggedInAsync("dl_draftwriter");
        var id = await creator.PostWorkAsync("Download Draft", draft: true);
        var links = await DownloadLinksAsync(creator, id);

        using var guest = archive.Guest();
        using var other = await archive.LoggedInAsync("dl_draftreader");
        using var admin = await archive.LoggedInAsync("dl_draftadmin");
        foreach (var url in links.Values)
        {
            using (var own = await GetAsync(creator, url))
            {
                Assert.Equal(HttpStatusCode.OK, own.StatusCode);
            }
            foreach (var client in new[] { guest, other, admin })
            {
                using var refused = await GetAsync(client, url);
                Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
                Assert.DoesNotContain("Download Draft", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public async Task Hidden_works_download_only_for_creators_and_admins()
    {
        await archive.CreateUserAsync("dl_hideowner");
        await archive.CreateUserAsync("dl_hidereader");
        await archive.CreateUserAsync("dl_hideadmin", isAdmin: true);
        using var owner = await archive.LoggedInAsync("dl_hideowner");
        var id = await owner.PostWorkAsync("Download Hidden");
        var links = await DownloadLinksAsync(owner, id);
        using var admin = await archive.LoggedInAsync("dl_hideadmin");
        using (var hide = await admin.SubmitFormAsync($"/works/{id}", "Hide work"))
        {
            Assert.Equal(HttpStatusCode.Redirect, hide.StatusCode);
        }
        using var reader = await archive.LoggedInAsync("dl_hidereader");
        using var guest = archive.Guest();
        foreach (var url in links.Values)
        {
            foreach (var client in new[] { owner, admin })
            {
                using var allowed = await GetAsync(client, url);
                Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
            }
            foreach (var client in new[] { reader, guest })
            {
                using var refused = await GetAsync(client, url);
                Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
            }
        }
    }

    [Fact]
    public async Task Restricted_works_download_only_for_logged_in_users()
    {
        await archive.CreateUserAsync("dl_lockwriter");
        await archive.CreateUserAsync("dl_lockreader");
        using var creator = await archive.LoggedInAsync("dl_lockwriter");
        var id = await creator.PostWorkAsync("Download Members Only", restricted: true);
        var links = await DownloadLinksAsync(creator, id);
        using var reader = await archive.LoggedInAsync("dl_lockreader");
        using var guest = archive.Guest();
        foreach (var url in links.Values)
        {
            using (var allowed = await GetAsync(reader, url))
            {
                Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
                Assert.Contains("private", allowed.Headers.CacheControl!.ToString(), StringComparison.Ordinal);
            }
            // As on the work page, a guest is asked to log in and brought back to the download afterwards.
            using var asked = await GetAsync(guest, url);
            Assert.Equal(HttpStatusCode.Redirect, asked.StatusCode);
            Assert.StartsWith("/login", asked.Headers.Location!.AbsolutePath, StringComparison.OrdinalIgnoreCase);
            Assert.Contains(Uri.EscapeDataString(url.AbsolutePath), asked.Headers.Location.Query, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("Download Members Only", await asked.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Draft_chapters_are_in_the_creators_download_only()
    {
        await archive.CreateUserAsync("dl_chapterwriter");
        await archive.CreateUserAsync("dl_chapterreader");
        await archive.CreateUserAsync("dl_chapteradmin", isAdmin: true);
        using var creator = await archive.LoggedInAsync("dl_chapterwriter");
        var id = await creator.PostWorkAsync("Download Half Written", body: "The posted chapter.");
        using (var draft = await (await creator.PageAsync($"/works/{id}/chapters/new")).Form("Save as draft")
            .Set("Chapter.Body", "Unposted secret chapter.").SubmitAsync())
        {
            Assert.Equal(HttpStatusCode.Redirect, draft.StatusCode);
        }
        using var reader = await archive.LoggedInAsync("dl_chapterreader");
        using var admin = await archive.LoggedInAsync("dl_chapteradmin");
        using var guest = archive.Guest();
        foreach (var extension in new[] { "html", "txt" })
        {
            var url = (await DownloadLinksAsync(creator, id))[extension];
            using (var own = await GetAsync(creator, url))
            {
                Assert.Contains("Unposted secret chapter.", await own.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            }
            foreach (var client in new[] { reader, admin, guest })
            {
                using var theirs = await GetAsync(client, (await DownloadLinksAsync(client, id))[extension]);
                var text = await theirs.Content.ReadAsStringAsync();
                Assert.Contains("The posted chapter.", text, StringComparison.Ordinal);
                Assert.DoesNotContain("Unposted secret chapter.", text, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public async Task Conditional_requests_get_304_until_the_work_changes()
    {
        await archive.CreateUserAsync("dl_pollwriter");
        using var creator = await archive.LoggedInAsync("dl_pollwriter");
        var id = await creator.PostWorkAsync("Polled Story");
        using var guest = archive.Guest();
        foreach (var (extension, url) in await DownloadLinksAsync(guest, id))
        {
            using var first = await GetAsync(guest, url);
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
            var etag = first.Headers.ETag!;
            var lastModified = first.Content.Headers.LastModified!.Value;

            using (var sameTag = await GetAsync(guest, url, h => h.IfNoneMatch.Add(etag)))
            {
                Assert.Equal(HttpStatusCode.NotModified, sameTag.StatusCode);
                Assert.Equal(etag, sameTag.Headers.ETag);
                Assert.Empty(await sameTag.Content.ReadAsByteArrayAsync());
            }
            using (var sameDate = await GetAsync(guest, url, h => h.IfModifiedSince = lastModified))
            {
                Assert.Equal(HttpStatusCode.NotModified, sameDate.StatusCode);
            }
            using (var otherTag = await GetAsync(guest, url, h => h.IfNoneMatch.Add(new EntityTagHeaderValue("\"something-else\""))))
            {
                Assert.Equal(HttpStatusCode.OK, otherTag.StatusCode);
            }
            using (var olderDate = await GetAsync(guest, url, h => h.IfModifiedSince = lastModified.AddSeconds(-1)))
            {
                Assert.Equal(HttpStatusCode.OK, olderDate.StatusCode);
            }
            using (var again = await GetAsync(guest, url))
            {
                Assert.Equal(etag, again.Headers.ETag);
                Assert.Equal(await first.Content.ReadAsByteArrayAsync(), await again.Content.ReadAsByteArrayAsync());
            }

            // A new title changes no timestamp of the text, but it changes the file, so the old ETag no longer matches.
            using (var edit = await (await creator.PageAsync($"/works/{id}/edit")).Form("Save changes").Set("Work.Title", $"Polled Story ({extension})").SubmitAsync())
            {
                Assert.Equal(HttpStatusCode.Redirect, edit.StatusCode);
            }
            using var changed = await GetAsync(guest, url, h => h.IfNoneMatch.Add(etag));
            Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
            Assert.NotEqual(etag, changed.Headers.ETag);
        }
    }

    [Fact]
    public async Task Files_are_named_after_title_and_creator_made_safe()
    {
        await archive.CreateUserAsync("dl_namer");
        using var creator = await archive.LoggedInAsync("dl_namer");
        var id = await creator.PostWorkAsync("Ünïcödé: a/b \"story\"? 雪");
        foreach (var (extension, url) in await DownloadLinksAsync(creator, id))
        {
            using var response = await GetAsync(creator, url);
            var disposition = response.Content.Headers.ContentDisposition!;
            Assert.Equal("attachment", disposition.DispositionType);
            Assert.Equal($"Ünïcödé a b story 雪 - dl_namer.{extension}", disposition.FileNameStar);
            Assert.DoesNotMatch("[^\\x20-\\x7E]", disposition.FileName!);
        }
    }

    [Fact]
    public async Task Downloads_import_back_as_the_same_work()
    {
        await archive.CreateUserAsync("dl_roundtrip");
        using var creator = await archive.LoggedInAsync("dl_roundtrip");
        var form = (await creator.PageAsync("/works/new")).Form("Post")
            .Set("Work.Title", "Lanterns Over the River").Set("Work.RatingId", "2").Check("Work.WarningIds", "14")
            .Set("Work.Fandoms", "Original Work, Rivers of Light").Set("Work.Relationships", "Ana/Ben")
            .Set("Work.Characters", "Ana, Ben").Set("Work.Freeforms", "Slow Burn, Lanterns")
            .Set("Work.Summary", "Two strangers light lanterns.\n\nOne of them stays.")
            .Set("Work.Notes", "Written for the summer exchange.").Set("Work.EndNotes", "Thank you for reading.")
            .Set("Work.SeriesTitles", "River Tales")
            .Set("Chapter.Title", "Dusk").Set("Chapter.Notes", "The first evening.")
            .Set("Chapter.Body", "<p>The river was <em>dark</em> and the lanterns floated.</p>\n<h2>A heading inside</h2>\n<p>Ana didn't look away.</p><hr><p>雪が降っていた。</p>");
        int id;
        using (var posted = await form.SubmitAsync())
        {
            Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
            id = int.Parse(posted.Headers.Location!.OriginalString.Split('/').Last(), CultureInfo.InvariantCulture);
        }
        using (var second = await (await creator.PageAsync($"/works/{id}/chapters/new")).Form("Post chapter")
            .Set("Chapter.Title", "Dawn").Set("Chapter.Summary", "Morning comes.").Set("Chapter.EndNotes", "More soon.")
            .Set("Chapter.Body", "Morning came over the water.\n\nBen stayed.").SubmitAsync())
        {
            Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        }
        using (var third = await (await creator.PageAsync($"/works/{id}/chapters/new")).Form("Post chapter")
            .Set("Chapter.Body", "An untitled ending.").SubmitAsync())
        {
            Assert.Equal(HttpStatusCode.Redirect, third.StatusCode);
        }

        var stored = await archive.WithDbAsync(db => Makimono.Works.WorkQueries.FindVisibleAsync(db, id, Makimono.Accounts.Viewer.Guest));
        Assert.NotNull(stored);
        var chapters = stored.Chapters.OrderBy(c => c.Position).ToList();
        // PDF is for reading and printing; the importer reads the other three.
        foreach (var (extension, url) in (await DownloadLinksAsync(creator, id)).Where(l => l.Key != "pdf"))
        {
            using var response = await GetAsync(creator, url);
            var imported = FileImport.Read($"download.{extension}", "." + extension, await response.Content.ReadAsByteArrayAsync());
            var what = $"the {extension} download";
            Assert.True(stored.Title == imported.Title, $"{what}: title {imported.Title}");
            Assert.Equal(["dl_roundtrip"], imported.Creators);
            List<string> Tagged(Makimono.Tags.TagType type) => Makimono.Works.WorkListing.TagsOfType(stored, type).Select(t => t.Name).ToList();
            Assert.Equal(Tagged(Makimono.Tags.TagType.Rating).Single(), imported.Rating);
            Assert.Equal(Tagged(Makimono.Tags.TagType.ArchiveWarning), imported.ArchiveWarnings);
            Assert.Equal(["Original Work", "Rivers of Light"], Tagged(Makimono.Tags.TagType.Fandom));
            Assert.Equal(Tagged(Makimono.Tags.TagType.Fandom), imported.Fandoms);
            Assert.Equal(Tagged(Makimono.Tags.TagType.Relationship), imported.Relationships);
            Assert.Equal(Tagged(Makimono.Tags.TagType.Character), imported.Characters);
            Assert.Equal(["Slow Burn", "Lanterns"], Tagged(Makimono.Tags.TagType.Freeform));
            Assert.Equal(Tagged(Makimono.Tags.TagType.Freeform), imported.Freeforms);
            Assert.Equal(["River Tales"], imported.Series);
            SameWords(stored.Summary, imported.Summary, $"{what}: summary");
            SameWords(stored.Notes, imported.Notes, $"{what}: notes");
            SameWords(stored.EndNotes, imported.EndNotes, $"{what}: end notes");
            Assert.Equal(chapters.Count, imported.Chapters.Count);
            for (var i = 0; i < chapters.Count; i++)
            {
                var (mine, theirs) = (chapters[i], imported.Chapters[i]);
                Assert.True(mine.Title == theirs.Title, $"{what}: chapter {i + 1} title {theirs.Title}");
                SameWords(mine.Summary, theirs.Summary, $"{what}: chapter {i + 1} summary");
                SameWords(mine.Notes, theirs.Notes, $"{what}: chapter {i + 1} notes");
                SameWords(mine.EndNotes, theirs.EndNotes, $"{what}: chapter {i + 1} end notes");
                SameWords(mine.Body, theirs.Html, $"{what}: chapter {i + 1} text");
            }
        }
    }

    [Fact]
    public async Task The_pdf_link_serves_a_pdf_to_a_guest_and_refuses_a_draft_to_another_user()
    {
        await archive.CreateUserAsync("dl_pdfwriter");
        await archive.CreateUserAsync("dl_pdfreader");
        using var creator = await archive.LoggedInAsync("dl_pdfwriter");
        var id = await creator.PostWorkAsync("Paper Lanterns", body: "<p>The lanterns rose over the <em>river</em> at dusk.</p>");
        using var guest = archive.Guest();
        var page = await guest.PageAsync($"/works/{id}");
        var link = page.Document.QuerySelectorAll("nav.downloads a[href]").Single(a => a.TextContent.Trim() == "Download PDF");
        using (var response = await GetAsync(guest, new Uri(page.Address, link.GetAttribute("href")!)))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("application/pdf", response.Content.Headers.ContentType!.MediaType);
            Assert.Equal("Paper Lanterns - dl_pdfwriter.pdf", response.Content.Headers.ContentDisposition!.FileNameStar);
            Assert.NotNull(response.Headers.ETag);
            Assert.Contains("private", response.Headers.CacheControl!.ToString(), StringComparison.Ordinal);
            using var pdf = UglyToad.PdfPig.PdfDocument.Open(await response.Content.ReadAsByteArrayAsync());
            Assert.Equal("Paper Lanterns", pdf.Information.Title);
            Assert.Equal("dl_pdfwriter", pdf.Information.Author);
            var words = string.Join(' ', pdf.GetPages().SelectMany(p => p.GetWords()).Select(w => w.Text));
            Assert.Contains("The lanterns rose over the river at dusk.", words, StringComparison.Ordinal);
        }

        var draftId = await creator.PostWorkAsync("Paper Draft", draft: true, body: "<p>A secret draft.</p>");
        var draftUrl = (await DownloadLinksAsync(creator, draftId))["pdf"];
        using (var own = await GetAsync(creator, draftUrl))
        {
            Assert.Equal(HttpStatusCode.OK, own.StatusCode);
            Assert.Equal("application/pdf", own.Content.Headers.ContentType!.MediaType);
        }
        using var reader = await archive.LoggedInAsync("dl_pdfreader");
        using var refused = await GetAsync(reader, draftUrl);
        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        Assert.NotEqual("application/pdf", refused.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain("secret", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static void SameWords(string? expected, string? actual, string what) =>
        Assert.True(Words(expected).SequenceEqual(Words(actual)), $"{what}: expected \"{expected}\", imported \"{actual}\"");

    /// <summary>The words of a text or HTML, in order: each CJK character one word, as the word count has it.</summary>
    private static List<string> Words(string? htmlOrText) =>
        htmlOrText is null ? [] : WordPattern().Matches(Makimono.Text.WordCounter.PlainText(htmlOrText)).Select(m => m.Value).ToList();

    [GeneratedRegex(@"[\p{IsCJKUnifiedIdeographs}\p{IsHiragana}\p{IsKatakana}]|[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*")]
    private static partial Regex WordPattern();
}
