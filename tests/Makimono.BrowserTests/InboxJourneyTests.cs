using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Makimono.BrowserTests;

/// <summary>
/// Issue 11's journey in Chromium: a guest leaves kudos and a comment, the author finds both in the inbox (written by
/// the server's own background worker), replies from there, and the guest's name shows on the thread.
/// </summary>
[Collection(ArchiveCollection.Name)]
public sealed partial class InboxJourneyTests(ArchiveFixture archive)
{
    private const string Title = "Herons on the Weir";
    private const string GuestName = "Wandering Heron";
    private const string GuestComment = "The last paragraph about the weir made me cry on the bus.";
    private const string Reply = "Thank you, heron. The weir is real; I walk past it every morning.";

    [Fact]
    public async Task A_guests_kudos_and_comment_reach_the_authors_inbox_and_the_author_replies_on_the_thread()
    {
        var author = await archive.NewPageAsync(asAuthor: true);
        var guest = await archive.NewPageAsync();
        try
        {
            var workPath = await PostOpenToGuestsAsync(author);

            // The guest: kudos, then a comment with a name and an e-mail address.
            await guest.GotoAsync(workPath);
            await guest.GetByRole(AriaRole.Button, new() { Name = "Kudos ♥" }).ClickAsync();
            await Expect(guest.Locator("[data-kudos-list]")).ToContainTextAsync("1 guest");
            var form = guest.Locator("form.comment-form");
            await form.GetByLabel("Name", new() { Exact = true }).FillAsync(GuestName);
            await form.GetByLabel("E-mail address", new() { Exact = true }).FillAsync("heron@example.test");
            await form.GetByLabel("Comment", new() { Exact = true }).FillAsync(GuestComment);
            await form.GetByRole(AriaRole.Button, new() { Name = "Post comment" }).ClickAsync();
            await Expect(guest.Locator("li.comment").Filter(new() { HasText = GuestComment })).ToContainTextAsync(GuestName);

            // The author: the header counts both, and the inbox groups them under the work.
            var nav = author.GetByRole(AriaRole.Navigation, new() { Name = "Site" });
            await author.GotoAsync("/");
            // The count's " unread" is for screen readers; the name a person reads starts "Inbox (2".
            // Other tests' comments share this author's inbox, so the count is at least our two, not exactly two.
            var counted = nav.GetByRole(AriaRole.Link, new() { NameRegex = Unread() });
            await ReloadUntilAsync(author, counted);
            await counted.ClickAsync();
            var group = author.Locator("li.inbox-group").Filter(new() { Has = author.GetByRole(AriaRole.Heading, new() { Name = Title }) });
            await ReloadUntilAsync(author, group.Filter(new() { HasText = $"1 new comment on {Title}" }));
            var unread = int.Parse(Digits().Match(await nav.GetByRole(AriaRole.Link, new() { NameRegex = Unread() }).TextContentAsync() ?? "").Value, System.Globalization.CultureInfo.InvariantCulture);
            Assert.True(unread >= 2, $"the header counts {unread} unread, not the kudos and the comment");
            await Expect(group).ToContainTextAsync($"1 person left kudos on {Title}");
            await Expect(group).ToContainTextAsync($"1 new comment on {Title}");
            await Expect(group).ToContainTextAsync(GuestComment);
            var violations = await Axe.SeriousViolationsAsync(author);
            Assert.True(violations.Count == 0, Axe.Describe("inbox", violations));
            await author.ScreenshotAsync(new() { Path = Path.Combine(ArchiveFixture.ResultsDirectory, "inbox.png"), FullPage = true });

            // From the inbox to the comment, and a reply to it.
            await group.GetByRole(AriaRole.Link, new() { Name = GuestName }).ClickAsync();
            await Expect(author).ToHaveURLAsync(CommentAnchor());
            var thread = author.Locator("li.comment").Filter(new() { HasText = GuestComment }).First;
            await thread.GetByRole(AriaRole.Link, new() { Name = $"Reply to {GuestName}" }).ClickAsync();
            await author.GetByLabel("Reply", new() { Exact = true }).FillAsync(Reply);
            await author.GetByRole(AriaRole.Button, new() { Name = "Post reply" }).ClickAsync();

            // The thread, as the guest sees it: the guest's name on their comment, the author's reply under it.
            await guest.GotoAsync(workPath);
            var shown = guest.Locator("li.comment").Filter(new() { HasText = GuestComment }).First;
            await Expect(shown.Locator(".comment-byline").First).ToContainTextAsync(GuestName);
            await Expect(shown.Locator("li.comment").Filter(new() { HasText = Reply })).ToContainTextAsync(ArchiveFixture.AuthorName);

            // Marking the work read leaves its group read and lowers the count (other tests' items in this author's
            // inbox may remain or still arrive, so the count need neither reach zero nor fall by exactly two).
            await author.GotoAsync("/inbox");
            await author.GetByRole(AriaRole.Button, new() { Name = $"Mark read: {Title}" }).ClickAsync();
            await Expect(group).Not.ToHaveClassAsync(UnreadGroup());
            var left = await nav.GetByRole(AriaRole.Link, new() { NameRegex = Unread() }).CountAsync() == 0 ? 0
                : int.Parse(Digits().Match(await nav.GetByRole(AriaRole.Link, new() { NameRegex = Unread() }).TextContentAsync() ?? "").Value, System.Globalization.CultureInfo.InvariantCulture);
            Assert.True(left < unread, $"the count went from {unread} to {left} when two items were marked read");
        }
        catch
        {
            await author.ScreenshotAsync(new() { Path = Path.Combine(ArchiveFixture.ResultsDirectory, "inbox-journey-author-failure.png"), FullPage = true });
            await guest.ScreenshotAsync(new() { Path = Path.Combine(ArchiveFixture.ResultsDirectory, "inbox-journey-guest-failure.png"), FullPage = true });
            throw;
        }
        finally
        {
            await author.Context.CloseAsync();
            await guest.Context.CloseAsync();
        }
    }

