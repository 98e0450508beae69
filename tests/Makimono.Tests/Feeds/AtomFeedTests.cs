using System.Net;
using System.Text.Json;
using Makimono.Tests.Web;
using WebClient = Makimono.Tests.Web.WebClient;

namespace Makimono.Tests.Feeds;

/// <summary>
/// The Atom feeds, each reached from its page's head link, parsed by feedparser and valid against RFC 4287's schema,
/// with ids that do not change, and only what the reader may see.
/// </summary>
public sealed class AtomFeedTests(ArchiveFactory archive) : IClassFixture<ArchiveFactory>
{
    private const string AtomType = "application/atom+xml";

    private static async Task<string> FeedLinkAsync(WebClient client, string page)
    {
        var html = await client.PageAsync(page);
        var link = html.Document.QuerySelector($"head link[rel=alternate][type='{AtomType}']");
        Assert.True(link is not null, $"{page} links no Atom feed");
        return link.GetAttribute("href")!;
    }

    private static List<string?> Titles(JsonElement feed) =>
        feed.GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("title").GetString()).ToList();

    [Fact]
    public async Task A_tags_feed_lists_its_new_works_newest_first_and_a_guest_never_sees_restricted_ones()
    {
        await archive.CreateUserAsync("atomtagger");
        using var writer = await archive.LoggedInAsync("atomtagger");
        await FeedWorks.PostAsync(writer, "Harbor Dawn", fandom: "Atom Harbor");
        await FeedWorks.PostAsync(writer, "Harbor Dusk", fandom: "Atom Harbor", summary: "<p>Evening <b>tides</b>.</p>");
        await FeedWorks.PostAsync(writer, "Harbor Secret", fandom: "Atom Harbor", restricted: true);
        await FeedWorks.PostAsync(writer, "Harbor Draft", fandom: "Atom Harbor", draft: true);

        using var guest = archive.Guest();
        var address = await FeedLinkAsync(guest, "/tags/Atom Harbor/works");
        var xml = await FeedWorks.FeedAsync(guest, address, AtomType);
        var feed = await FeedTools.ParseAsync(xml);
        Assert.Equal("atom10", feed.GetProperty("version").GetString());
        Assert.Equal("New works in Atom Harbor", feed.GetProperty("feed").GetProperty("title").GetString());
        Assert.Equal(["Harbor Dusk", "Harbor Dawn"], Titles(feed));
        var dusk = feed.GetProperty("entries")[0];
        Assert.StartsWith("Evening tides.", dusk.GetProperty("summary").GetString(), StringComparison.Ordinal);
        Assert.Equal(["atomtagger"], dusk.GetProperty("authors").EnumerateArray().Select(a => a.GetString()));
        Assert.Equal(HttpStatusCode.OK, (await FeedWorks.GetAsync(guest, FeedTools.Link(dusk, "alternate")!)).Status);

        await archive.CreateUserAsync("atomtagreader");
        using var member = await archive.LoggedInAsync("atomtagreader");
        var memberFeed = await FeedTools.ParseAsync(await FeedWorks.FeedAsync(member, address, AtomType));
        Assert.Equal(["Harbor Secret", "Harbor Dusk", "Harbor Dawn"], Titles(memberFeed));
        // The same feed keeps its id, and its entries theirs, whoever reads it and whatever else changed.
        Assert.Equal(feed.GetProperty("feed").GetProperty("id").GetString(), memberFeed.GetProperty("feed").GetProperty("id").GetString());
        Assert.Equal(dusk.GetProperty("id").GetString(), memberFeed.GetProperty("entries")[1].GetProperty("id").GetString());
        // Another host name (a proxy, https, a new domain) changes the links, not the ids.
        using var elsewhere = new HttpRequestMessage(HttpMethod.Get, new Uri(guest.Http.BaseAddress!, address));
        elsewhere.Headers.Host = "fics.example.org";
        using var moved = await guest.Http.SendAsync(elsewhere);
        var movedFeed = await FeedTools.ParseAsync(await moved.Content.ReadAsStringAsync());
        Assert.StartsWith("http://fics.example.org/", FeedTools.Link(movedFeed.GetProperty("feed"), "self"), StringComparison.Ordinal);
        Assert.Equal(feed.GetProperty("feed").GetProperty("id").GetString(), movedFeed.GetProperty("feed").GetProperty("id").GetString());
        Assert.Equal(dusk.GetProperty("id").GetString(), movedFeed.GetProperty("entries")[0].GetProperty("id").GetString());
        await FeedTools.AssertValidAsync(FeedTools.AtomSchema, xml);
    }

    [Fact]
    public async Task A_users_feed_and_a_series_feed_list_new_works_and_parts()
    {
        await archive.CreateUserAsync("atomseries");
        using var writer = await archive.LoggedInAsync("atomseries");
        var first = await FeedWorks.PostAsync(writer, "Saga Part One", series: "Atom Saga");
        await FeedWorks.PostAsync(writer, "Saga Part Two", series: "Atom Saga");
        await FeedWorks.PostAsync(writer, "Saga Hidden Draft", series: "Atom Saga", draft: true);

        using var guest = archive.Guest();
        var userXml = await FeedWorks.FeedAsync(guest, await FeedLinkAsync(guest, "/users/atomseries"), AtomType);
        var user = await FeedTools.ParseAsync(userXml);
        Assert.Equal(["Saga Part Two", "Saga Part One"], Titles(user));

        var work = await guest.PageAsync($"/works/{first}");
        var seriesPage = work.Links.Select(l => l.AbsolutePath).First(p => p.StartsWith("/series/", StringComparison.Ordinal));
        var seriesXml = await FeedWorks.FeedAsync(guest, await FeedLinkAsync(guest, seriesPage), AtomType);
        var series = await FeedTools.ParseAsync(seriesXml);
        Assert.Equal("New parts of Atom Saga", series.GetProperty("feed").GetProperty("title").GetString());
        Assert.Equal(["Saga Part Two", "Saga Part One"], Titles(series));
        await FeedTools.AssertValidAsync(FeedTools.AtomSchema, userXml, seriesXml);
    }

    [Fact]
    public async Task A_works_feed_gains_an_entry_for_each_new_chapter_and_never_shows_a_draft_chapter_to_readers()
    {
        await archive.CreateUserAsync("atomchapters");
        using var writer = await archive.LoggedInAsync("atomchapters");
        var id = await FeedWorks.PostAsync(writer, "Growing Story");
        using var guest = archive.Guest();
        var address = await FeedLinkAsync(guest, $"/works/{id}");
        var before = await FeedTools.ParseAsync(await FeedWorks.FeedAsync(guest, address, AtomType));
        Assert.Equal(["Growing Story, chapter 1"], Titles(before));
        var etag = await EtagAsync(guest, address);
        Assert.Equal(HttpStatusCode.NotModified, await StatusWithAsync(guest, address, etag));

        using (var posted = await writer.SubmitFormAsync($"/works/{id}/chapters/new", "Post chapter",
            [new("Chapter.Title", "The Storm"), new("Chapter.Body", "<p>Rain came down over the bay all night.</p>")]))
        {
            Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        }
        using (var draft = await writer.SubmitFormAsync($"/works/{id}/chapters/new", "Save as draft",
            [new("Chapter.Title", "Unfinished"), new("Chapter.Body", "<p>Not yet.</p>")]))
        {
            Assert.Equal(HttpStatusCode.Redirect, draft.StatusCode);
        }
        // A feed reader polling with the old ETag gets the new chapter, not a 304.
        Assert.Equal(HttpStatusCode.OK, await StatusWithAsync(guest, address, etag));
        var xml = await FeedWorks.FeedAsync(guest, address, AtomType);
        var after = await FeedTools.ParseAsync(xml);
        Assert.Equal(["Growing Story, chapter 2: The Storm", "Growing Story, chapter 1"], Titles(after));
        Assert.Equal(before.GetProperty("entries")[0].GetProperty("id").GetString(), after.GetProperty("entries")[1].GetProperty("id").GetString());
        var chapterPage = FeedTools.Link(after.GetProperty("entries")[0], "alternate")!;
        Assert.Contains("Rain came down over the bay", (await FeedWorks.GetAsync(guest, chapterPage)).Body);
        var creators = await FeedTools.ParseAsync(await FeedWorks.FeedAsync(writer, address, AtomType));
        Assert.Contains("Growing Story, chapter 3: Unfinished", Titles(creators));
        await FeedTools.AssertValidAsync(FeedTools.AtomSchema, xml);
    }

    private static async Task<string> EtagAsync(WebClient client, string address)
    {
        using var response = await client.Http.GetAsync(new Uri(client.Http.BaseAddress!, address));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return response.Headers.ETag!.ToString();
    }

    private static async Task<HttpStatusCode> StatusWithAsync(WebClient client, string address, string etag)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(client.Http.BaseAddress!, address));
        request.Headers.TryAddWithoutValidation("If-None-Match", etag);
        using var response = await client.Http.SendAsync(request);
        return response.StatusCode;
    }

    [Fact]
    public async Task Feeds_of_what_a_reader_may_not_see_are_not_found()
    {
        await archive.CreateUserAsync("atomhider");
        using var writer = await archive.LoggedInAsync("atomhider");
        var draft = await FeedWorks.PostAsync(writer, "Secret Draft Feed", draft: true);
        var restricted = await FeedWorks.PostAsync(writer, "Restricted Feed Work", fandom: "Only Restricted Fandom", restricted: true);
        var ownAddress = await FeedLinkAsync(writer, $"/works/{draft}");
        var restrictedAddress = await FeedLinkAsync(writer, $"/works/{restricted}");
        var tagAddress = await FeedLinkAsync(writer, "/tags/Only Restricted Fandom/works");
        using var guest = archive.Guest();
        Assert.Equal(HttpStatusCode.NotFound, (await FeedWorks.GetAsync(guest, ownAddress)).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await FeedWorks.GetAsync(guest, restrictedAddress)).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await FeedWorks.GetAsync(guest, tagAddress)).Status);
        Assert.DoesNotContain("Secret Draft Feed", (await FeedWorks.GetAsync(guest, "/users/atomhider/works.atom")).Body);
        Assert.Equal(HttpStatusCode.OK, (await FeedWorks.GetAsync(writer, ownAddress)).Status);
    }
}
