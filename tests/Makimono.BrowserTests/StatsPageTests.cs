using Makimono.Database;
using Makimono.Hosting;
using Makimono.Reading.Stats;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Makimono.BrowserTests;

/// <summary>An author opens their statistics from their own page and sees the charts; screenshots for a person to look at.</summary>
[Collection(ArchiveCollection.Name)]
public sealed class StatsPageTests(ArchiveFixture archive)
{
    private const int SeededDays = 20;

    [Fact]
    public async Task The_author_opens_their_statistics_and_the_hits_chart_draws_several_days()
    {
        // A real hit today: a guest reads the work, and the server writes the buffered visit within seconds.
        var guest = await archive.NewPageAsync();
        await guest.GotoAsync(archive.SeedWorkPath);
        await guest.Context.CloseAsync();
        // The days before, as the hit flush and the rollup leave them: a test cannot wait for days to pass.
        await SeedEarlierDaysAsync();

        var page = await archive.NewPageAsync(asAuthor: true, width: 1000, height: 900);
        await page.GotoAsync($"/users/{ArchiveFixture.AuthorName}");
        await page.GetByRole(AriaRole.Link, new() { Name = "Statistics", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = $"Statistics for {ArchiveFixture.AuthorName}" })).ToBeVisibleAsync();
        // Today's bar appears once the flush has written the guest's visit.
        var todayHits = page.Locator("#stats-figures tbody tr").Last.Locator("td").First;
        for (var tries = 0; tries < 40 && await todayHits.TextContentAsync() == "0"; tries++)
        {
            await Task.Delay(500);
            await page.ReloadAsync();
        }
        Assert.NotEqual("0", await todayHits.TextContentAsync());

        var chart = page.Locator("svg#chart-hits");
        await Assertions.Expect(chart).ToBeVisibleAsync();
        await Assertions.Expect(chart).ToHaveAttributeAsync("role", "img");
        var box = await chart.BoundingBoxAsync();
        Assert.True(box is { Width: > 300, Height: > 100 }, $"The hits chart is drawn at {box?.Width} × {box?.Height}.");
        // One bar per day of the last 30, and a drawn (non-zero) bar for each seeded day and today.
        var heights = await chart.Locator("rect.chart-bar").EvaluateAllAsync<double[]>("bars => bars.map(b => b.getBoundingClientRect().height)");
        Assert.Equal(30, heights.Length);
        Assert.True(heights.Count(h => h > 0) >= SeededDays + 1, $"Bars with height: {heights.Count(h => h > 0)}");
        Assert.Equal(await page.Locator("#stats-figures tbody tr").CountAsync(), heights.Length);

        await chart.ScreenshotAsync(new() { Path = Shot("stats-chart.png") });
        await page.ScreenshotAsync(new() { Path = Shot("stats-page-1000.png"), FullPage = true });
        Assert.True(new FileInfo(Shot("stats-chart.png")).Length > 1000);
        var lightViolations = await Axe.SeriousViolationsAsync(page);

        await page.EmulateMediaAsync(new() { ColorScheme = ColorScheme.Dark });
        // The bars take the dark scheme's accent from the stylesheet's variables.
        var darkFill = await chart.Locator("rect.chart-bar").First.EvaluateAsync<string>("b => getComputedStyle(b).fill");
        await chart.ScreenshotAsync(new() { Path = Shot("stats-chart-dark.png") });
        var darkViolations = await Axe.SeriousViolationsAsync(page);
        await page.Context.CloseAsync();

        Assert.Equal("rgb(240, 140, 140)", darkFill);
        Assert.True(lightViolations.Count == 0, Axe.Describe("statistics (light)", lightViolations));
        Assert.True(darkViolations.Count == 0, Axe.Describe("statistics (dark)", darkViolations));
    }

    private async Task SeedEarlierDaysAsync()
    {
        var options = ArchiveDatabaseSetup.ConfigureSqlite(new DbContextOptionsBuilder<ArchiveDbContext>(),
            ArchiveDatabaseSetup.SqliteConnectionString(Path.Combine(archive.Server.DataDirectory, "makimono.db"))).Options;
        await using var db = new ArchiveDbContext((DbContextOptions<ArchiveDbContext>)options);
        var workId = int.Parse(archive.SeedWorkPath.Split('/').Last(), System.Globalization.CultureInfo.InvariantCulture);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        if (await db.Set<WorkDay>().AnyAsync(d => d.WorkId == workId && d.Day < today))
        {
            return;
        }
        db.Set<WorkDay>().AddRange(Enumerable.Range(1, SeededDays).Select(back => new WorkDay
        {
            WorkId = workId, Day = today.AddDays(-back), Hits = 5 + (back * 7 % 23), Kudos = back % 3, Comments = back % 5 == 0 ? 1 : 0,
        }));
        await db.SaveChangesAsync();
    }

    private static string Shot(string name) => Path.Combine(ArchiveFixture.ResultsDirectory, name);
}
