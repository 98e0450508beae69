using System.Text;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Makimono.BrowserTests;

/// <summary>
/// A new writer on a 360 px phone in dark mode: signs up, imports a three-chapter story through the page's own
/// form, reviews the suggestions, posts, reads the work chapter by chapter and downloads it. At every step the
/// page must not scroll sideways; a screenshot of each is kept in TestResults/browser for a person to look at.
/// </summary>
[Collection(ArchiveCollection.Name)]
public sealed class PhoneImportJourneyTests(ArchiveFixture archive)
{
    private const int PhoneWidth = 360;
    private const string Chapter1Text = "The ferry to Inishbeg ran twice a week, and Saoirse had missed both.";
    private const string Chapter3Text = "On the third day the fog lifted, and the whole island came down to the pier to watch the ferry come in.";

    private static readonly string Story = $"""
        The Ferry to Inishbeg

        Fandom: Island Ferries
        Rating: General Audiences
        Summary: Saoirse misses the ferry. Twice. The island does not mind.

        Chapter 1: Missed

        {Chapter1Text} Declan, who ran the pub by the slip, said she could wait in the snug.

        “It’ll come Thursday,” Declan told Saoirse. “Or it won’t, and you’ll have a week of soup.”

        Chapter 2: Soup

        It was a week of soup. Saoirse learned the names of every dog on the quay, and Declan learned she could not sing.

        Chapter 3: The Pier

        {Chapter3Text} Saoirse found she did not want to get on it.
        """;

    /// <summary>No text in the box crosses its right edge (the page may still fit, with the text over the border).</summary>
    private static async Task ExpectNothingSticksOutOf(IPage page, string box)
    {
        var outside = await page.EvaluateAsync<string[]>("""
            selector => {
              const box = document.querySelector(selector);
              const right = box.getBoundingClientRect().right;
              return [...box.querySelectorAll('*')].filter(e => e.getBoundingClientRect().right > right + 0.5).map(e => e.textContent.trim());
            }
            """, box);
        Assert.True(outside.Length == 0, $"In {box}, these stick out at {PhoneWidth} px: {string.Join(" | ", outside)}");
    }

