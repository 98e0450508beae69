using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Makimono.BrowserTests;

/// <summary>A guest comments on a work open to guests, its author replies, and the guest sees the thread, in Chromium.</summary>
[Collection(ArchiveCollection.Name)]
public sealed class CommentJourneyTests(ArchiveFixture archive)
{
    private const string GuestName = "Wandering Heron";
    private const string GuestComment = "The bus ticket reply made me laugh out loud.";
    private const string AuthorReply = "Isamu would be pleased to hear it.";

    [Fact]
    public async Task A_guest_comments_the_author_replies_and_the_guests_name_shows_on_the_thread()
    {
        var author = await archive.NewPageAsync(asAuthor: true);
        var guest = await archive.NewPageAsync();
        try
        {
            var workPath = await WorkForms.PostWorkAsync(author, new NewWork(
                "Cranes for Strangers", "Open Window", "Haruka left the window open, and a crane flew in with a question.",
                ArchiveFixture.SeedFandom));
            await author.GetByRole(AriaRole.Link, new() { Name = "Edit work", Exact = true }).ClickAsync();
            await author.GetByLabel("Everyone, guests included (with a name and an e-mail address)").CheckAsync();
            await author.GetByRole(AriaRole.Button, new() { Name = "Save changes", Exact = true }).ClickAsync();
            await Expect(author).ToHaveURLAsync(WorkForms.WorkPath());

            await guest.GotoAsync(workPath);
            await WorkForms.Field(guest, "Name").FillAsync(GuestName);
            await WorkForms.Field(guest, "E-mail address").FillAsync("heron@example.test");
            await WorkForms.Field(guest, "Comment").FillAsync(GuestComment);
            await guest.GetByRole(AriaRole.Button, new() { Name = "Post comment", Exact = true }).ClickAsync();
            var guestsComment = guest.Locator("li.comment", new() { HasText = GuestComment });
            await Expect(guestsComment.Locator(".comment-byline").First).ToContainTextAsync($"{GuestName} (guest)");

            await author.GotoAsync(workPath);
            await author.GetByRole(AriaRole.Link, new() { Name = $"Reply to {GuestName} (guest)", Exact = true }).ClickAsync();
            await Expect(author.Locator("blockquote.answered")).ToContainTextAsync(GuestComment);
            await WorkForms.Field(author, "Reply").FillAsync(AuthorReply);
            await author.GetByRole(AriaRole.Button, new() { Name = "Post reply", Exact = true }).ClickAsync();
            await Expect(author.Locator("li.comment li.comment", new() { HasText = AuthorReply })).ToBeVisibleAsync();

            await guest.ReloadAsync();
            var reply = guest.Locator("li.comment", new() { HasText = GuestComment }).Locator("ol.replies > li.comment");
            await Expect(reply).ToContainTextAsync(AuthorReply);
            await Expect(reply.Locator(".comment-byline")).ToContainTextAsync(ArchiveFixture.AuthorName);
            await Expect(guest.Locator("section.comments")).Not.ToContainTextAsync("heron@example.test");

            var violations = await Axe.SeriousViolationsAsync(guest);
            Assert.True(violations.Count == 0, Axe.Describe($"the guest's view of {workPath} with comments", violations));
            await guest.ScreenshotAsync(new() { Path = Path.Combine(ArchiveFixture.ResultsDirectory, "comments-thread.png"), FullPage = true });
        }
        catch
        {
            await guest.ScreenshotAsync(new() { Path = Path.Combine(ArchiveFixture.ResultsDirectory, "comments-failure.png"), FullPage = true });
            throw;
        }
        finally
        {
            await author.Context.CloseAsync();
            await guest.Context.CloseAsync();
        }
    }
}
