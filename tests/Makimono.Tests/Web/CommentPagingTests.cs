using System.Net;
using AngleSharp.Dom;
using Makimono.Responses.Comments;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace Makimono.Tests.Web;

/// <summary>
/// A chapter's comments come 50 top-level threads a page, with page links that work without JavaScript; a comment's
/// permalink, and the redirect after posting, land on the page its thread is on.
/// </summary>
public sealed class CommentPagingTests(ArchiveFactory archive) : IClassFixture<ArchiveFactory>
{
    [Fact]
    public async Task A_chapter_pages_its_threads_fifty_at_a_time_and_links_to_a_comment_land_on_its_page()
    {
        using var author = await EstablishedAsync("pg_author");
        using var reader = await EstablishedAsync("pg_reader");
        var workId = await author.PostWorkAsync("Much Discussed");
        await SeedCommentsAsync(workId, "pg_reader", 120);

        using var guest = archive.Guest();
        var first = await guest.PageAsync($"/works/{workId}");
        Assert.Equal(50, Threads(first).Count);
        Assert.Equal("Comment number 1.", Threads(first)[0]);
        Assert.Contains("Comment threads 1–50 of 120", first.Document.Body!.TextContent);

        var second = await FollowAsync(guest, first, "Next comments →");
        Assert.Equal(Enumerable.Range(51, 50).Select(i => $"Comment number {i}."), Threads(second));
        var third = await FollowAsync(guest, second, "3");
        Assert.Equal(Enumerable.Range(101, 20).Select(i => $"Comment number {i}."), Threads(third));
        Assert.Equal(Threads(first), Threads(await FollowAsync(guest, third, "1")));

        // The permalink of a comment on page 2 links back to it in place, on page 2.
        var permalinkHref = CommentItem(second, "Comment number 75.").QuerySelector(".comment-byline a")!.GetAttribute("href")!;
        var permalink = await guest.PageAsync(new Uri(second.Address, permalinkHref).PathAndQuery);
        var inPlace = await FollowAsync(guest, permalink, "Chapter 1");
        Assert.Equal("?page=2", inPlace.Address.Query);
        CommentItem(inPlace, "Comment number 75.");

        // A new comment is the newest thread, on the last page: the redirect after posting goes there.
        using var posted = await (await reader.PageAsync($"/works/{workId}")).Form("Post comment").Set("Comment.Body", "The newest word.").SubmitAsync();
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        Assert.Contains("?page=3#comment-", posted.Headers.Location!.OriginalString);
        CommentItem(await reader.FollowAsync(posted), "The newest word.");

        // The pager and the pages it links are valid HTML.
        var errors = await Crawling.NuChecker.CheckAsync([.. new[] { first, second, third, permalink }.Select(p => new Crawling.CollectedPage("guest", p.Address, p.Html))]);
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    private static List<string> Threads(HtmlPage page) =>
        page.Document.QuerySelectorAll("#comments > ol.comments > li.comment > .comment-body").Select(b => b.TextContent.Trim()).ToList();

    private static IElement CommentItem(HtmlPage page, string text)
    {
        var items = page.Document.QuerySelectorAll("li.comment")
            .Where(li => li.QuerySelector(":scope > .comment-body")?.TextContent.Contains(text, StringComparison.Ordinal) == true).ToList();
        Assert.True(items.Count == 1, $"{page.Address} shows {items.Count} comments saying \"{text}\"");
        return items[0];
    }

    /// <summary>Follows the one link (by address) whose text is <paramref name="text"/>.</summary>
    private static Task<HtmlPage> FollowAsync(WebClient client, HtmlPage page, string text)
    {
        var links = page.Document.QuerySelectorAll("a[href]")
            .Where(a => string.Join(' ', a.TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)) == text)
            .Select(a => a.GetAttribute("href")!).Distinct().ToList();
        Assert.True(links.Count == 1, $"{page.Address} has {links.Count} links \"{text}\"");
        return client.PageAsync(new Uri(page.Address, links[0]).PathAndQuery);
    }

    private async Task SeedCommentsAsync(int workId, string userName, int count)
    {
        var start = DateTime.UtcNow.AddDays(-2);
        await archive.WithDbAsync(async db =>
        {
            var user = await db.Users.SingleAsync(u => u.UserName == userName);
            var pseudId = await db.Pseuds.Where(p => p.UserId == user.Id).Select(p => p.Id).FirstAsync();
            var chapterId = await db.Chapters.Where(c => c.WorkId == workId).Select(c => c.Id).SingleAsync();
            for (var i = 1; i <= count; i++)
            {
                db.Comments.Add(new Comment
                {
                    WorkId = workId, ChapterId = chapterId, UserId = user.Id, PseudId = pseudId, Body = $"<p>Comment number {i}.</p>",
                    CreatedAt = start.AddMinutes(i), State = CommentState.Published,
                });
            }
            return await db.SaveChangesAsync();
        });
    }

    private async Task<WebClient> EstablishedAsync(string name)
    {
        var user = await archive.CreateUserAsync(name);
        var longAgo = DateTime.UtcNow - CommentRules.NewAccountAge - TimeSpan.FromDays(1);
        await archive.WithDbAsync(db => db.Users.Where(u => u.Id == user.Id).ExecuteUpdateAsync(s => s.SetProperty(u => u.CreatedAt, longAgo)));
        return await archive.LoggedInAsync(name);
    }
}
