using System.Net;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace Makimono.Tests.Web;

/// <summary>What a logged-out reader meets at a work they may not read: AO3 asks them to log in and brings them back.</summary>
public sealed class LoginToReadTests(ArchiveFactory archive) : IClassFixture<ArchiveFactory>
{
    [Fact]
    public async Task A_guest_at_a_restricted_work_is_asked_to_log_in_and_lands_on_the_work()
    {
        await archive.CreateUserAsync("gatewriter");
        await archive.CreateUserAsync("gatereader");
        using var writer = await archive.LoggedInAsync("gatewriter");
        var id = await writer.PostWorkAsync("Behind The Garden Gate", restricted: true);

        using var guest = archive.Guest();
        using var asked = await guest.Http.GetAsync(new Uri($"/works/{id}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, asked.StatusCode);
        var login = await guest.FollowAsync(asked);
        Assert.Equal("/login", login.Address.AbsolutePath);
        Assert.Equal($"/works/{id}", login.Form("Log in").Value("ReturnUrl"));

        using var loggedIn = await login.Form("Log in").Set("UserName", "gatereader").Set("Password", WebClient.Password).SubmitAsync();
        Assert.Equal(HttpStatusCode.Redirect, loggedIn.StatusCode);
        Assert.Equal($"/works/{id}", loggedIn.Headers.Location!.OriginalString);
        var work = await guest.FollowAsync(loggedIn);
        Assert.Contains("Behind The Garden Gate", work.Html);
    }

    [Fact]
    public async Task A_guest_at_a_restricted_works_chapter_index_is_asked_to_log_in_too()
    {
        await archive.CreateUserAsync("gatenavwriter");
        using var writer = await archive.LoggedInAsync("gatenavwriter");
        var id = await writer.PostWorkAsync("Gate Chapters", restricted: true);

        using var guest = archive.Guest();
        using var asked = await guest.Http.GetAsync(new Uri($"/works/{id}/navigate", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, asked.StatusCode);
        Assert.Equal($"/works/{id}/navigate", (await guest.FollowAsync(asked)).Form("Log in").Value("ReturnUrl"));
    }

    [Fact]
    public async Task Drafts_and_hidden_works_answer_a_guest_exactly_as_a_work_that_does_not_exist()
    {
        await archive.CreateUserAsync("gatedraftwriter");
        using var writer = await archive.LoggedInAsync("gatedraftwriter");
        var draft = await writer.PostWorkAsync("Gate Draft", draft: true);
        var hidden = await writer.PostWorkAsync("Gate Hidden", restricted: true);
        // Set directly: the "Hide work" button is another test's subject.
        await archive.WithDbAsync(db => db.Works.Where(w => w.Id == hidden).ExecuteUpdateAsync(w => w.SetProperty(x => x.IsHidden, true)));

        using var guest = archive.Guest();
        var missing = await guest.GetAsync("/works/987654");
        Assert.Equal(HttpStatusCode.NotFound, missing.Status);
        foreach (var id in new[] { draft, hidden })
        {
            var answer = await guest.GetAsync($"/works/{id}");
            Assert.Equal(HttpStatusCode.NotFound, answer.Status);
            Assert.Equal(missing.Body, answer.Body);
        }
        // A logged-in reader who may not see them gets the same 404, not a login page.
        await archive.CreateUserAsync("gatestranger");
        using var stranger = await archive.LoggedInAsync("gatestranger");
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/works/{draft}")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/works/{hidden}")).Status);
    }
}
