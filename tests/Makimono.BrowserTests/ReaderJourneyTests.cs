using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Makimono.BrowserTests;

/// <summary>One person's first day on the archive, start to finish, through the real pages in Chromium.</summary>
[Collection(ArchiveCollection.Name)]
public sealed partial class ReaderJourneyTests(ArchiveFixture archive)
{
    private const string Fandom = "Lantern Harbor Mysteries";
    private const string Title = "The Lighthouse Keeper's Ledger";
    private const string RestrictedTitle = "Harbor Lights After Dark";
    private const string Chapter1Text = "Mina found the ledger wedged behind the lamp oil, its pages swollen with salt.";
    private const string Chapter2Text = "Teodor read the tide table aloud while the storm rattled the shutters.";
    private const string Chapter2Edited = "Teodor read the tide table twice, because the numbers did not add up.";

    [Fact]
    public async Task Sign_up_post_read_edit_and_browse_as_a_guest()
    {
        var page = await archive.NewPageAsync();
        try
        {
            await WalkThroughAsync(page);
        }
        catch
        {
            // What the person would have seen at the failing step.
            await page.ScreenshotAsync(new() { Path = Path.Combine(ArchiveFixture.ResultsDirectory, "journey-failure.png"), FullPage = true });
            throw;
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }

    private async Task WalkThroughAsync(IPage page)
    {
        var nav = page.GetByRole(AriaRole.Navigation, new() { Name = "Site" });

        // 1. Sign up, which also logs in.
        await page.GotoAsync("/signup");
        await WorkForms.Field(page, "User name").FillAsync("mina_reads");
        // Without SMTP configured the address is optional, and the label says so.
        await WorkForms.Field(page, "Email (optional)").FillAsync("mina@example.test");
        await WorkForms.Field(page, "Password").FillAsync("salt-and-lamp-oil-42");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create account" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Uri(archive.Server.BaseUrl, "/").AbsoluteUri);
        await Expect(nav.GetByRole(AriaRole.Button, new() { Name = "Log out" })).ToBeVisibleAsync();
        await Expect(nav.GetByRole(AriaRole.Link, new() { Name = "My works" })).ToBeVisibleAsync();

        // 2. A restricted work first (for step 6), then the two-chapter work with tags.
        var restrictedPath = await WorkForms.PostWorkAsync(page, new NewWork(
            RestrictedTitle, "Night Watch", "Only members should read about the night watch.", Fandom,
            Rating: "Teen And Up Audiences", Warning: "Creator Chose Not To Use Archive Warnings", Restricted: true));
        var workPath = await WorkForms.PostWorkAsync(page, new NewWork(
            Title, "The Ledger", Chapter1Text, Fandom,
            Relationships: "Mina Okada/Teodor Lind",
            Characters: "Mina Okada, Teodor Lind",
            AdditionalTags: "Slow Burn, Found Family",
            Summary: "A lighthouse, a ledger, and a debt nobody remembers taking on.",
            ExpectedChapters: "2"));
        await Expect(page.Locator("dl.work-meta")).ToContainTextAsync("1/2");
        await Expect(page.Locator("dl.work-meta").GetByRole(AriaRole.Link, new() { Name = "Mina Okada/Teodor Lind" })).ToBeVisibleAsync();
        await WorkForms.AddChapterAsync(page, "The Tide Table", Chapter2Text);
        await Expect(page.Locator("main")).ToContainTextAsync(Chapter2Text);
        await Expect(page.Locator("dl.work-meta")).ToContainTextAsync("2/2");

        // 3. Read chapter by chapter, then whole.
        await page.GotoAsync(workPath);
        await ExpectShowsOnly(page, Chapter1Text, Chapter2Text);
        await page.GetByRole(AriaRole.Link, new() { Name = "Next chapter →" }).First.ClickAsync();
        await Expect(page).ToHaveURLAsync(WorkForms.ChapterPath());
        await ExpectShowsOnly(page, Chapter2Text, Chapter1Text);
        var chapter2Url = page.Url;
        await page.GetByRole(AriaRole.Link, new() { Name = "← Previous chapter" }).First.ClickAsync();
        await ExpectShowsOnly(page, Chapter1Text, Chapter2Text);
        await page.GetByRole(AriaRole.Link, new() { Name = "Entire work" }).First.ClickAsync();
        await Expect(page).ToHaveURLAsync(FullWorkUrl());
        var chapters = page.Locator("article.chapter");
        await Expect(chapters).ToHaveCountAsync(2);
        await Expect(chapters.Nth(0)).ToContainTextAsync(Chapter1Text);
        await Expect(chapters.Nth(1)).ToContainTextAsync(Chapter2Text);

        // 4. Edit chapter 2 and see the new text in place of the old.
        await page.GotoAsync(chapter2Url);
        await page.GetByRole(AriaRole.Link, new() { Name = "Edit chapter" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Edit chapter 2");
        await Expect(WorkForms.Field(page, "Chapter text")).ToContainTextAsync(Chapter2Text);
        await WorkForms.Field(page, "Chapter text").FillAsync(Chapter2Edited);
        await page.GetByRole(AriaRole.Button, new() { Name = "Save chapter" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(chapter2Url);
        await ExpectShowsOnly(page, Chapter2Edited, Chapter2Text);

        // While logged in, the tag lists both works, the restricted one marked so.
        await page.GotoAsync($"/tags/{Uri.EscapeDataString(Fandom)}/works");
        await Expect(page.Locator("ol.works > li")).ToHaveCountAsync(2);
        await Expect(page.Locator("ol.works")).ToContainTextAsync("(restricted)");

        // 5. Log out from the header.
        await nav.GetByRole(AriaRole.Button, new() { Name = "Log out" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Uri(archive.Server.BaseUrl, "/").AbsoluteUri);
        await Expect(nav.GetByRole(AriaRole.Link, new() { Name = "Log in" })).ToBeVisibleAsync();
        await Expect(page.Locator("main")).Not.ToContainTextAsync(RestrictedTitle);

        // 6. As a guest: reach the fandom's tag page from the work, find the work, not the restricted one.
        await page.GotoAsync(workPath);
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Edit chapter" })).ToHaveCountAsync(0);
        await page.Locator("dl.work-meta").GetByRole(AriaRole.Link, new() { Name = Fandom, Exact = true }).ClickAsync();
        // A regex, because Playwright .NET unescapes a string URL ("%20" to " ") before comparing.
        await Expect(page).ToHaveURLAsync(FandomTagUrl());
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync($"Works in {Fandom}");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = Title, Exact = true })).ToBeVisibleAsync();
        await Expect(page.Locator("main")).Not.ToContainTextAsync(RestrictedTitle);
        await Expect(page.Locator("main")).ToContainTextAsync("1 – 1 of 1 works");

        // 7. The restricted work asks the guest to log in, as on AO3, and logging in leads back to it.
        await page.GotoAsync(restrictedPath);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Log in");
        await Expect(page.Locator("body")).Not.ToContainTextAsync("night watch");
        await WorkForms.Field(page, "User name").FillAsync("mina_reads");
        await WorkForms.Field(page, "Password").FillAsync("salt-and-lamp-oil-42");
        await page.GetByRole(AriaRole.Button, new() { Name = "Log in", Exact = true }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Uri(archive.Server.BaseUrl, restrictedPath).AbsoluteUri);
        await Expect(page.Locator("main")).ToContainTextAsync("night watch");
    }

    /// <summary>The page shows one chapter's text and not the other's.</summary>
    private static async Task ExpectShowsOnly(IPage page, string shown, string notShown)
    {
        await Expect(page.Locator("article.chapter")).ToHaveCountAsync(1);
        await Expect(page.Locator("article.chapter")).ToContainTextAsync(shown);
        await Expect(page.Locator("main")).Not.ToContainTextAsync(notShown);
    }

    [GeneratedRegex("/tags/Lantern%20Harbor%20Mysteries/works$")]
    private static partial Regex FandomTagUrl();

    [GeneratedRegex(@"/works/\d+\?view_full_work=true$")]
    private static partial Regex FullWorkUrl();
}
