using System.Net;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;

namespace Makimono.Tests.Web;

/// <summary>Bookmarks through the forms and links the work, series and bookmark pages serve.</summary>
public sealed class BookmarkPageTests(ArchiveFactory archive) : IClassFixture<ArchiveFactory>
{
    [Fact]
    public async Task A_reader_bookmarks_a_work_from_its_page_then_edits_it_private_and_deletes_it()
    {
        await archive.CreateUserAsync("bmauthor");
        await archive.CreateUserAsync("bmreader");
        using var author = await archive.LoggedInAsync("bmauthor");
        var workId = await author.PostWorkAsync("Lighthouse Marked", fandom: "Bookmark Fandom");
        using var reader = await archive.LoggedInAsync("bmreader");

        var workPage = await reader.PageAsync($"/works/{workId}");
        using (var saved = await workPage.Form("Bookmark")
            .Set("Input.Note", "A <b>favourite</b>.<script>alert(1)</script>").Set("Input.Tags", "comfort read, Reread Soon").Check("Input.IsRec")
            .SubmitAsync())
        {
            workPage = await reader.FollowAsync(saved);
        }
        Assert.Contains("You bookmarked this work, as a rec.", PageText(workPage));
        using var guest = archive.Guest();
        var publicList = await guest.PageAsync(LinkTo(await guest.PageAsync($"/works/{workId}"), "Bookmarks: 1"));
        var note = publicList.Document.QuerySelector("li.bookmark-note")!;
        Assert.Contains("<b>favourite</b>", note.InnerHtml);
        Assert.DoesNotContain("script", note.InnerHtml);
        Assert.Equal(["comfort read", "Reread Soon"], note.QuerySelectorAll("ul.tags a").Select(a => a.TextContent));
        Assert.Contains("Rec", note.TextContent);

        // Edit: the edit page holds what was typed; made private, it leaves the count and the public lists.
        var edit = await reader.PageAsync(LinkTo(workPage, "Edit bookmark"));
        var form = edit.Form("Save bookmark");
        Assert.Equal("comfort read, Reread Soon", form.Value("Input.Tags"));
        using (var privately = await form.Check("Input.IsPrivate").SubmitAsync())
        {
            workPage = await reader.FollowAsync(privately);
        }
        Assert.Contains("You bookmarked this work privately, as a rec.", PageText(workPage));
        Assert.Contains("No public bookmarks yet.", PageText(await guest.PageAsync(LinkTo(await guest.PageAsync($"/works/{workId}"), "Bookmarks: 0"))));
        Assert.Empty(Titles(await guest.PageAsync("/users/bmreader/bookmarks")));
        var own = await reader.PageAsync("/users/bmreader/bookmarks");
        Assert.Equal(["Lighthouse Marked"], Titles(own));
        Assert.Contains("Private", own.Document.QuerySelector("li.bookmark-note")!.TextContent);

        using (var deleted = await workPage.Form("Delete bookmark").SubmitAsync())
        {
            Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        }
        Assert.Empty(Titles(await reader.PageAsync("/users/bmreader/bookmarks")));
        Assert.Equal(0, await archive.WithDbAsync(db => db.Bookmarks.CountAsync(b => b.WorkId == workId)));
    }

    [Fact]
    public async Task A_muted_users_bookmarks_leave_the_works_bookmarks_page_and_their_own_listing()
    {
        await archive.CreateUserAsync("bmmuteauthor");
        await archive.CreateUserAsync("bmloud");
        await archive.CreateUserAsync("bmquiet");
        await archive.CreateUserAsync("bmmuter");
        using var author = await archive.LoggedInAsync("bmmuteauthor");
        var workId = await author.PostWorkAsync("Muted Marks", fandom: "Bookmark Fandom");
        foreach (var (name, note) in new[] { ("bmloud", "Loud note about it."), ("bmquiet", "Quiet note about it.") })
        {
            using var bookmarker = await archive.LoggedInAsync(name);
            using var saved = await (await bookmarker.PageAsync($"/works/{workId}")).Form("Bookmark").Set("Input.Note", note).SubmitAsync();
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        }
        using var muter = await archive.LoggedInAsync("bmmuter");
        using (var mute = await muter.SubmitFormAsync("/users/bmloud", "Mute bmloud"))
        {
            Assert.Equal(HttpStatusCode.Redirect, mute.StatusCode);
        }

        var list = await muter.PageAsync(LinkTo(await muter.PageAsync($"/works/{workId}"), "Bookmarks: 2"));
        Assert.Equal(["Quiet note about it."], list.Document.QuerySelectorAll("li.bookmark-note blockquote").Select(n => n.TextContent.Trim()));
        Assert.Contains("1 bookmark is hidden because you muted its maker.", PageText(list));
        Assert.DoesNotContain("Loud note", PageText(list));
        var loudOwn = await muter.PageAsync("/users/bmloud/bookmarks");
        Assert.Empty(Titles(loudOwn));
        Assert.Contains("You muted bmloud", PageText(loudOwn));
        // Others still see both.
        using var guest = archive.Guest();
        Assert.Contains("Loud note", PageText(await guest.PageAsync($"/works/{workId}/bookmarks")));
        Assert.Equal(["Muted Marks"], Titles(await guest.PageAsync("/users/bmloud/bookmarks")));
    }

