using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Makimono.BrowserTests;

/// <summary>With JavaScript on, the Kudos button posts with fetch and the count and list change in place.</summary>
[Collection(ArchiveCollection.Name)]
public sealed class KudosTests(ArchiveFixture archive)
{
    [Fact]
    public async Task A_guests_kudos_update_the_count_and_the_list_without_a_reload_under_the_archives_CSP()
    {
        var author = await archive.NewPageAsync(asAuthor: true);
        var workPath = await WorkForms.PostWorkAsync(author, new NewWork(
            "Paper Boats on the Canal", "Launch", "Every boat carried one word; the canal carried them all to the sea.", ArchiveFixture.SeedFandom));
        await author.Context.CloseAsync();

        // A context of its own that keeps the archive's Content-Security-Policy, so the script must work under it.
        var context = await archive.Browser.NewContextAsync(new() { BaseURL = archive.Server.BaseUrl.ToString() });
        context.SetDefaultTimeout(30_000);
        var page = await context.NewPageAsync();
        var errors = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                errors.Add(message.Text);
            }
        };
        try
        {
            await page.GotoAsync(workPath);
            var kudos = page.Locator("#kudos");
            await Expect(kudos.Locator("[data-kudos-count]")).ToHaveTextAsync("(0)");
            await Expect(kudos.Locator("[data-kudos-list]")).ToContainTextAsync("No kudos yet.");
            // Survives only if the page is not loaded again.
            await page.EvaluateAsync("() => { window.kudosMarker = 'same page'; }");
            var navigations = 0;
            page.FrameNavigated += (_, frame) => navigations += frame == page.MainFrame ? 1 : 0;

            await kudos.GetByRole(AriaRole.Button, new() { Name = "Kudos ♥" }).ClickAsync();

            await Expect(kudos.Locator("[data-kudos-count]")).ToHaveTextAsync("(1)");
            await Expect(kudos.Locator("[data-kudos-list]")).ToContainTextAsync("1 guest left kudos on this work!");
            await Expect(kudos.GetByRole(AriaRole.Status)).ToContainTextAsync("Thank you for leaving kudos!");
            Assert.Equal("same page", await page.EvaluateAsync<string>("() => window.kudosMarker"));
            Assert.Equal(0, navigations);

            await kudos.GetByRole(AriaRole.Button, new() { Name = "Kudos ♥" }).ClickAsync();
            await Expect(kudos.GetByRole(AriaRole.Status)).ToContainTextAsync("You have already left kudos here.");
            await Expect(kudos.Locator("[data-kudos-count]")).ToHaveTextAsync("(1)");
            Assert.Equal("same page", await page.EvaluateAsync<string>("() => window.kudosMarker"));
            Assert.Empty(errors);
        }
        catch
        {
            await page.ScreenshotAsync(new() { Path = Path.Combine(ArchiveFixture.ResultsDirectory, "kudos-failure.png"), FullPage = true });
            throw;
        }
        finally
        {
            await context.CloseAsync();
        }
    }
}
