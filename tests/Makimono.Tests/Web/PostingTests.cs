using System.Net;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace Makimono.Tests.Web;

public sealed class PostingTests(ArchiveFactory archive) : IClassFixture<ArchiveFactory>
{
    [Fact]
    public async Task A_validation_error_shows_the_form_again_with_everything_typed()
    {
        await archive.CreateUserAsync("typist");
        using var client = await archive.LoggedInAsync("typist");
        var before = await archive.WithDbAsync(db => db.Works.CountAsync());

        using var response = await client.SubmitFormAsync("/works/new", "Post",
        [
            new("Work.Title", ""), new("Work.Summary", "A summary I spent an hour on"), new("Work.Fandoms", "Typing Fandom"),
            new("Work.Characters", "Ink, Quill"), new("Work.WarningIds", "14"), new("Work.RatingId", "3"),
            new("Chapter.Title", "The Long Chapter"), new("Chapter.Body", "Every word of this chapter matters to me."),
        ]);
        var page = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Give the work a title.", page);
        Assert.Contains("A summary I spent an hour on", page);
        Assert.Contains("value=\"Typing Fandom\"", page);
        Assert.Contains("value=\"Ink, Quill\"", page);
        Assert.Contains("value=\"The Long Chapter\"", page);
        Assert.Contains("Every word of this chapter matters to me.", page);
        Assert.Matches("<option value=\"3\" selected=\"selected\">", page);
        Assert.Equal(before, await archive.WithDbAsync(db => db.Works.CountAsync()));
    }

    [Fact]
    public async Task Disallowed_html_is_listed_before_posting_and_removed_only_when_accepted()
    {
        await archive.CreateUserAsync("scripter");
        using var client = await archive.LoggedInAsync("scripter");
        KeyValuePair<string, string>[] fields =
        [
            new("Work.Title", "Sneaky"), new("Work.Fandoms", "Web"), new("Work.WarningIds", "14"),
            new("Chapter.Body", "<p onclick=\"steal()\">Hello there, reader.</p><script>steal()</script>"),
        ];

        using var first = await client.SubmitFormAsync("/works/new", "Post", fields);
        var page = WebUtility.HtmlDecode(await first.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Contains("the <script> element and its contents", page);
        Assert.Contains("the onclick attribute of <p>", page);
        Assert.False(await archive.WithDbAsync(db => db.Works.AnyAsync(w => w.Title == "Sneaky")));

        // The form comes back with everything typed and a box to accept the removals.
        using var second = await (await client.PageOfAsync(first)).Form("Post").Check("AcceptRemovals").SubmitAsync();
        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        var (_, work) = await client.GetAsync(second.Headers.Location!.OriginalString);
        Assert.Contains("<p>Hello there, reader.</p>", work);
        Assert.DoesNotContain("steal()", work);
    }

    [Fact]
    public async Task A_two_chapter_work_reads_chapter_by_chapter_and_whole()
    {
        await archive.CreateUserAsync("serialist");
        using var client = await archive.LoggedInAsync("serialist");
        var id = await client.PostWorkAsync("Two Parts", body: "The first chapter begins here.");
        using (var added = await client.SubmitFormAsync($"/works/{id}/chapters/new", "Post chapter",
            [new("Chapter.Title", "The Second"), new("Chapter.Body", "The second chapter follows.")]))
        {
            Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        }

        using var guest = archive.Guest();
        var (_, first) = await guest.GetAsync($"/works/{id}");
        Assert.Contains("The first chapter begins here.", first);
        Assert.DoesNotContain("The second chapter follows.", first);
        Assert.Contains("Next chapter", first);
        Assert.Contains("2/?", first);

        var (_, whole) = await guest.GetAsync($"/works/{id}?view_full_work=true");
        Assert.Contains("The first chapter begins here.", whole);
        Assert.Contains("The second chapter follows.", whole);
        Assert.True(whole.IndexOf("The first chapter", StringComparison.Ordinal) < whole.IndexOf("The second chapter follows", StringComparison.Ordinal));

        var (_, index) = await guest.GetAsync($"/works/{id}/navigate");
        Assert.Contains("The Second", index);
    }

    [Fact]
    public async Task Plain_text_gets_paragraphs_and_line_breaks()
    {
        await archive.CreateUserAsync("plainwriter");
        using var client = await archive.LoggedInAsync("plainwriter");
        var id = await client.PostWorkAsync("Plain", body: "One line\nnext line\n\nNew paragraph <3");
        var (_, page) = await client.GetAsync($"/works/{id}");
        Assert.Contains("<p>One line<br>next line</p>", page);
        Assert.Contains("<p>New paragraph &lt;3</p>", page);
    }
}
