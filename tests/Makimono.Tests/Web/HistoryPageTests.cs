using System.Net;
using Microsoft.EntityFrameworkCore;
using static Makimono.Tests.Web.BookmarkPageTests;

namespace Makimono.Tests.Web;

/// <summary>Reading history, "continue reading" and "marked for later", through the pages' own links and buttons.</summary>
public sealed class HistoryPageTests(ArchiveFactory archive) : IClassFixture<ArchiveFactory>
{
    private static async Task<int> AddChapterAsync(WebClient author, int workId, string body)
    {
        using var response = await author.SubmitFormAsync($"/works/{workId}/chapters/new", "Post chapter", [new("Chapter.Body", body)]);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var next = (await author.PageAsync($"/works/{workId}")).Document.QuerySelector("a[rel=next]")!.GetAttribute("href")!;
        return int.Parse(next.Split('/').Last(), System.Globalization.CultureInfo.InvariantCulture);
    }

    [Fact]
    public async Task A_chapter_read_is_where_continue_reading_and_the_history_page_pick_up()
    {
        await archive.CreateUserAsync("hiauthor");
        await archive.CreateUserAsync("hireader");
        using var author = await archive.LoggedInAsync("hiauthor");
        var workId = await author.PostWorkAsync("Long Road Home", fandom: "History Fandom");
        var second = await AddChapterAsync(author, workId, "The second chapter of the long road home.");
        using var reader = await archive.LoggedInAsync("hireader");

        Assert.Contains("Works you read while logged in show up here.", PageText(await reader.PageAsync("/")));
        var work = await reader.PageAsync($"/works/{workId}");
        var chapter = await reader.PageAsync(work.Document.QuerySelector("a[rel=next]")!.GetAttribute("href")!);
        Assert.Contains("The second chapter", chapter.Html);

        var home = await reader.PageAsync("/");
        var link = home.Document.QuerySelector("section.continue-reading li a")!;
        Assert.Equal("Long Road Home, chapter 2 of 2", link.TextContent.Trim());
        Assert.Equal($"/works/{workId}/chapters/{second}", link.GetAttribute("href"));

        var history = await reader.PageAsync(LinkTo(home, "Your history"));
        Assert.Equal(["Long Road Home"], Titles(history));
        Assert.Contains("2 visits", history.Document.QuerySelector("li.reading-position")!.TextContent);
        // Guests have no history, and the author reading their own work is not recorded.
        using var guest = archive.Guest();
        Assert.DoesNotContain("Continue reading", PageText(await guest.PageAsync("/")));
        await author.PageAsync($"/works/{workId}");
        Assert.Equal(0, await archive.WithDbAsync(db => db.ReadingPositions.CountAsync(p => p.User.UserName == "hiauthor")));
    }

    [Fact]
    public async Task Mark_for_later_from_the_work_page_and_remove_it_from_the_marked_for_later_list()
    {
        await archive.CreateUserAsync("laterauthor");
        await archive.CreateUserAsync("laterreader");
        using var author = await archive.LoggedInAsync("laterauthor");
        var workId = await author.PostWorkAsync("Saved For Sunday", fandom: "History Fandom");
        using var reader = await archive.LoggedInAsync("laterreader");

        using (var marked = await reader.SubmitFormAsync($"/works/{workId}", "Mark for later"))
        {
            var work = await reader.FollowAsync(marked);
            Assert.True(work.HasButton("Remove from marked for later"));
        }
        var later = await reader.PageAsync(LinkTo(await reader.PageAsync("/account/history"), "Marked for later"));
        Assert.Equal(["Saved For Sunday"], Titles(later));

        using (var removed = await later.Form("Remove from marked for later").SubmitAsync())
        {
            Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
            Assert.Equal("/account/history/later", removed.Headers.Location!.OriginalString);
        }
        Assert.Empty(Titles(await reader.PageAsync("/account/history/later")));
    }

    [Fact]
    public async Task History_turned_off_records_nothing_and_clearing_empties_it()
    {
        await archive.CreateUserAsync("offauthor");
        await archive.CreateUserAsync("offreader");
        using var author = await archive.LoggedInAsync("offauthor");
        var first = await author.PostWorkAsync("Read Before", fandom: "History Fandom");
        var second = await author.PostWorkAsync("Read While Off", fandom: "History Fandom");
        using var reader = await archive.LoggedInAsync("offreader");
        await reader.PageAsync($"/works/{first}");

        using (var off = await reader.SubmitFormAsync("/account/history", "Turn history off"))
        {
            var history = await reader.FollowAsync(off);
            Assert.Contains("History is off", PageText(history));
        }
        await reader.PageAsync($"/works/{second}");
        Assert.Equal(["Read Before"], Titles(await reader.PageAsync("/account/history")));

        using (var on = await reader.SubmitFormAsync("/account/history", "Turn history on"))
        {
            Assert.Equal(HttpStatusCode.Redirect, on.StatusCode);
        }
        await reader.PageAsync($"/works/{second}");
        Assert.Equal(["Read Before", "Read While Off"], Titles(await reader.PageAsync("/account/history")).Order());

        using (var cleared = await reader.SubmitFormAsync("/account/history", "Clear history"))
        {
            Assert.Empty(Titles(await reader.FollowAsync(cleared)));
        }
        Assert.Equal(0, await archive.WithDbAsync(db => db.ReadingPositions.CountAsync(p => p.User.UserName == "offreader")));
    }

    [Fact]
    public async Task The_history_page_has_the_search_filters()
    {
        await archive.CreateUserAsync("hfauthor");
        await archive.CreateUserAsync("hfreader");
        using var author = await archive.LoggedInAsync("hfauthor");
        var ids = new[]
        {
            await author.PostWorkAsync("History Hero", fandom: "History Filter Fandom", characters: "History Hero"),
            await author.PostWorkAsync("History Both", fandom: "History Filter Fandom", characters: "History Hero, History Villain"),
            await author.PostWorkAsync("History Plain", fandom: "History Filter Fandom"),
        };
        await author.PostWorkAsync("History Unread", fandom: "History Filter Fandom", characters: "History Hero");
        using var reader = await archive.LoggedInAsync("hfreader");
        foreach (var id in ids)
        {
            await reader.PageAsync($"/works/{id}");
        }

        var history = await reader.PageAsync("/account/history");
        Assert.Equal(["History Both", "History Hero", "History Plain"], Titles(history).Order());
        var included = await Submit(reader, history.Form("Sort and filter").Check("inc", ValueOf(history, "inc", "History Hero")));
        Assert.Equal(["History Both", "History Hero"], Titles(included).Order());
        var excluded = await Submit(reader, history.Form("Sort and filter").Check("exc", ValueOf(history, "exc", "History Villain")));
        Assert.Equal(["History Hero", "History Plain"], Titles(excluded).Order());
    }
}