    [Fact]
    public async Task A_new_writer_on_a_phone_imports_posts_reads_and_downloads_a_story()
    {
        var page = await archive.NewPageAsync(width: PhoneWidth, height: 780);
        await page.EmulateMediaAsync(new() { ColorScheme = ColorScheme.Dark });
        var step = 0;
        async Task Check(string name)
        {
            step++;
            await page.ScreenshotAsync(new() { Path = Path.Combine(ArchiveFixture.ResultsDirectory, $"phone-import-{step:00}-{name}.png"), FullPage = true });
            var scrollWidth = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
            Assert.True(scrollWidth <= PhoneWidth, $"step {step} ({name}) scrolls sideways at {PhoneWidth} px: scrollWidth is {scrollWidth}.");
        }
        try
        {
            // Sign up from the front page's own link.
            await page.GotoAsync("/");
            await Check("home");
            await page.GetByRole(AriaRole.Link, new() { Name = "Sign up" }).First.ClickAsync();
            await WorkForms.Field(page, "User name").FillAsync("saoirse_writes");
            await WorkForms.Field(page, "Password").FillAsync("ferry-fog-and-soup-77");
            await Check("signup");
            await page.GetByRole(AriaRole.Button, new() { Name = "Create account" }).ClickAsync();
            var nav = page.GetByRole(AriaRole.Navigation, new() { Name = "Site" });
            await Expect(nav.GetByRole(AriaRole.Button, new() { Name = "Log out" })).ToBeAttachedAsync();

            // Post new work, then import the file through the page's own form.
            await nav.GetByRole(AriaRole.Link, new() { Name = "Post new work" }).ClickAsync();
            await Check("post-new-work");

            // The wrong file first: the reason shows where the writer is looking, and nothing else changes.
            await page.GetByLabel("Story file", new() { Exact = true }).SetInputFilesAsync(new FilePayload
            {
                Name = "ferry.doc",
                MimeType = "application/msword",
                Buffer = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0, 0, 0],
            });
            await page.GetByRole(AriaRole.Button, new() { Name = "Import from file" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("This is an old Word (.doc) file, not a format the importer reads. Save the story as .docx");
            await Expect(page.GetByRole(AriaRole.Alert)).ToBeInViewportAsync();
            await Check("refused-file");
            await page.GetByLabel("Story file", new() { Exact = true }).SetInputFilesAsync(new FilePayload
            {
                Name = "ferry.txt",
                MimeType = "text/plain",
                Buffer = Encoding.UTF8.GetBytes(Story),
            });
            await page.GetByRole(AriaRole.Button, new() { Name = "Import from file" }).ClickAsync();
            await Expect(WorkForms.Field(page, "Work title")).ToHaveValueAsync("The Ferry to Inishbeg");
            await Expect(WorkForms.Field(page, "Fandoms")).ToHaveValueAsync("Island Ferries");
            await Expect(page.GetByRole(AriaRole.Region, new() { Name = "Imported from ferry.txt" })).ToContainTextAsync("3 chapters");
            await Expect(page.GetByRole(AriaRole.Group, new() { Name = "Chapter 3: The Pier" })).ToBeAttachedAsync();
            await Check("imported");

            // Review the suggestions: tick the two characters and apply them.
            var characters = page.GetByRole(AriaRole.Group, new() { Name = "Characters", Exact = true });
            await characters.GetByRole(AriaRole.Checkbox, new() { Name = "Saoirse (" }).CheckAsync();
            await characters.GetByRole(AriaRole.Checkbox, new() { Name = "Declan (" }).CheckAsync();
            await Check("suggestions-ticked");
            await page.GetByRole(AriaRole.Button, new() { Name = "Apply ticked suggestions" }).ClickAsync();
            await Expect(WorkForms.Field(page, "Characters")).ToHaveValueAsync("Saoirse, Declan");
            // The answer opens where the applied tags are, not at the top of the form, screens away on a phone.
            await Expect(WorkForms.Field(page, "Characters")).ToBeInViewportAsync();
            await Check("suggestions-applied");

            // Post, and read it as a reader would: chapter by chapter on the phone.
            await page.GetByRole(AriaRole.Button, new() { Name = "Post", Exact = true }).ClickAsync();
            await Expect(page).ToHaveURLAsync(WorkForms.WorkPath());
            await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("The Ferry to Inishbeg");
            await Expect(page.Locator("main")).ToContainTextAsync(Chapter1Text);
            await Expect(page.Locator("main")).ToContainTextAsync("“It’ll come Thursday,” Declan told Saoirse.");
            await Check("work");
            await ExpectNothingSticksOutOf(page, "dl.work-meta");
            await page.GetByRole(AriaRole.Link, new() { Name = "Next chapter →" }).First.ClickAsync();
            await Expect(page).ToHaveURLAsync(WorkForms.ChapterPath());
            await page.GetByRole(AriaRole.Link, new() { Name = "Next chapter →" }).First.ClickAsync();
            await Expect(page.Locator("main")).ToContainTextAsync(Chapter3Text);
            await Check("chapter-3");

            // Download the EPUB from the work page's own link.
            var link = page.GetByRole(AriaRole.Navigation, new() { Name = "Download" }).GetByRole(AriaRole.Link, new() { Name = "Download EPUB" });
            var download = await page.RunAndWaitForDownloadAsync(() => link.ClickAsync());
            Assert.Equal("The Ferry to Inishbeg - saoirse_writes.epub", download.SuggestedFilename);
            var file = Path.Combine(ArchiveFixture.ResultsDirectory, "phone-" + download.SuggestedFilename);
            await download.SaveAsAsync(file);
            using var zip = new System.IO.Compression.ZipArchive(new MemoryStream(await File.ReadAllBytesAsync(file)));
            Assert.Contains(zip.Entries, e => e.FullName == "EPUB/chapter-003.xhtml");
        }
        catch
        {
            await page.ScreenshotAsync(new() { Path = Path.Combine(ArchiveFixture.ResultsDirectory, "phone-import-failure.png"), FullPage = true });
            throw;
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }
}