    /// <summary>Posts a work open to guests' comments (the default is logged-in users only) and returns its path.</summary>
    private static async Task<string> PostOpenToGuestsAsync(IPage page)
    {
        await page.GotoAsync("/works/new");
        await page.GetByLabel("Rating", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "General Audiences" });
        await page.GetByLabel("No Archive Warnings Apply", new() { Exact = true }).CheckAsync();
        await WorkForms.Field(page, "Fandoms").FillAsync("River Stories");
        await WorkForms.Field(page, "Work title").FillAsync(Title);
        await WorkForms.Field(page, "Chapter text").FillAsync("Every morning the herons stood on the weir as if they had paid for the view.");
        await page.GetByLabel("Everyone, guests included (with a name and an e-mail address)", new() { Exact = true }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Post", Exact = true }).ClickAsync();
        await Expect(page).ToHaveURLAsync(WorkForms.WorkPath());
        return new Uri(page.Url).AbsolutePath;
    }

    /// <summary>The worker runs every second in the background: reload until what it writes shows.</summary>
    private static async Task ReloadUntilAsync(IPage page, ILocator shown)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!await shown.IsVisibleAsync())
        {
            Assert.True(DateTime.UtcNow < deadline, "the inbox worker did not deliver within a minute");
            await Task.Delay(500);
            await page.ReloadAsync();
        }
    }

    [GeneratedRegex(@"^Inbox \(\d+\s*unread\s*\)$")]
    private static partial Regex Unread();

    [GeneratedRegex(@"\d+")]
    private static partial Regex Digits();

    [GeneratedRegex(@"\bunread\b")]
    private static partial Regex UnreadGroup();

    [GeneratedRegex(@"/works/\d+/chapters/\d+#comment-\d+$")]
    private static partial Regex CommentAnchor();
}
