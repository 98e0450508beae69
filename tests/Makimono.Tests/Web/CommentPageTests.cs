using System.Net;
using AngleSharp.Dom;
using Makimono.Responses.Comments;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace Makimono.Tests.Web;

/// <summary>Comments through the work page's own forms and links, as readers and authors use them.</summary>
public sealed class CommentPageTests(ArchiveFactory archive) : IClassFixture<ArchiveFactory>
{
    [Fact]
    public async Task A_reader_comments_on_the_work_page_and_replies_through_the_reply_link_and_the_permalink_shows_the_thread()
    {
        using var author = await EstablishedAsync("cp_author1");
        using var reader = await EstablishedAsync("cp_reader1");
        var workId = await author.PostWorkAsync("Comments Welcome");

        var top = await CommentAsync(reader, $"/works/{workId}", "What a lovely opening.");
        var page = await author.PageAsync($"/works/{workId}");
        var reply = await FollowLinkAsync(author, page, "Reply to cp_reader1");
        Assert.Contains("What a lovely opening.", reply.Html);
        using var posted = await reply.Form("Post reply").Set("Comment.Body", "Thank you for reading!").SubmitAsync();
        var answered = await author.FollowAsync(posted);

        var replyItem = CommentItem(answered, "Thank you for reading!");
        Assert.Equal($"comment-{top}", ParentComment(replyItem)?.Id);
        Assert.Contains("cp_author1", replyItem.QuerySelector(".comment-byline")!.TextContent);

        // The time of a comment is its permalink, which shows the comment in its thread.
        var permalink = await FollowLinkAsync(reader, await reader.PageAsync($"/works/{workId}"), null, CommentItem(answered, "Thank you for reading!").QuerySelector(".comment-byline a")!);
        Assert.Equal($"/comments/{replyItem.Id!["comment-".Length..]}", permalink.Address.AbsolutePath);
        Assert.Contains("What a lovely opening.", permalink.Html);
        Assert.Contains("Thank you for reading!", permalink.Html);
    }

    [Fact]
    public async Task Threads_nest_five_deep_and_deeper_replies_are_flat_with_a_reply_to_link()
    {
        using var author = await EstablishedAsync("cp_author2");
        using var reader = await EstablishedAsync("cp_reader2");
        var workId = await author.PostWorkAsync("A Long Conversation");

        await CommentAsync(reader, $"/works/{workId}", "Level 1");
        for (var level = 2; level <= 7; level++)
        {
            var (client, name) = level % 2 == 0 ? (author, "cp_reader2") : (reader, "cp_author2");
            var page = await client.PageAsync($"/works/{workId}");
            var replyPage = await FollowLinkAsync(client, page, $"Reply to {name}", near: $"Level {level - 1}");
            using var response = await replyPage.Form("Post reply").Set("Comment.Body", $"Level {level}").SubmitAsync();
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        }

        var shown = await reader.PageAsync($"/works/{workId}");
        for (var level = 1; level <= 7; level++)
        {
            var item = CommentItem(shown, $"Level {level}");
            // Nested one list deeper per level down to 5; 6 and 7 sit in level 5's list, beside each other.
            Assert.Equal(Math.Min(level, 6) - 1, Ancestors(item).Count(e => e.ClassList.Contains("replies")));
            var replyTo = item.QuerySelector(":scope > .comment-byline .reply-to a");
            if (level <= 5)
            {
                Assert.Null(replyTo);
            }
            else
            {
                Assert.Equal($"#{CommentItem(shown, $"Level {level - 1}").Id}", replyTo!.GetAttribute("href"));
                Assert.Equal(level % 2 == 0 ? "cp_reader2" : "cp_author2", replyTo.TextContent);
                Assert.Equal(CommentItem(shown, "Level 5"), ParentComment(item));
            }
        }
    }

