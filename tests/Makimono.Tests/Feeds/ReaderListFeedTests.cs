using System.Net;
using System.Text.Json;
using Makimono.Tests.Web;

namespace Makimono.Tests.Feeds;

/// <summary>A reader's bookmarks and marked-for-later works in the OPDS catalog, found from its root with an app password.</summary>
public sealed class ReaderListFeedTests(ArchiveFactory archive) : IClassFixture<ArchiveFactory>
{
    private const string Navigation = "application/atom+xml;profile=opds-catalog;kind=navigation";
    private const string Acquisition = "application/atom+xml;profile=opds-catalog;kind=acquisition";

    private static List<string?> Titles(JsonElement feed) =>
        feed.GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("title").GetString()).ToList();

    [Fact]
    public async Task The_catalog_lists_a_readers_bookmarks_and_marked_for_later_works_that_they_may_still_read()
    {
        await archive.CreateUserAsync("feedwriter");
        await archive.CreateUserAsync("feedadmin", isAdmin: true);
        using var writer = await archive.LoggedInAsync("feedwriter");
        var open = await writer.PostWorkAsync("Feed Open", fandom: "Feed Fandom");
        var members = await writer.PostWorkAsync("Feed Members", fandom: "Feed Fandom", restricted: true);
        var toHide = await writer.PostWorkAsync("Feed Soon Hidden", fandom: "Feed Fandom");
        await writer.PostWorkAsync("Feed Not Bookmarked", fandom: "Feed Fandom");
        var password = await OpdsCatalogTests.CreateAppPasswordAsync(archive, "feedreader");
        using var reader = await archive.LoggedInAsync("feedreader");
        foreach (var (id, isPrivate) in new[] { (open, false), (members, true), (toHide, false) })
        {
            var form = (await reader.PageAsync($"/works/{id}")).Form("Bookmark");
            if (isPrivate)
            {
                form.Check("Input.IsPrivate");
            }
            using var saved = await form.SubmitAsync();
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        }
        using (var later = await reader.SubmitFormAsync($"/works/{open}", "Mark for later"))
        {
            Assert.Equal(HttpStatusCode.Redirect, later.StatusCode);
        }
        using var admin = await archive.LoggedInAsync("feedadmin");
        using (var hide = await admin.SubmitFormAsync($"/works/{toHide}", "Hide work"))
        {
            Assert.Equal(HttpStatusCode.Redirect, hide.StatusCode);
        }

        using var ereader = archive.Guest();
        var credentials = ("feedreader", password);
        var root = await FeedTools.ParseAsync(await FeedWorks.FeedAsync(ereader, "/opds", Navigation, credentials));
        string Section(string title) => FeedTools.Link(root.GetProperty("entries").EnumerateArray().Single(e => e.GetProperty("title").GetString() == title), "subsection")!;
        var bookmarksXml = await FeedWorks.FeedAsync(ereader, Section("Your bookmarks"), Acquisition, credentials);
        Assert.Equal(["Feed Members", "Feed Open"], Titles(await FeedTools.ParseAsync(bookmarksXml)).Order());
        var laterXml = await FeedWorks.FeedAsync(ereader, Section("Marked for later"), Acquisition, credentials);
        Assert.Equal(["Feed Open"], Titles(await FeedTools.ParseAsync(laterXml)));
        await FeedTools.AssertValidAsync(FeedTools.OpdsSchema, bookmarksXml, laterXml);
        // Without credentials the e-reader is asked for them.
        Assert.Equal(HttpStatusCode.Unauthorized, (await FeedWorks.GetAsync(ereader, Section("Your bookmarks"))).Status);
    }
}
