using System.Net;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace Makimono.Tests.Web;

/// <summary>
/// A form typed into for a long time and sent after the login changed under it: the session ended elsewhere ("Log out
/// everywhere", a password change), or the person logged out in another tab. Nothing is saved, and the answer shows
/// back what was typed, so it can be copied instead of lost.
/// </summary>
public sealed class StaleFormTests(ArchiveFactory archive) : IClassFixture<ArchiveFactory>
{
    [Fact]
    public async Task A_work_posted_after_the_session_ended_elsewhere_comes_back_with_its_text_and_a_way_to_log_in()
    {
        await archive.CreateUserAsync("stalewriter");
        using var laptop = await archive.LoggedInAsync("stalewriter");
        using var phone = await archive.LoggedInAsync("stalewriter");
        var form = (await laptop.PageAsync("/works/new")).Form("Post")
            .Set("Work.Title", "An Hour of Typing").Set("Work.RatingId", "2").Check("Work.WarningIds", "14")
            .Set("Work.Fandoms", "Original Work").Set("Chapter.Body", "Every word of the chapter typed on the laptop.");

        using (var everywhere = await phone.SubmitFormAsync("/account", "Log out everywhere"))
        {
            Assert.Equal(HttpStatusCode.Redirect, everywhere.StatusCode);
        }
        using var response = await form.SubmitAsync();

        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var page = new HtmlPage(laptop, form.Action, html);
        var shown = page.Document.QuerySelectorAll("textarea").Select(t => t.TextContent).ToList();
        Assert.Contains("An Hour of Typing", shown);
        Assert.Contains("Every word of the chapter typed on the laptop.", shown);
        // The choices (rating id, boxes) are not shown as text to copy.
        Assert.DoesNotContain("false", shown);
        Assert.DoesNotContain("2", shown);
        Assert.Contains("You are no longer logged in", page.Document.Body!.TextContent, StringComparison.Ordinal);
        Assert.Contains(page.Links, l => l.AbsolutePath == "/login" && l.Query.Contains("ReturnUrl=%2Fworks%2Fnew", StringComparison.Ordinal));
        Assert.False(await archive.WithDbAsync(db => db.Works.AnyAsync(w => w.Title == "An Hour of Typing")));
    }

    [Fact]
    public async Task A_comment_sent_after_logging_out_in_another_tab_comes_back_with_its_text()
    {
        await archive.CreateUserAsync("staleauthor");
        await archive.CreateUserAsync("stalereader");
        using var author = await archive.LoggedInAsync("staleauthor");
        var id = await author.PostWorkAsync("Commented Upon");
        using var reader = await archive.LoggedInAsync("stalereader");
        var form = (await reader.PageAsync($"/works/{id}")).Form("Post comment")
            .Set("Comment.Body", "A long and careful comment, typed before logging out.");

        using (var logout = await reader.SubmitFormAsync("/", "Log out"))
        {
            Assert.Equal(HttpStatusCode.Redirect, logout.StatusCode);
        }
        using var response = await form.SubmitAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = new HtmlPage(reader, form.Action, await response.Content.ReadAsStringAsync());
        Assert.Contains("A long and careful comment, typed before logging out.", page.Document.QuerySelectorAll("textarea").Select(t => t.TextContent));
        Assert.Contains("loaded before you logged in or out", page.Document.Body!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(page.Document.QuerySelectorAll("textarea"), t => t.TextContent.StartsWith("CfDJ", StringComparison.Ordinal));
        Assert.False(await archive.WithDbAsync(db => db.Comments.AnyAsync(c => c.Body.Contains("typed before logging out"))));
    }

    [Fact]
    public async Task A_post_from_another_site_is_refused_without_showing_its_text()
    {
        await archive.CreateUserAsync("forgedauthor");
        using var author = await archive.LoggedInAsync("forgedauthor");
        var id = await author.PostWorkAsync("Forged Upon");
        var form = (await author.PageAsync($"/works/{id}")).Form("Post comment").Set("Comment.Body", "Text another site chose.");

        using var request = new HttpRequestMessage(HttpMethod.Post, form.Action)
        {
            Content = new FormUrlEncodedContent(form.Fields.Where(f => f.Key != "__RequestVerificationToken")),
        };
        request.Headers.Add("Origin", "https://elsewhere.example");
        using var response = await author.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.DoesNotContain("Text another site chose.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
