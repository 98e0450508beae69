using System.Diagnostics;
using System.Text.RegularExpressions;
using Makimono.Database;
using Makimono.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Makimono.BrowserTests;

/// <summary>
/// Issue 10's journey in Chromium: a person filters a tag page with an include and an exclude, sorts by kudos, then
/// searches a phrase from inside a chapter with the header's search box and lands on that chapter from the result.
/// </summary>
[Collection(ArchiveCollection.Name)]
public sealed partial class SearchJourneyTests(ArchiveFixture archive)
{
    /// <summary>The index is built and caught up in the background; a loaded machine may take a while, and that is no failure.</summary>
    private static readonly TimeSpan IndexDeadline = TimeSpan.FromSeconds(90);

    private const string Phrase = "the brass bell rang seven times";

    [Fact]
    public async Task Filtering_a_tag_page_sorting_by_kudos_then_searching_a_phrase_lands_on_its_chapter()
    {
        const string fandom = "Searchlight Harbour";
        var author = await archive.NewPageAsync(asAuthor: true);
        var kudos = new Dictionary<string, int> { ["Tide Tables"] = 40, ["Pilot in Fog"] = 5, ["Pilot and Gull"] = 90, ["Gull Alone"] = 70 };
        await WorkForms.PostWorkAsync(author, new NewWork("Tide Tables", "Low Water", "The tide went out and the pilot counted the hours.", fandom, Characters: "Harbour Pilot"));
        await WorkForms.PostWorkAsync(author, new NewWork("Pilot in Fog", "Departure", "The pilot left the quay before dawn.", fandom, Characters: "Harbour Pilot", ExpectedChapters: "2"));
        await WorkForms.AddChapterAsync(author, "The Fog Bell", $"Out past the breakwater {Phrase} in the fog, and the pilot turned the wheel.");
        await WorkForms.PostWorkAsync(author, new NewWork("Pilot and Gull", "Company", "A gull rode on the bow all morning.", fandom, Characters: "Harbour Pilot, Dock Gull"));
        await WorkForms.PostWorkAsync(author, new NewWork("Gull Alone", "Wings", "The gull watched the boats from the pier.", fandom, Characters: "Dock Gull"));
        await author.Context.CloseAsync();
        await GiveKudosAsync(kudos);

        var page = await archive.NewPageAsync();
        try
        {
            await page.GotoAsync($"/tags/{Uri.EscapeDataString(fandom)}/works");
            var include = page.GetByRole(AriaRole.Group, new() { Name = "Include", Exact = true });
            var exclude = page.GetByRole(AriaRole.Group, new() { Name = "Exclude", Exact = true });
            await include.GetByLabel(HarbourPilot()).CheckAsync();
            await exclude.GetByLabel(DockGull()).CheckAsync();
            await page.GetByLabel("Sort by", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Kudos" });
            await page.GetByRole(AriaRole.Button, new() { Name = "Sort and filter", Exact = true }).ClickAsync();

            await Expect(page).ToHaveURLAsync(new Regex("sort=kudos"));
            // Most kudos first, though "Tide Tables" is the older work; "Pilot and Gull" (90 kudos) is excluded and
            // "Gull Alone" (70) was never included.
            await Expect(page.Locator("li.blurb h3 > a:first-child")).ToHaveTextAsync(["Tide Tables", "Pilot in Fog"]);

            var header = page.GetByRole(AriaRole.Search);
            await header.GetByLabel("Search works", new() { Exact = true }).FillAsync($"\"{Phrase}\"");
            await header.GetByRole(AriaRole.Button, new() { Name = "Search", Exact = true }).ClickAsync();
            await Expect(page).ToHaveURLAsync(new Regex(@"/works/search\?q="));

            var snippet = page.Locator("li.search-snippet").Filter(new() { HasText = "seven times" }).GetByRole(AriaRole.Link, new() { Name = "In the text" });
            await WaitForIndexAsync(page, snippet);
            await snippet.ClickAsync();

            await Expect(page).ToHaveURLAsync(WorkForms.ChapterPath());
            await Expect(page.GetByText("The Fog Bell").First).ToBeVisibleAsync();
            await Expect(page.Locator("main")).ToContainTextAsync(Phrase);
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }

    /// <summary>Reloads the results page until the index has the chapter and shows its snippet, or the deadline passes.</summary>
    private async Task WaitForIndexAsync(IPage page, ILocator snippet)
    {
        var waited = Stopwatch.StartNew();
        while (await snippet.CountAsync() == 0)
        {
            Assert.True(waited.Elapsed < IndexDeadline,
                $"No snippet linking into the chapter after {IndexDeadline.TotalSeconds} s. Page:\n{await page.ContentAsync()}\nServer output:\n{archive.Server.Output}");
            await Task.Delay(500);
            await page.ReloadAsync();
        }
    }

    /// <summary>
    /// Kudos as a save through Core, which writes the change log in the same transaction, so the running server's
    /// index picks them up as it would any save. No page gives kudos yet (the readers' issue adds that).
    /// </summary>
    private async Task GiveKudosAsync(Dictionary<string, int> kudos)
    {
        var options = ArchiveDatabaseSetup.ConfigureSqlite(new DbContextOptionsBuilder<ArchiveDbContext>(),
            ArchiveDatabaseSetup.SqliteConnectionString(Path.Combine(archive.Server.DataDirectory, "makimono.db"))).Options;
        await using var db = new ArchiveDbContext((DbContextOptions<ArchiveDbContext>)options);
        var titles = kudos.Keys.ToList();
        var works = await db.Works.Where(w => titles.Contains(w.Title)).ToListAsync();
        Assert.Equal(titles.Order(StringComparer.Ordinal), works.Select(w => w.Title).Order(StringComparer.Ordinal));
        foreach (var work in works)
        {
            work.KudosCount = kudos[work.Title];
        }
        await db.SaveChangesAsync();
    }

    [GeneratedRegex(@"^Harbour Pilot \(")]
    private static partial Regex HarbourPilot();

    [GeneratedRegex(@"^Dock Gull \(")]
    private static partial Regex DockGull();
}
