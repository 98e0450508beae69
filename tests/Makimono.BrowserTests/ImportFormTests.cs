using System.Text;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Makimono.BrowserTests;

/// <summary>An author uploads a story file on "Post new work", checks the form it fills in, and posts it.</summary>
[Collection(ArchiveCollection.Name)]
public sealed class ImportFormTests(ArchiveFixture archive)
{
    private const string Chapter1Text = "Ilse wound the clock in the station tower every evening at six, as her mother had.";
    private const string Chapter2Text = "The night train was late again, and Ilse counted the minutes in pencil on the wall.";

    private static readonly string Story = $"""
        The Clockwinder's Station

        Fandom: Northern Line Stories
        Summary: A stationmaster's daughter keeps the clocks, and the clocks keep a secret.

        Chapter 1: Six O'Clock

        {Chapter1Text} Bram brought her coffee from the kiosk and did not ask why she never missed a day.

        Ilse told Bram the tower clock ran four minutes fast on purpose. Bram laughed and said nothing.

        ***

        Later Ilse and Bram climbed down the ladder together, Bram first, Ilse with the lantern.

        Chapter 2: The Night Train

        {Chapter2Text} Bram waited with her on the platform.
        """;

    [Fact]
    public async Task Upload_a_file_check_the_filled_in_form_post_it_and_read_it()
    {
        var page = await archive.NewPageAsync(asAuthor: true);
        try
        {
            await UploadAsync(page);
            await Expect(WorkForms.Field(page, "Work title")).ToHaveValueAsync("The Clockwinder's Station");
            await Expect(WorkForms.Field(page, "Fandoms")).ToHaveValueAsync("Northern Line Stories");
            await Expect(page.GetByRole(AriaRole.Group, new() { Name = "Chapter 2: The Night Train" })).ToBeVisibleAsync();
            await Expect(page.GetByRole(AriaRole.Region, new() { Name = "Imported from clockwinder.txt" })).ToContainTextAsync("2 chapters");

            // A suggestion goes into the field only when ticked and applied.
            await Expect(WorkForms.Field(page, "Characters")).ToHaveValueAsync("");
            await page.GetByRole(AriaRole.Group, new() { Name = "Characters", Exact = true })
                .GetByRole(AriaRole.Checkbox, new() { Name = "Ilse (" }).CheckAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Apply ticked suggestions" }).ClickAsync();
            await Expect(WorkForms.Field(page, "Characters")).ToHaveValueAsync("Ilse");
            await Expect(page.GetByRole(AriaRole.Group, new() { Name = "Chapter 2: The Night Train" })).ToBeVisibleAsync();

            await page.GetByRole(AriaRole.Button, new() { Name = "Post", Exact = true }).ClickAsync();
            await Expect(page).ToHaveURLAsync(WorkForms.WorkPath());
            await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("The Clockwinder's Station");
            await Expect(page.Locator("main")).ToContainTextAsync(Chapter1Text);
            await page.GetByRole(AriaRole.Link, new() { Name = "Next chapter →" }).First.ClickAsync();
            await Expect(page).ToHaveURLAsync(WorkForms.ChapterPath());
            await Expect(page.Locator("main")).ToContainTextAsync(Chapter2Text);
        }
        catch
        {
            await page.ScreenshotAsync(new() { Path = Path.Combine(ArchiveFixture.ResultsDirectory, "import-failure.png"), FullPage = true });
            throw;
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }

    [Fact]
    public async Task What_was_typed_before_importing_is_still_there_after_it()
    {
        var page = await archive.NewPageAsync(asAuthor: true);
        try
        {
            await page.GotoAsync("/works/new");
            await WorkForms.Field(page, "Additional tags").FillAsync("Typed Before Import");
            await WorkForms.Field(page, "Summary").FillAsync("A summary typed before importing.");
            await page.GetByLabel("Story file", new() { Exact = true }).SetInputFilesAsync(new FilePayload
            {
                Name = "clockwinder.txt",
                MimeType = "text/plain",
                Buffer = Encoding.UTF8.GetBytes(Story),
            });
            await page.GetByRole(AriaRole.Button, new() { Name = "Import from file" }).ClickAsync();

            await Expect(WorkForms.Field(page, "Work title")).ToHaveValueAsync("The Clockwinder's Station");
            await Expect(WorkForms.Field(page, "Additional tags")).ToHaveValueAsync("Typed Before Import");
            await Expect(WorkForms.Field(page, "Summary")).ToHaveValueAsync("A summary typed before importing.");
            await Expect(page.GetByRole(AriaRole.Region, new() { Name = "Imported from clockwinder.txt" })).ToContainTextAsync("Kept what you typed for the summary");
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }

    [Theory]
    [InlineData("light")]
    [InlineData("dark")]
    public async Task The_form_filled_in_from_a_file_has_no_serious_accessibility_violations(string scheme)
    {
        var page = await archive.NewPageAsync(asAuthor: true);
        await page.EmulateMediaAsync(new() { ColorScheme = scheme == "dark" ? ColorScheme.Dark : ColorScheme.Light });
        await UploadAsync(page);
        await Expect(WorkForms.Field(page, "Work title")).ToHaveValueAsync("The Clockwinder's Station");

        var violations = await Axe.SeriousViolationsAsync(page);

        await page.Context.CloseAsync();
        Assert.True(violations.Count == 0, Axe.Describe($"post work after import ({scheme})", violations));
    }

    private static async Task UploadAsync(IPage page)
    {
        await page.GotoAsync("/works/new");
        await page.GetByLabel("Story file", new() { Exact = true }).SetInputFilesAsync(new FilePayload
        {
            Name = "clockwinder.txt",
            MimeType = "text/plain",
            Buffer = Encoding.UTF8.GetBytes(Story),
        });
        await page.GetByRole(AriaRole.Button, new() { Name = "Import from file" }).ClickAsync();
    }
}