    [Fact]
    public async Task The_comment_settings_are_kept_on_a_refused_form_and_saved_with_the_work()
    {
        using var author = await EstablishedAsync("cp_author3");
        var form = (await author.PageAsync("/works/new")).Form("Post")
            .Set("Work.RatingId", "2").Check("Work.WarningIds", "14").Set("Work.Fandoms", "Original Work")
            .Set("Chapter.Body", "A story that waits for its title.")
            .Check("Work.WhoMayComment", "Everyone").Check("Work.ModeratesComments");
        using var refused = await form.SubmitAsync();
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var again = new HtmlPage(author, new Uri(author.Http.BaseAddress!, "/works/new"), await refused.Content.ReadAsStringAsync());
        Assert.NotNull(again.Document.QuerySelector("input[name='Work.WhoMayComment'][value='Everyone'][checked]"));
        Assert.NotNull(again.Document.QuerySelector("input[name='Work.ModeratesComments'][checked]"));

        using var posted = await again.Form("Post").Set("Work.Title", "Open Doors").SubmitAsync();
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        var workId = int.Parse(posted.Headers.Location!.OriginalString.Split('/').Last(), System.Globalization.CultureInfo.InvariantCulture);
        var stored = await archive.WithDbAsync(db => db.Works.SingleAsync(w => w.Id == workId));
        Assert.Equal(CommentPermission.Everyone, stored.WhoMayComment);
        Assert.True(stored.ModeratesComments);

        var edit = await FollowLinkAsync(author, await author.PageAsync($"/works/{workId}"), "Edit work");
        Assert.NotNull(edit.Document.QuerySelector("input[name='Work.WhoMayComment'][value='Everyone'][checked]"));
        using var saved = await edit.Form("Save changes").Check("Work.WhoMayComment", "Nobody").Uncheck("Work.ModeratesComments").SubmitAsync();
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        stored = await archive.WithDbAsync(db => db.Works.SingleAsync(w => w.Id == workId));
        Assert.Equal(CommentPermission.Nobody, stored.WhoMayComment);
        Assert.False(stored.ModeratesComments);
    }

