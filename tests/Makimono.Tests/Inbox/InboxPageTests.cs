using System.Net;
using Makimono.Inbox;
using Makimono.Tests.Feeds;
using Makimono.Tests.Web;
using Microsoft.EntityFrameworkCore;
using WebClient = Makimono.Tests.Web.WebClient;

namespace Makimono.Tests.Inbox;

/// <summary>
/// The subscribe buttons, the subscriptions page, the inbox page with its read and unread buttons, and the inbox's
/// Atom feed, through the pages' own forms and links. Passes of the worker are run directly, as the worker runs them.
/// </summary>
public sealed class InboxPageTests(ArchiveFactory archive) : IClassFixture<ArchiveFactory>
{
    private const string AtomType = "application/atom+xml";

    private Task<int> PassAsync() => InboxWorker.RunPassAsync(archive.Services, CancellationToken.None);

    private static async Task<HtmlPage> PressAsync(WebClient client, string path, string button, string? near = null)
    {
        using var response = await (await client.PageAsync(path)).Form(button, near).SubmitAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"pressing {button} on {path} gave {(int)response.StatusCode}");
        return await client.FollowAsync(response);
    }

    private static async Task AddChapterAsync(WebClient author, int workId, string body)
    {
        using var response = await author.SubmitFormAsync($"/works/{workId}/chapters/new", "Post chapter", [new("Chapter.Body", body)]);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    private static string? HeaderInboxLink(HtmlPage page) =>
        page.Document.QuerySelector("header a[href='/inbox']")?.TextContent.Trim();

    [Fact]
    public async Task Subscribe_buttons_on_a_work_a_user_a_series_and_a_saved_search_follow_and_the_subscriptions_page_removes()
    {
        await archive.CreateUserAsync("tidewriter");
        await archive.CreateUserAsync("tidereader");
        using var author = await archive.LoggedInAsync("tidewriter");
        using var reader = await archive.LoggedInAsync("tidereader");
        var workId = await FeedWorks.PostAsync(author, "Tide Pools", series: "Tide Saga");
        using (var save = await (await reader.PageAsync("/works/search?q=tide")).Form("Save search").Set("SaveName", "Tides").SubmitAsync())
        {
            Assert.Equal(HttpStatusCode.Redirect, save.StatusCode);
        }

        var work = await PressAsync(reader, $"/works/{workId}", "Subscribe to Tide Pools");
        Assert.True(work.HasButton("Unsubscribe from Tide Pools"));
        var user = await PressAsync(reader, "/users/tidewriter", "Subscribe to tidewriter");
        Assert.True(user.HasButton("Unsubscribe from tidewriter"));
        var seriesPath = work.Links.Single(l => l.AbsolutePath.StartsWith("/series/", StringComparison.Ordinal)).AbsolutePath;
        Assert.True((await PressAsync(reader, seriesPath, "Subscribe to Tide Saga")).HasButton("Unsubscribe from Tide Saga"));
        Assert.True((await PressAsync(reader, "/account/searches", "Subscribe to Tides")).HasButton("Unsubscribe from Tides"));

        // Nobody subscribes to their own work or to themselves, and guests see no button.
        Assert.False((await author.PageAsync($"/works/{workId}")).HasButton("Subscribe to Tide Pools"));
        Assert.False((await author.PageAsync("/users/tidewriter")).HasButton("Subscribe to tidewriter"));
        Assert.False((await archive.Guest().PageAsync($"/works/{workId}")).HasButton("Subscribe to Tide Pools"));

        var list = await reader.PageAsync("/account/subscriptions");
        var rows = list.Document.QuerySelectorAll("tbody tr").Select(r => r.TextContent).ToList();
        Assert.Equal(4, rows.Count);
        var after = await PressAsync(reader, "/account/subscriptions", "Unsubscribe from tidewriter");
        Assert.Equal(3, after.Document.QuerySelectorAll("tbody tr").Length);
        Assert.DoesNotContain("tidewriter", after.Document.QuerySelector("tbody")!.TextContent, StringComparison.Ordinal);
        Assert.True((await reader.PageAsync("/users/tidewriter")).HasButton("Subscribe to tidewriter"));

        // Unsubscribing where the button is: the work page offers Subscribe again.
        Assert.True((await PressAsync(reader, $"/works/{workId}", "Unsubscribe from Tide Pools")).HasButton("Subscribe to Tide Pools"));
    }

    [Fact]
    public async Task The_inbox_groups_by_work_and_its_buttons_mark_one_work_or_everything_read()
    {
        await PassAsync();
        await archive.CreateUserAsync("kelpwriter");
        var reader = await archive.CreateUserAsync("kelpreader");
        using var author = await archive.LoggedInAsync("kelpwriter");
        using var client = await archive.LoggedInAsync("kelpreader");
        var loved = await FeedWorks.PostAsync(author, "Kelp Forest");
        var serial = await FeedWorks.PostAsync(author, "Kelp Serial");
        await PressAsync(client, $"/works/{serial}", "Subscribe to Kelp Serial");
        await AddChapterAsync(author, serial, "The second chapter.");
        await AddChapterAsync(author, serial, "The third chapter.");
        await PassAsync();
        // 300 kudos on one work, as the worker writes them once the kudos are in.
        await archive.WithDbAsync(async db =>
        {
            var now = DateTime.UtcNow;
            db.InboxItems.AddRange(Enumerable.Range(1, 300).Select(k => new InboxItem
            {
                RecipientUserId = reader.Id, Kind = InboxKind.Kudos, WorkId = loved, SourceId = k, CreatedAt = now,
            }));
            return await db.SaveChangesAsync();
        });

        var inbox = await client.PageAsync("/inbox");
        Assert.Equal("Inbox (302 unread)", HeaderInboxLink(inbox));
        var groups = inbox.Document.QuerySelectorAll("li.inbox-group").ToList();
        Assert.Equal(["Kelp Forest", "Kelp Serial"], groups.Select(g => g.QuerySelector("h2 a")!.TextContent));
        var kudosLines = groups[0].QuerySelectorAll(":scope > ul > li");
        Assert.Single(kudosLines);
        Assert.StartsWith("300 people left kudos on Kelp Forest", kudosLines[0].TextContent.Trim(), StringComparison.Ordinal);
        var chapterLine = Assert.Single(groups[1].QuerySelectorAll(":scope > ul > li"));
        Assert.StartsWith("2 new chapters of Kelp Serial", chapterLine.TextContent.Trim(), StringComparison.Ordinal);
        Assert.Equal(["Chapter 2", "Chapter 3"], chapterLine.QuerySelectorAll("a").Select(a => a.TextContent).Order());
        // The chapter links lead to the chapters.
        Assert.Contains("The third chapter.", (await client.PageAsync(chapterLine.QuerySelectorAll("a").Single(a => a.TextContent == "Chapter 3").GetAttribute("href")!)).Html, StringComparison.Ordinal);

        var marked = await PressAsync(client, "/inbox", "Mark read: Kelp Forest");
        Assert.Equal("Inbox (2 unread)", HeaderInboxLink(marked));
        Assert.False(marked.HasButton("Mark read: Kelp Forest"));
        Assert.True(marked.HasButton("Mark read: Kelp Serial"));

        var all = await PressAsync(client, "/inbox", "Mark all read");
        Assert.Equal("Inbox", HeaderInboxLink(all));
        Assert.Contains("Nothing unread.", all.Html, StringComparison.Ordinal);
        Assert.False(all.HasButton("Mark all read"));
        Assert.Equal(2, all.Document.QuerySelectorAll("li.inbox-group").Length);
    }

    [Fact]
    public async Task The_inbox_pages_its_groups_and_marking_one_read_keeps_the_page()
    {
        await PassAsync();
        await archive.CreateUserAsync("shoalwriter");
        await archive.CreateUserAsync("shoalreader");
        using var author = await archive.LoggedInAsync("shoalwriter");
        using var reader = await archive.LoggedInAsync("shoalreader");
        await PressAsync(reader, "/users/shoalwriter", "Subscribe to shoalwriter");
        for (var i = 1; i <= 21; i++)
        {
            await FeedWorks.PostAsync(author, $"Shoal {i:D2}");
        }
        await PassAsync();

        var first = await reader.PageAsync("/inbox");
        Assert.Equal(20, first.Document.QuerySelectorAll("li.inbox-group").Length);
        var next = first.Document.QuerySelector("nav.pager a[rel=next]")!.GetAttribute("href")!;
        var second = await reader.PageAsync(next);
        var last = Assert.Single(second.Document.QuerySelectorAll("li.inbox-group"));
        // Newest first: the first work posted is on the second page.
        Assert.Equal("Shoal 01", last.QuerySelector("h2 a")!.TextContent);
        Assert.NotNull(second.Document.QuerySelector("nav.pager a[rel=prev]"));

        using var marked = await second.Form("Mark read: Shoal 01").SubmitAsync();
        Assert.Equal(next, marked.Headers.Location!.OriginalString);
        var again = await reader.FollowAsync(marked);
        Assert.False(again.HasButton("Mark read: Shoal 01"));
        Assert.Equal("Inbox (20 unread)", HeaderInboxLink(again));
    }

    [Fact]
    public async Task The_background_worker_of_serve_delivers_without_anyone_running_a_pass()
    {
        using var own = new ArchiveFactory();
        await own.CreateUserAsync("driftwriter");
        await own.CreateUserAsync("driftreader");
        using var author = await own.LoggedInAsync("driftwriter");
        using var reader = await own.LoggedInAsync("driftreader");
        var workId = await FeedWorks.PostAsync(author, "Drift");
        // The worker takes its place in the log on its first pass; wait until it has one, then follow and post.
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (await own.WithDbAsync(db => db.ChangeLogPositions.AnyAsync()) is false)
        {
            Assert.True(DateTime.UtcNow < deadline, "the inbox worker never started");
            await Task.Delay(100);
        }
        await PressAsync(reader, $"/works/{workId}", "Subscribe to Drift");
        await AddChapterAsync(author, workId, "The drift goes on.");
        while (HeaderInboxLink(await reader.PageAsync("/")) != "Inbox (1 unread)")
        {
            Assert.True(DateTime.UtcNow < deadline, "the inbox worker never delivered the new chapter");
            await Task.Delay(200);
        }
    }

    [Fact]
    public async Task The_inbox_feed_is_valid_Atom_for_its_owner_only()
    {
        await PassAsync();
        await archive.CreateUserAsync("reefwriter");
        await archive.CreateUserAsync("reefreader");
        await archive.CreateUserAsync("reefsnoop");
        using var author = await archive.LoggedInAsync("reefwriter");
        using var reader = await archive.LoggedInAsync("reefreader");
        using var snoop = await archive.LoggedInAsync("reefsnoop");
        await PressAsync(reader, "/users/reefwriter", "Subscribe to reefwriter");
        await FeedWorks.PostAsync(author, "Reef at Night");
        await PassAsync();

        var inbox = await reader.PageAsync("/inbox");
        var address = inbox.Document.QuerySelector($"main a[type='{AtomType}']")!.GetAttribute("href")!;
        Assert.Equal(address, inbox.Document.QuerySelector($"head link[rel=alternate][type='{AtomType}']")?.GetAttribute("href"));
        using var created = await (await reader.PageAsync("/account")).Form("Create app password").Set("AppPasswordLabel", "Reef feed").SubmitAsync();
        var shown = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await created.Content.ReadAsStringAsync());
        var password = shown.QuerySelector("code.app-password")!.TextContent;
        using var guest = archive.Guest();
        Assert.Equal(HttpStatusCode.Unauthorized, (await FeedWorks.GetAsync(guest, address)).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await FeedWorks.GetAsync(guest, address, ("reefreader", "not the password"))).Status);

        // A feed reader with the app password, and the browser session, read the same feed.
        var xml = await FeedWorks.FeedAsync(guest, address, AtomType, ("reefreader", password));
        Assert.Equal(xml, await FeedWorks.FeedAsync(reader, address, AtomType));
        await FeedTools.AssertValidAsync(FeedTools.AtomSchema, xml);
        var feed = await FeedTools.ParseAsync(xml);
        Assert.Equal("Inbox of reefreader", feed.GetProperty("feed").GetProperty("title").GetString());
        var entry = Assert.Single(feed.GetProperty("entries").EnumerateArray());
        Assert.Equal("New work by reefwriter: Reef at Night", entry.GetProperty("title").GetString());
        Assert.Contains("Reef at Night", (await FeedWorks.GetAsync(reader, FeedTools.Link(entry, "alternate")!)).Body, StringComparison.Ordinal);

        // Anyone else reads their own inbox there, never this one.
        var theirs = await FeedWorks.FeedAsync(snoop, address, AtomType);
        Assert.DoesNotContain("Reef at Night", theirs, StringComparison.Ordinal);
        Assert.Empty((await FeedTools.ParseAsync(theirs)).GetProperty("entries").EnumerateArray());
    }
}
