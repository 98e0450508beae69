using System.Net;
using System.Text.Json;
using Makimono.Tests.Web;
using WebClient = Makimono.Tests.Web.WebClient;

namespace Makimono.Tests.Feeds;

/// <summary>
/// A saved search followed as an Atom feed: reached from the saved searches page, read by a feed reader with the owner's
/// app password, showing only what the owner's search page shows, and to nobody else.
/// </summary>
public sealed class SavedSearchFeedTests(ArchiveFactory archive) : IClassFixture<ArchiveFactory>
{
    private const string AtomType = "application/atom+xml";

    private static List<string?> Titles(JsonElement feed) =>
        feed.GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("title").GetString()).ToList();

    private static async Task<string> AppPasswordAsync(WebClient client, string label)
    {
        using var page = await (await client.PageAsync("/account")).Form("Create app password").Set("AppPasswordLabel", label).SubmitAsync();
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await page.Content.ReadAsStringAsync());
        return html.QuerySelector("code.app-password")?.TextContent ?? throw new InvalidOperationException("The new app password was not shown.");
    }

    /// <summary>Searches from the header box, saves the search under a name and returns the feed address its row links.</summary>
    private static async Task<string> SaveSearchFeedAsync(WebClient client, string terms, string name)
    {
        using var searched = await (await client.PageAsync("/")).Form("Search").Set("q", terms).SubmitAsync();
        var results = new HtmlPage(client, searched.RequestMessage!.RequestUri!, await searched.Content.ReadAsStringAsync());
        using var saved = await results.Form("Save search").Set("SaveName", name).SubmitAsync();
        var list = await client.FollowAsync(saved);
        var link = list.Document.QuerySelector($"a[type='{AtomType}'][aria-label='Atom feed of {name}']");
        Assert.True(link is not null, $"the saved searches page links no feed for {name}:\n{list.Html}");
        // Feed readers find it from the page's head too.
        var alternate = list.Document.QuerySelector($"head link[rel=alternate][type='{AtomType}'][title='Saved search: {name}']");
        Assert.Equal(link.GetAttribute("href"), alternate?.GetAttribute("href"));
        return link.GetAttribute("href")!;
    }

    [Fact]
    public async Task A_saved_search_feed_lists_what_the_owner_may_see_newest_first_and_gains_new_matching_works()
    {
        // The users' names do not contain the search word: while the index catches up, the database answers, and it
        // matches words inside creators' names ("beacon" in "beaconowner"), which would add their other works.
        await archive.CreateUserAsync("kestrelowner");
        await archive.CreateUserAsync("kestrelmuted");
        await archive.CreateUserAsync("kestrelother");
        using var owner = await archive.LoggedInAsync("kestrelowner");
        using var muted = await archive.LoggedInAsync("kestrelmuted");
        using var other = await archive.LoggedInAsync("kestrelother");
        await FeedWorks.PostAsync(owner, "Beacon Morning", fandom: "Beacon Fandom");
        await FeedWorks.PostAsync(other, "Beacon Members", fandom: "Beacon Fandom", restricted: true);
        await FeedWorks.PostAsync(other, "Beacon Unposted", fandom: "Beacon Fandom", draft: true);
        await FeedWorks.PostAsync(muted, "Beacon Muted", fandom: "Beacon Fandom");
        await FeedWorks.PostAsync(owner, "Harbour Unrelated", fandom: "Harbour Fandom");
        using (var mute = await owner.SubmitFormAsync("/users/kestrelmuted", "Mute kestrelmuted"))
        {
            Assert.Equal(HttpStatusCode.Redirect, mute.StatusCode);
        }
        await FeedWorks.PostAsync(other, "Beacon Spiders", fandom: "Beacon Fandom", freeforms: "Beacon Spiders Everywhere");
        using (var block = await owner.SubmitFormAsync("/filters", "Block tag", [new("TagName", "Beacon Spiders Everywhere")]))
        {
            Assert.Equal(HttpStatusCode.Redirect, block.StatusCode);
        }

        var address = await SaveSearchFeedAsync(owner, "beacon", "Beacons");
        var password = await AppPasswordAsync(owner, "Feed reader");
        // A feed reader has no session: the app password over HTTP Basic is all it brings.
        using var reader = archive.Guest();
        var xml = await FeedWorks.FeedAsync(reader, address, AtomType, ("kestrelowner", password));
        var feed = await FeedTools.ParseAsync(xml);
        Assert.Equal("atom10", feed.GetProperty("version").GetString());
        Assert.Equal("Saved search: Beacons", feed.GetProperty("feed").GetProperty("title").GetString());
        // The restricted work shows (the owner is a member); the draft, the muted user's work and the work with a
        // blocked tag never do.
        Assert.Equal(["Beacon Members", "Beacon Morning"], Titles(feed));
        await FeedTools.AssertValidAsync(FeedTools.AtomSchema, xml);
        var morning = feed.GetProperty("entries")[1];
        Assert.Contains("Beacon Morning", (await FeedWorks.GetAsync(reader, FeedTools.Link(morning, "alternate")!)).Body);
        Assert.Contains("Beacon Morning", (await FeedWorks.GetAsync(owner, FeedTools.Link(feed.GetProperty("feed"), "alternate")!)).Body);

        await FeedWorks.PostAsync(other, "Beacon Evening", fandom: "Beacon Fandom");
        await FeedWorks.PostAsync(other, "Harbour Evening", fandom: "Harbour Fandom");
        var laterXml = await FeedWorks.FeedAsync(reader, address, AtomType, ("kestrelowner", password));
        var later = await FeedTools.ParseAsync(laterXml);
        Assert.Equal(["Beacon Evening", "Beacon Members", "Beacon Morning"], Titles(later));
        // The feed and its entries keep their ids as the feed grows.
        Assert.Equal(feed.GetProperty("feed").GetProperty("id").GetString(), later.GetProperty("feed").GetProperty("id").GetString());
        Assert.Equal(morning.GetProperty("id").GetString(), later.GetProperty("entries")[2].GetProperty("id").GetString());
        await FeedTools.AssertValidAsync(FeedTools.AtomSchema, laterXml);

        // The owner's browser session reads it too.
        Assert.Equal(Titles(later), Titles(await FeedTools.ParseAsync(await FeedWorks.FeedAsync(owner, address, AtomType))));
    }

    [Fact]
    public async Task Nobody_but_its_owner_reads_a_saved_search_feed()
    {
        await archive.CreateUserAsync("lanternowner");
        await archive.CreateUserAsync("lanternsnoop");
        using var owner = await archive.LoggedInAsync("lanternowner");
        using var snoop = await archive.LoggedInAsync("lanternsnoop");
        await FeedWorks.PostAsync(owner, "Lantern Secret", fandom: "Lantern Fandom", restricted: true);
        var address = await SaveSearchFeedAsync(owner, "lantern", "Lanterns");
        var ownerPassword = await AppPasswordAsync(owner, "Owner reader");
        var snoopPassword = await AppPasswordAsync(snoop, "Snoop reader");

        using var guest = archive.Guest();
        var anonymous = await FeedWorks.GetAsync(guest, address);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.Status);
        Assert.StartsWith("Basic ", anonymous.WwwAuthenticate, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, (await FeedWorks.GetAsync(guest, address, ("lanternowner", "wrong-password"))).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await FeedWorks.GetAsync(guest, address, ("lanternowner", snoopPassword))).Status);
        // The account password opens no feed.
        Assert.Equal(HttpStatusCode.Unauthorized, (await FeedWorks.GetAsync(guest, address, ("lanternowner", WebClient.Password))).Status);
        // Another user, by app password or by session, finds nothing there, and learns nothing of the search.
        var byPassword = await FeedWorks.GetAsync(guest, address, ("lanternsnoop", snoopPassword));
        Assert.Equal(HttpStatusCode.NotFound, byPassword.Status);
        Assert.DoesNotContain("Lantern", byPassword.Body, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await FeedWorks.GetAsync(snoop, address)).Status);
        Assert.Equal(["Lantern Secret"], Titles(await FeedTools.ParseAsync(await FeedWorks.FeedAsync(guest, address, AtomType, ("lanternowner", ownerPassword)))));

        // Deleting the search ends its feed.
        using var deleted = await (await owner.PageAsync("/account/searches")).Form("Delete Lanterns").SubmitAsync();
        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await FeedWorks.GetAsync(guest, address, ("lanternowner", ownerPassword))).Status);
    }

    [Fact]
    public async Task A_saved_search_that_cannot_be_read_says_so_in_its_feed_instead_of_being_silently_empty()
    {
        await archive.CreateUserAsync("flareowner");
        using var owner = await archive.LoggedInAsync("flareowner");
        await FeedWorks.PostAsync(owner, "Flare Signal", fandom: "Flare Fandom");
        var address = await SaveSearchFeedAsync(owner, "flare OR", "Broken flares");

        // The index, which reads the query syntax, answers once it has caught up; poll with a generous deadline.
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var xml = await FeedWorks.FeedAsync(owner, address, AtomType);
            var feed = await FeedTools.ParseAsync(xml);
            if (feed.GetProperty("feed").GetProperty("subtitle").GetString() is { } subtitle)
            {
                Assert.Contains("could not be read", subtitle, StringComparison.Ordinal);
                Assert.Contains("Try searching for flare instead.", subtitle, StringComparison.Ordinal);
                Assert.Empty(Titles(feed));
                await FeedTools.AssertValidAsync(FeedTools.AtomSchema, xml);
                return;
            }
            Assert.True(DateTime.UtcNow < deadline, $"The feed of an unreadable search never said so:\n{xml}");
            await Task.Delay(100);
        }
    }
}