    [Fact]
    public async Task Guests_comment_with_a_name_and_e_mail_only_where_the_work_allows_and_the_address_is_never_shown()
    {
        using var author = await EstablishedAsync("cp_author4");
        var usersOnly = await author.PostWorkAsync("Members Talk");
        var open = await PostWithSettingAsync(author, "Anyone Talks", "Everyone");
        var closed = await PostWithSettingAsync(author, "Nobody Talks", "Nobody");
        var restricted = await author.PostWorkAsync("Behind Doors", restricted: true);

        using var guest = archive.Guest();
        var members = await guest.PageAsync($"/works/{usersOnly}");
        Assert.False(members.HasButton("Post comment"));
        Assert.Contains("Only logged-in users can comment on this work.", members.Html);

        var page = await guest.PageAsync($"/works/{open}");
        using var posted = await page.Form("Post comment").Set("Comment.GuestName", "Wandering Owl")
            .Set("Comment.GuestEmail", "owl@example.org").Set("Comment.Body", "Guests welcome, how nice.").SubmitAsync();
        var shown = await guest.FollowAsync(posted);
        Assert.Contains("Wandering Owl (guest)", CommentItem(shown, "Guests welcome, how nice.").TextContent);
        Assert.DoesNotContain("owl@example.org", shown.Html);
        Assert.DoesNotContain("owl@example.org", (await author.PageAsync($"/works/{open}")).Html);

        using var reader = await EstablishedAsync("cp_reader4");
        var readerView = await reader.PageAsync($"/works/{open}");
        Assert.Null(readerView.Document.QuerySelector("input[name='Comment.GuestEmail']"));
        var nobody = await reader.PageAsync($"/works/{closed}");
        Assert.False(nobody.HasButton("Post comment"));
        Assert.Contains("The creators have turned comments off for this work.", nobody.Html);

        // A guest who types the comment page of a restricted work is asked to log in, as for the work itself.
        var chapterLink = (await reader.PageAsync($"/works/{restricted}")).Document.QuerySelector("form.comment-form")!.GetAttribute("action")!;
        using var asked = await guest.Http.GetAsync(new Uri(chapterLink, UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, asked.StatusCode);
        Assert.Equal("/login", (await guest.FollowAsync(asked)).Address.AbsolutePath);
    }

    [Fact]
    public async Task Held_comments_wait_for_the_author_who_approves_them_and_then_everyone_sees_and_counts_them()
    {
        using var author = await EstablishedAsync("cp_author5");
        using var reader = await EstablishedAsync("cp_reader5");
        using var other = await EstablishedAsync("cp_other5");
        var workId = await author.PostWorkAsync("Moderated Garden");
        var edit = await FollowLinkAsync(author, await author.PageAsync($"/works/{workId}"), "Edit work");
        using (var saved = await edit.Form("Save changes").Check("Work.ModeratesComments").SubmitAsync())
        {
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        }

        await CommentAsync(reader, $"/works/{workId}", "Held until approved.");
        Assert.Contains("Waiting for approval", CommentItem(await reader.PageAsync($"/works/{workId}"), "Held until approved.").TextContent);
        Assert.DoesNotContain("Held until approved.", (await other.PageAsync($"/works/{workId}")).Html);
        Assert.DoesNotContain("Held until approved.", (await archive.Guest().PageAsync($"/works/{workId}")).Html);
        Assert.Equal(0, await CommentCountAsync(workId));

        var authorView = await author.PageAsync($"/works/{workId}");
        using (var approved = await authorView.Form("Approve comment", near: "Held until approved.").SubmitAsync())
        {
            Assert.Equal(HttpStatusCode.Redirect, approved.StatusCode);
        }
        var published = CommentItem(await other.PageAsync($"/works/{workId}"), "Held until approved.");
        Assert.DoesNotContain("Waiting for approval", published.TextContent);
        Assert.Equal(1, await CommentCountAsync(workId));
    }

    [Fact]
    public async Task The_fourth_comment_in_fifteen_minutes_from_a_new_account_is_refused_with_its_text_kept()
    {
        using var author = await EstablishedAsync("cp_author6");
        var workId = await author.PostWorkAsync("Busy Thread");
        await archive.CreateUserAsync("cp_newcomer6");
        using var newcomer = await archive.LoggedInAsync("cp_newcomer6");
        for (var i = 1; i <= 3; i++)
        {
            await CommentAsync(newcomer, $"/works/{workId}", $"Excited comment {i}");
        }

        var page = await newcomer.PageAsync($"/works/{workId}");
        using var refused = await page.Form("Post comment").Set("Comment.Body", "One more thought I must not lose.").SubmitAsync();
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var again = new HtmlPage(newcomer, new Uri(newcomer.Http.BaseAddress!, "/"), await refused.Content.ReadAsStringAsync());
        Assert.Contains("Accounts in their first week can post 3 comments in 15 minutes", again.Document.QuerySelector(".errors")!.TextContent);
        Assert.Equal("One more thought I must not lose.", again.Document.QuerySelector("textarea[name='Comment.Body']")!.TextContent);
        Assert.DoesNotContain("One more thought", (await author.PageAsync($"/works/{workId}")).Html);

        // An account older than a week is not held to it.
        using var regular = await EstablishedAsync("cp_regular6");
        for (var i = 1; i <= 4; i++)
        {
            await CommentAsync(regular, $"/works/{workId}", $"Regular comment {i}");
        }
    }

    [Fact]
    public async Task Script_event_handlers_and_javascript_links_in_a_comment_come_out_sanitized_on_the_page()
    {
        using var author = await EstablishedAsync("cp_author7");
        using var reader = await EstablishedAsync("cp_reader7");
        var workId = await author.PostWorkAsync("Safe Harbour");

        await CommentAsync(reader, $"/works/{workId}",
            """Nice<script>document.title='owned'</script> <b onmouseover="alert(1)">bold</b> <a href="javascript:alert(2)">click</a> <img src="x" onerror="alert(3)"> <a href="https://example.org/" onclick="alert(4)">fine</a>""");
        var body = CommentItem(await author.PageAsync($"/works/{workId}"), "Nice").QuerySelector(".comment-body")!;
        Assert.Empty(body.QuerySelectorAll("script"));
        Assert.DoesNotContain("owned", body.InnerHtml);
        Assert.All(body.QuerySelectorAll("*"), e => Assert.DoesNotContain(e.Attributes, a => a.Name.StartsWith("on", StringComparison.Ordinal)));
        Assert.All(body.QuerySelectorAll("a[href]"), a => Assert.StartsWith("https:", a.GetAttribute("href")));
        Assert.Equal("bold", body.QuerySelector("b")!.TextContent);
        Assert.Equal("nofollow", body.QuerySelector("a[href]")!.GetAttribute("rel"));
    }

    [Fact]
    public async Task The_commenter_edits_their_comment_and_it_shows_as_edited()
    {
        using var author = await EstablishedAsync("cp_author8");
        using var reader = await EstablishedAsync("cp_reader8");
        var workId = await author.PostWorkAsync("Second Thoughts");
        await CommentAsync(reader, $"/works/{workId}", "I liek it.");
        Assert.Null(CommentItem(await author.PageAsync($"/works/{workId}"), "I liek it.").QuerySelector("a[href$='/edit']"));

        var edit = await FollowLinkAsync(reader, await reader.PageAsync($"/works/{workId}"), "Edit your comment", near: "I liek it.");
        Assert.Equal("I liek it.", edit.Form("Save comment").Value("Comment.Body"));
        using var saved = await edit.Form("Save comment").Set("Comment.Body", "I like it.").SubmitAsync();
        var item = CommentItem(await reader.FollowAsync(saved), "I like it.");
        Assert.Contains("(edited", item.QuerySelector(".comment-byline")!.TextContent);
    }

    [Fact]
    public async Task A_frozen_thread_refuses_a_reply_typed_before_the_freeze_and_keeps_its_text()
    {
        using var author = await EstablishedAsync("cp_author9");
        using var reader = await EstablishedAsync("cp_reader9");
        var workId = await author.PostWorkAsync("Cold Case");
        await CommentAsync(reader, $"/works/{workId}", "Start of a heated thread.");
        var replyPage = await FollowLinkAsync(author, await author.PageAsync($"/works/{workId}"), "Reply to cp_reader9");

        using (var frozen = await (await author.PageAsync($"/works/{workId}")).Form("Freeze thread", near: "Start of a heated thread.").SubmitAsync())
        {
            Assert.Equal(HttpStatusCode.Redirect, frozen.StatusCode);
        }
        var readerView = await reader.PageAsync($"/works/{workId}");
        Assert.Contains("Frozen", CommentItem(readerView, "Start of a heated thread.").TextContent);
        Assert.DoesNotContain(readerView.Document.QuerySelectorAll("a"), a => a.TextContent.StartsWith("Reply", StringComparison.Ordinal));

        using var refused = await replyPage.Form("Post reply").Set("Comment.Body", "My last word.").SubmitAsync();
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var html = await refused.Content.ReadAsStringAsync();
        Assert.Contains("This thread is frozen", html);
        Assert.Contains("My last word.", html);

        using (var thawed = await (await author.PageAsync($"/works/{workId}")).Form("Unfreeze thread", near: "Start of a heated thread.").SubmitAsync())
        {
            Assert.Equal(HttpStatusCode.Redirect, thawed.StatusCode);
        }
        Assert.NotNull(await FollowLinkAsync(reader, await reader.PageAsync($"/works/{workId}"), "Reply to cp_reader9"));
    }

    [Fact]
    public async Task Deleting_a_comment_with_replies_keeps_the_thread_under_a_placeholder()
    {
        using var author = await EstablishedAsync("cp_author10");
        using var reader = await EstablishedAsync("cp_reader10");
        var workId = await author.PostWorkAsync("Loose Threads");
        await CommentAsync(reader, $"/works/{workId}", "Something I regret saying.");
        var reply = await FollowLinkAsync(author, await author.PageAsync($"/works/{workId}"), "Reply to cp_reader10");
        using (var posted = await reply.Form("Post reply").Set("Comment.Body", "An answer worth keeping.").SubmitAsync())
        {
            Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        }
        await CommentAsync(reader, $"/works/{workId}", "A lonely remark.");

        using (var deleted = await (await reader.PageAsync($"/works/{workId}")).Form("Delete comment", near: "Something I regret saying.").SubmitAsync())
        {
            Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        }
        using (var deleted = await (await author.PageAsync($"/works/{workId}")).Form("Delete comment", near: "A lonely remark.").SubmitAsync())
        {
            Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        }

        var page = await archive.Guest().PageAsync($"/works/{workId}");
        Assert.DoesNotContain("Something I regret saying.", page.Html);
        Assert.DoesNotContain("A lonely remark.", page.Html);
        var answer = CommentItem(page, "An answer worth keeping.");
        Assert.Contains("(deleted comment)", ParentComment(answer)!.QuerySelector(".comment-byline")!.TextContent);
        Assert.Equal(1, await CommentCountAsync(workId));
    }

    [Fact]
    public async Task The_entire_work_view_shows_every_chapters_comments_under_its_chapter()
    {
        using var author = await EstablishedAsync("cp_author11");
        using var reader = await EstablishedAsync("cp_reader11");
        var workId = await author.PostWorkAsync("Two Parts");
        using (var chapter = await author.SubmitFormAsync($"/works/{workId}/chapters/new", "Post chapter", [new("Chapter.Body", "The second part begins here.")]))
        {
            Assert.Equal(HttpStatusCode.Redirect, chapter.StatusCode);
        }
        await CommentAsync(reader, $"/works/{workId}", "On the first part.");
        var second = await FollowLinkAsync(reader, await reader.PageAsync($"/works/{workId}"), "Next chapter →");
        using (var posted = await second.Form("Post comment").Set("Comment.Body", "On the second part.").SubmitAsync())
        {
            Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        }
        Assert.DoesNotContain("On the first part.", (await reader.PageAsync(second.Address.PathAndQuery)).Html);

        var whole = await FollowLinkAsync(reader, await reader.PageAsync($"/works/{workId}"), "Entire work");
        var headings = whole.Document.QuerySelectorAll("section.comments h3").Select(h => h.TextContent).ToList();
        Assert.Equal(["Comments on chapter 1", "Comments on chapter 2"], headings);
        var html = whole.Html;
        Assert.True(html.IndexOf("On the first part.", StringComparison.Ordinal) is var first and > 0
            && first < html.IndexOf("Comments on chapter 2", StringComparison.Ordinal)
            && html.IndexOf("Comments on chapter 2", StringComparison.Ordinal) < html.IndexOf("On the second part.", StringComparison.Ordinal));
        // The entire work has no single chapter to post to: each chapter links its own comment page.
        var commentPage = await FollowLinkAsync(reader, whole, "Comment on chapter 2");
        Assert.True(commentPage.HasButton("Post comment"));
    }

    [Fact]
    public async Task A_blocked_reader_is_told_why_their_comment_was_refused_and_keeps_its_text()
    {
        using var author = await EstablishedAsync("cp_author12");
        using var reader = await EstablishedAsync("cp_reader12");
        var workId = await author.PostWorkAsync("No Trolls Here");
        var page = await reader.PageAsync($"/works/{workId}");
        // Blocked from another tab while the reader was typing; the block itself is the blocking pages' subject.
        await archive.WithDbAsync(async db =>
        {
            var ids = await db.Users.Where(u => u.UserName == "cp_author12" || u.UserName == "cp_reader12").ToDictionaryAsync(u => u.UserName, u => u.Id);
            db.UserBlocks.Add(new Makimono.Responses.Blocking.UserBlock { BlockerId = ids["cp_author12"], BlockedId = ids["cp_reader12"], CreatedAt = DateTime.UtcNow });
            return await db.SaveChangesAsync();
        });

        using var refused = await page.Form("Post comment").Set("Comment.Body", "You can't silence me.").SubmitAsync();
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var html = await refused.Content.ReadAsStringAsync();
        Assert.Contains("A creator of this work has blocked you, so you cannot comment on it.", html);
        Assert.Contains("You can&#x27;t silence me.", html);
        Assert.Equal(0, await CommentCountAsync(workId));
    }

    [Fact]
    public async Task A_guests_held_comment_is_acknowledged_since_they_cannot_see_it_yet()
    {
        using var author = await EstablishedAsync("cp_author13");
        var form = (await author.PageAsync("/works/new")).Form("Post")
            .Set("Work.Title", "Guarded Gate").Set("Work.RatingId", "2").Check("Work.WarningIds", "14").Set("Work.Fandoms", "Original Work")
            .Set("Chapter.Body", "A gate with a keeper.").Check("Work.WhoMayComment", "Everyone").Check("Work.ModeratesComments");
        using var posted = await form.SubmitAsync();
        var workPath = posted.Headers.Location!.OriginalString;

        using var guest = archive.Guest();
        using var sent = await (await guest.PageAsync(workPath)).Form("Post comment").Set("Comment.GuestName", "Quiet Fox")
            .Set("Comment.GuestEmail", "fox@example.org").Set("Comment.Body", "May I pass?").SubmitAsync();
        Assert.Equal(HttpStatusCode.OK, sent.StatusCode);
        Assert.Contains("will appear once the work's creators approve it", System.Net.WebUtility.HtmlDecode(await sent.Content.ReadAsStringAsync()));
        Assert.DoesNotContain("May I pass?", (await guest.PageAsync(workPath)).Html);
        Assert.Contains("Quiet Fox (guest)", CommentItem(await author.PageAsync(workPath), "May I pass?").TextContent);
    }

    private async Task<WebClient> EstablishedAsync(string name)
    {
        var user = await archive.CreateUserAsync(name);
        var longAgo = DateTime.UtcNow - CommentRules.NewAccountAge - TimeSpan.FromDays(1);
        await archive.WithDbAsync(db => db.Users.Where(u => u.Id == user.Id).ExecuteUpdateAsync(s => s.SetProperty(u => u.CreatedAt, longAgo)));
        return await archive.LoggedInAsync(name);
    }

    private static async Task<int> PostWithSettingAsync(WebClient author, string title, string whoMayComment)
    {
        var form = (await author.PageAsync("/works/new")).Form("Post")
            .Set("Work.Title", title).Set("Work.RatingId", "2").Check("Work.WarningIds", "14").Set("Work.Fandoms", "Original Work")
            .Set("Chapter.Body", "A short story about doors.").Check("Work.WhoMayComment", whoMayComment);
        using var response = await form.SubmitAsync();
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return int.Parse(response.Headers.Location!.OriginalString.Split('/').Last(), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Posts through the comment form of the page at <paramref name="path"/>; returns the new comment's id.</summary>
    private static async Task<int> CommentAsync(WebClient client, string path, string body)
    {
        using var response = await (await client.PageAsync(path)).Form("Post comment").Set("Comment.Body", body).SubmitAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"commenting failed: {await response.Content.ReadAsStringAsync()}");
        var fragment = response.Headers.Location!.OriginalString.Split('#')[1];
        return int.Parse(fragment["comment-".Length..], System.Globalization.CultureInfo.InvariantCulture);
    }

    private Task<int> CommentCountAsync(int workId) =>
        archive.WithDbAsync(db => db.Works.Where(w => w.Id == workId).Select(w => w.CommentCount).SingleAsync());

    /// <summary>The list item of the comment whose own text (not its replies') contains <paramref name="text"/>.</summary>
    private static IElement CommentItem(HtmlPage page, string text)
    {
        var items = page.Document.QuerySelectorAll("li.comment")
            .Where(li => li.QuerySelector(":scope > .comment-body")?.TextContent.Contains(text, StringComparison.Ordinal) == true).ToList();
        Assert.True(items.Count == 1, $"{page.Address} shows {items.Count} comments saying \"{text}\"");
        return items[0];
    }

    private static IElement? ParentComment(IElement item) => Ancestors(item).FirstOrDefault(e => e.ClassList.Contains("comment"));

    private static IEnumerable<IElement> Ancestors(IElement element)
    {
        for (var e = element.ParentElement; e is not null; e = e.ParentElement)
        {
            yield return e;
        }
    }

    /// <summary>Follows the link whose text is <paramref name="text"/> (in the comment saying <paramref name="near"/>), or <paramref name="link"/>.</summary>
    private static Task<HtmlPage> FollowLinkAsync(WebClient client, HtmlPage page, string? text, IElement? link = null, string? near = null)
    {
        if (link is null)
        {
            var scope = near is null ? page.Document.DocumentElement : CommentItem(page, near);
            var links = scope.QuerySelectorAll("a[href]")
                .Where(a => string.Join(' ', a.TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)) == text)
                .Where(a => near is null || a.Closest("li.comment") == scope)
                .DistinctBy(a => a.GetAttribute("href")).ToList();
            Assert.True(links.Count == 1, $"{page.Address} has {links.Count} links \"{text}\"{(near is null ? "" : $" on the comment \"{near}\"")}");
            link = links[0];
        }
        return client.PageAsync(new Uri(page.Address, link.GetAttribute("href")!).PathAndQuery);
    }
}