    [Fact]
    public async Task A_refused_bookmark_comes_back_with_the_error_and_everything_typed()
    {
        await archive.CreateUserAsync("bmlong");
        using var reader = await archive.LoggedInAsync("bmlong");
        var workId = await reader.PostWorkAsync("Someone Else Could Write This", fandom: "Bookmark Fandom");
        var longNote = new string('x', Makimono.Works.Limits.BookmarkNoteMax + 1);

        using var refused = await (await reader.PageAsync($"/works/{workId}")).Form("Bookmark")
            .Set("Input.Note", longNote).Set("Input.Tags", "kept tag").SubmitAsync();

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var page = new HtmlPage(reader, refused.RequestMessage!.RequestUri!, await refused.Content.ReadAsStringAsync());
        Assert.Contains("a note can be at most 5,000", PageText(page));
        Assert.Equal(longNote, page.Form("Bookmark").Value("Input.Note"));
        Assert.Equal("kept tag", page.Form("Bookmark").Value("Input.Tags"));
        Assert.Equal(0, await archive.WithDbAsync(db => db.Bookmarks.CountAsync(b => b.WorkId == workId)));
    }

    [Fact]
    public async Task The_bookmarks_page_filters_the_bookmarked_works_and_narrows_to_recs_and_to_a_bookmarkers_tag()
    {
        await archive.CreateUserAsync("bmfilterauthor");
        await archive.CreateUserAsync("bmfilterer");
        using var author = await archive.LoggedInAsync("bmfilterauthor");
        var hero = await author.PostWorkAsync("Filter Hero", fandom: "Bookmark Filter Fandom", characters: "Filter Hero");
        var both = await author.PostWorkAsync("Filter Both", fandom: "Bookmark Filter Fandom", characters: "Filter Hero, Filter Villain");
        var none = await author.PostWorkAsync("Filter None", fandom: "Bookmark Filter Fandom");
        await author.PostWorkAsync("Not Bookmarked", fandom: "Bookmark Filter Fandom", characters: "Filter Hero");
        using var reader = await archive.LoggedInAsync("bmfilterer");
        foreach (var (id, rec, tags) in new[] { (hero, true, "keeper"), (both, false, "keeper"), (none, true, "") })
        {
            var form = (await reader.PageAsync($"/works/{id}")).Form("Bookmark").Set("Input.Tags", tags);
            if (rec)
            {
                form.Check("Input.IsRec");
            }
            using var saved = await form.SubmitAsync();
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        }

        using var guest = archive.Guest();
        var page = await guest.PageAsync(LinkTo(await guest.PageAsync("/users/bmfilterer"), "Bookmarks by bmfilterer"));
        Assert.Equal(["Filter Both", "Filter Hero", "Filter None"], Titles(page).Order());

        var included = await Submit(guest, page.Form("Sort and filter").Check("inc", ValueOf(page, "inc", "Filter Hero")));
        Assert.Equal(["Filter Both", "Filter Hero"], Titles(included).Order());
        var excluded = await Submit(guest, included.Form("Sort and filter").Check("exc", ValueOf(included, "exc", "Filter Villain")));
        Assert.Equal(["Filter Hero"], Titles(excluded));

        var recs = await Submit(guest, page.Form("Sort and filter").Check("rec", "1").Set("sort", "title").Set("dir", "asc"));
        Assert.Equal(["Filter Hero", "Filter None"], Titles(recs));
        Assert.True(recs.Document.QuerySelector("#filter-rec")!.HasAttribute("checked"));
        Assert.Contains("rec=1", recs.Address.Query);

        // A bookmarker's tag under a blurb leads to their bookmarks with that tag.
        var keeper = await guest.PageAsync(page.Document.QuerySelectorAll("li.bookmark-note ul.tags a").First(a => a.TextContent == "keeper").GetAttribute("href")!);
        Assert.Equal(["Filter Both", "Filter Hero"], Titles(keeper).Order());
    }

