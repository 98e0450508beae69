using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Makimono.Tests.Web;

/// <summary>The work page's Kudos button without JavaScript (a plain form POST) and the list of who left kudos.</summary>
public sealed class KudosPageTests(KudosPageTests.WithGuestAddresses archive) : IClassFixture<KudosPageTests.WithGuestAddresses>
{
    private const string Button = "Kudos ♥";

    /// <summary>The test server has no network connection; a header stands for the address a guest comes from.</summary>
    public sealed class WithGuestAddresses : ArchiveFactory
    {
        protected override void ConfigureArchive(IWebHostBuilder builder) =>
            builder.ConfigureServices(services => services.AddSingleton<IStartupFilter, ConnectionFromHeader>());

        public WebClient GuestFrom(string address) => ConnectionFromHeader.From(Guest(), address);
    }

    private static async Task<HtmlPage> PressKudosAsync(WebClient client, HtmlPage page)
    {
        using var response = await page.Form(Button).SubmitAsync();
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return await client.FollowAsync(response);
    }

    private static string KudosText(HtmlPage page) =>
        string.Join(' ', page.Document.QuerySelector("#kudos")!.TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    [Fact]
    public async Task A_reader_leaves_kudos_on_a_chapter_is_brought_back_to_it_and_a_second_press_is_a_friendly_message()
    {
        await archive.CreateUserAsync("kudoswriter");
        await archive.CreateUserAsync("kudosreader");
        using var writer = await archive.LoggedInAsync("kudoswriter");
        var id = await writer.PostWorkAsync("Two Chapters of Kudos");
        using (var added = await writer.SubmitFormAsync($"/works/{id}/chapters/new", "Post chapter",
            [new("Chapter.Body", "The second chapter, for the kudos to come back to.")]))
        {
            Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        }
        // The writer's own page offers no button: nobody leaves kudos on their own work.
        Assert.False((await writer.PageAsync($"/works/{id}")).HasButton(Button));

        using var reader = await archive.LoggedInAsync("kudosreader");
        var first = await reader.PageAsync($"/works/{id}");
        var chapterTwo = new Uri(first.Address, first.Document.QuerySelector("a[rel=next]")!.GetAttribute("href")!);
        var chapter = await reader.PageAsync(chapterTwo.PathAndQuery);
        Assert.Contains("No kudos yet.", KudosText(chapter), StringComparison.Ordinal);

        using (var response = await chapter.Form(Button).SubmitAsync())
        {
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Equal(chapterTwo.PathAndQuery + "#kudos", response.Headers.Location!.OriginalString);
        }
        var after = await reader.PageAsync(chapterTwo.PathAndQuery);
        Assert.Contains("Thank you for leaving kudos!", KudosText(after), StringComparison.Ordinal);
        Assert.Contains("Kudos (1)", KudosText(after), StringComparison.Ordinal);
        Assert.Contains("kudosreader left kudos on this work!", KudosText(after), StringComparison.Ordinal);
        Assert.Contains(after.Links, l => l.AbsolutePath == "/users/kudosreader");

        var again = await PressKudosAsync(reader, after);
        Assert.Contains("You have already left kudos here.", KudosText(again), StringComparison.Ordinal);
        Assert.Contains("Kudos (1)", KudosText(again), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync(chapterTwo.PathAndQuery)).Status);
    }

    [Fact]
    public async Task Guests_leave_one_kudos_per_address_and_are_counted_not_named()
    {
        await archive.CreateUserAsync("guestkudoswriter");
        using var writer = await archive.LoggedInAsync("guestkudoswriter");
        var id = await writer.PostWorkAsync("Kudos from Strangers");
        var restricted = await writer.PostWorkAsync("Kudos for Members", restricted: true);

        using var guest = archive.GuestFrom("198.51.100.20");
        var page = await PressKudosAsync(guest, await guest.PageAsync($"/works/{id}"));
        Assert.Contains("1 guest left kudos on this work!", KudosText(page), StringComparison.Ordinal);
        page = await PressKudosAsync(guest, page);
        Assert.Contains("You have already left kudos here.", KudosText(page), StringComparison.Ordinal);

        using var other = archive.GuestFrom("203.0.113.20");
        page = await PressKudosAsync(other, await other.PageAsync($"/works/{id}"));
        Assert.Contains("2 guests left kudos on this work!", KudosText(page), StringComparison.Ordinal);
        Assert.Equal(2, await archive.WithDbAsync(db => Task.FromResult(db.Works.Single(w => w.Id == id).KudosCount)));

        // A guest never sees a restricted work's button (the page asks them to log in), and a forged post is refused the same way.
        using var asked = await guest.Http.GetAsync(new Uri($"/works/{restricted}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, asked.StatusCode);
        using var forged = await page.Form(Button).Set("returnTo", $"/works/{restricted}").SubmitAsync();
        Assert.Equal(HttpStatusCode.Redirect, forged.StatusCode);
    }

    [Fact]
    public async Task Many_kudos_collapse_into_and_N_more_users_which_links_the_whole_list()
    {
        await archive.CreateUserAsync("manykudoswriter");
        using var writer = await archive.LoggedInAsync("manykudoswriter");
        var id = await writer.PostWorkAsync("A Popular Work");
        var fans = Enumerable.Range(0, Makimono.Responses.Kudos.KudosList.NamesShown + 2).Select(i => $"fan{i:D2}").ToList();
        // All but the last through the rules directly, a minute apart (pressing is the other tests' subject); the last presses.
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(DateTimeOffset.UtcNow.AddDays(-1));
        foreach (var fan in fans.SkipLast(1))
        {
            var user = await archive.CreateUserAsync(fan);
            clock.Advance(TimeSpan.FromMinutes(1));
            Assert.Equal(Makimono.Responses.Kudos.KudosResult.Left, await archive.WithDbAsync(db =>
                Makimono.Responses.Kudos.LeaveKudos.RunAsync(db, clock, id, new Makimono.Accounts.Viewer(user.Id, false), null)));
        }
        await archive.CreateUserAsync(fans[^1]);
        using (var last = await archive.LoggedInAsync(fans[^1]))
        {
            await PressKudosAsync(last, await last.PageAsync($"/works/{id}"));
        }

        var page = await writer.PageAsync($"/works/{id}");
        Assert.Contains($"and 2 more users left kudos on this work!", KudosText(page), StringComparison.Ordinal);
        Assert.StartsWith($"Kudos ({fans.Count})", KudosText(page).Trim(), StringComparison.Ordinal);
        var more = page.Links.Single(l => l.AbsolutePath == $"/works/{id}/kudos");
        var all = await writer.PageAsync(more.PathAndQuery);
        var names = all.Document.QuerySelectorAll(".kudos-names a").Select(a => a.TextContent).ToList();
        Assert.Equal(Enumerable.Reverse(fans), names);
    }
}