    [Fact]
    public async Task Bookmarks_of_works_a_viewer_may_not_read_are_never_shown_to_them()
    {
        await archive.CreateUserAsync("bmaccessauthor");
        await archive.CreateUserAsync("bmaccessreader");
        await archive.CreateUserAsync("bmaccessother");
        await archive.CreateUserAsync("bmaccessadmin", isAdmin: true);
        using var author = await archive.LoggedInAsync("bmaccessauthor");
        var open = await author.PostWorkAsync("Open To All", fandom: "Access Fandom");
        var members = await author.PostWorkAsync("Members Only Work", fandom: "Access Fandom", restricted: true);
        var toHide = await author.PostWorkAsync("Soon Hidden Work", fandom: "Access Fandom");
        using var reader = await archive.LoggedInAsync("bmaccessreader");
        foreach (var id in new[] { open, members, toHide })
        {
            using var saved = await (await reader.PageAsync($"/works/{id}")).Form("Bookmark").SubmitAsync();
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        }
        using var admin = await archive.LoggedInAsync("bmaccessadmin");
        using (var hide = await admin.SubmitFormAsync($"/works/{toHide}", "Hide work"))
        {
            Assert.Equal(HttpStatusCode.Redirect, hide.StatusCode);
        }

        using var guest = archive.Guest();
        Assert.Equal(["Open To All"], Titles(await guest.PageAsync("/users/bmaccessreader/bookmarks")));
        using var other = await archive.LoggedInAsync("bmaccessother");
        Assert.Equal(["Members Only Work", "Open To All"], Titles(await other.PageAsync("/users/bmaccessreader/bookmarks")).Order());
        // The bookmarker cannot read the hidden work any more either; an admin can, and sees the bookmark.
        Assert.Equal(["Members Only Work", "Open To All"], Titles(await reader.PageAsync("/users/bmaccessreader/bookmarks")).Order());
        Assert.Equal(["Members Only Work", "Open To All", "Soon Hidden Work"], Titles(await admin.PageAsync("/users/bmaccessreader/bookmarks")).Order());
        // A work's bookmarks follow the work page: a guest is asked to log in, the hidden work is not found.
        var (membersStatus, _) = await guest.GetAsync($"/works/{members}/bookmarks");
        Assert.Equal(HttpStatusCode.Redirect, membersStatus);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/works/{toHide}/bookmarks")).Status);
        // Nor can anyone bookmark what they may not read.
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/works/{toHide}/bookmark")).Status);
    }

    [Fact]
    public async Task A_series_is_bookmarked_from_its_page_and_listed_with_the_bookmarks()
    {
        await archive.CreateUserAsync("bmseriesauthor");
        await archive.CreateUserAsync("bmseriesreader");
        using var author = await archive.LoggedInAsync("bmseriesauthor");
        var part = await author.PostWorkAsync("Part One of Saga", fandom: "Series Fandom");
        var edit = (await author.PageAsync($"/works/{part}/edit")).Form("Save changes").Set("Work.SeriesTitles", "Bookmarkable Saga");
        using (var saved = await edit.SubmitAsync())
        {
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        }
        using var reader = await archive.LoggedInAsync("bmseriesreader");
        var seriesPage = await reader.PageAsync(LinkTo(await reader.PageAsync($"/works/{part}"), "Bookmarkable Saga"));

        using (var bookmarked = await seriesPage.Form("Bookmark").Set("Input.Note", "The whole saga.").SubmitAsync())
        {
            seriesPage = await reader.FollowAsync(bookmarked);
        }
        Assert.Contains("You bookmarked this series.", PageText(seriesPage));
        var list = await reader.PageAsync("/users/bmseriesreader/bookmarks");
        Assert.Contains("Bookmarkable Saga", list.Document.QuerySelector("h2 + ol.works")!.TextContent);
        Assert.Contains("The whole saga.", list.Document.QuerySelector("h2 + ol.works")!.TextContent);
        using (var deleted = await seriesPage.Form("Delete bookmark").SubmitAsync())
        {
            Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        }
        Assert.DoesNotContain("Bookmarkable Saga", PageText(await reader.PageAsync("/users/bmseriesreader/bookmarks")));
    }

    internal static async Task<HtmlPage> Submit(WebClient client, HtmlForm form)
    {
        using var response = await form.SubmitAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return new HtmlPage(client, response.RequestMessage!.RequestUri!, await response.Content.ReadAsStringAsync());
    }

    internal static string PageText(HtmlPage page) => string.Join(' ', page.Document.Body!.TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    internal static List<string> Titles(HtmlPage page) =>
        page.Document.QuerySelectorAll("li.blurb h3").Select(h => h.QuerySelector("a")!.TextContent.Trim()).ToList();

    internal static string LinkTo(HtmlPage page, string text) =>
        page.Document.QuerySelectorAll("a").Single(a => a.TextContent.Trim() == text).GetAttribute("href")!;

    internal static string ValueOf(HtmlPage page, string name, string tag) =>
        page.Document.QuerySelectorAll($"input[name={name}]").Single(i =>
            page.Document.QuerySelector($"label[for='{i.Id}']")!.TextContent.Trim().StartsWith(tag + " (", StringComparison.Ordinal)).GetAttribute("value")!;
}
