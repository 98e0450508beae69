using System.Globalization;
using System.Net;
using System.Xml.Linq;
using AngleSharp.Dom;
using Makimono.Reading.Hits;
using Makimono.Reading.Stats;
using Makimono.Tests.Web;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Makimono.Tests.Reading;

/// <summary>Hits through the work page, and the authors' statistics page, through HTTP as its owner, an admin, another user and a guest.</summary>
public sealed class StatsPageTests(StatsPageTests.ManualFlush archive) : IClassFixture<StatsPageTests.ManualFlush>
{
    /// <summary>The buffer is written only when a test says so, so a test sees what is (not) written before the flush.</summary>
    public sealed class ManualFlush : ArchiveFactory
    {
        protected override void ConfigureArchive(IWebHostBuilder builder)
        {
            builder.UseSetting("Hits:FlushSeconds", "3600");
            builder.UseSetting("Hits:FlushBatch", "10000");
        }

        public Task<int> FlushHitsAsync() => Services.GetRequiredService<HitService>().FlushAsync(CancellationToken.None);
    }

    private static XNamespace Svg => "http://www.w3.org/2000/svg";

    private static string StatOf(HtmlPage page, string scope, string name) =>
        page.Document.QuerySelectorAll($"{scope} dl.stats div").Single(d => d.QuerySelector("dt")!.TextContent.Trim() == name)
            .QuerySelector("dd")!.TextContent.Trim();

    [Fact]
    public async Task Hits_count_once_per_reader_a_day_after_the_flush_and_never_the_creator_nor_what_the_reader_may_not_read()
    {
        await archive.CreateUserAsync("hitauthor");
        await archive.CreateUserAsync("hitreader1");
        await archive.CreateUserAsync("hitreader2");
        using var author = await archive.LoggedInAsync("hitauthor");
        var open = await author.PostWorkAsync("Counted Story");
        var restricted = await author.PostWorkAsync("Members Story", restricted: true);
        var draft = await author.PostWorkAsync("Draft Story", draft: true);
        using var reader1 = await archive.LoggedInAsync("hitreader1");
        using var reader2 = await archive.LoggedInAsync("hitreader2");
        using var guest = archive.Guest();

        await author.PageAsync($"/works/{open}");
        await author.PageAsync($"/works/{draft}");
        await reader1.PageAsync($"/works/{open}");
        await reader1.PageAsync($"/works/{open}?view_full_work=true");
        await reader2.PageAsync($"/works/{open}");
        await guest.PageAsync($"/works/{open}");
        await guest.PageAsync($"/works/{open}");
        Assert.Equal(HttpStatusCode.Redirect, (await guest.GetAsync($"/works/{restricted}")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await guest.GetAsync($"/works/{draft}")).Status);

        // Nothing is written per view: the visits wait in the buffer.
        Assert.Equal((0, 0), await archive.WithDbAsync(async db => (
            await db.Works.Where(w => w.Id == open).Select(w => w.HitCount).SingleAsync(), await db.Set<HitVisitor>().CountAsync())));

        Assert.Equal(3, await archive.FlushHitsAsync());
        var counts = await archive.WithDbAsync(db => db.Works.Where(w => w.Id == open || w.Id == restricted || w.Id == draft)
            .ToDictionaryAsync(w => w.Id, w => w.HitCount));
        Assert.Equal(3, counts[open]);
        Assert.Equal(0, counts[restricted]);
        Assert.Equal(0, counts[draft]);

        // Again the same day: nothing new.
        await reader1.PageAsync($"/works/{open}");
        await guest.PageAsync($"/works/{open}");
        Assert.Equal(0, await archive.FlushHitsAsync());

        Assert.Equal("3", StatOf(await guest.PageAsync($"/works/{open}"), "dl.work-meta", "Hits"));
        Assert.Equal("3", StatOf(await guest.PageAsync("/users/hitauthor"), $"#work_{open}", "Hits"));
    }

    [Fact]
    public async Task The_statistics_page_is_for_its_author_and_admins_only()
    {
        await archive.CreateUserAsync("ownstats");
        await archive.CreateUserAsync("nosyreader");
        await archive.CreateUserAsync("statsadmin", isAdmin: true);
        using var owner = await archive.LoggedInAsync("ownstats");
        await owner.PostWorkAsync("Owned Story");
        await owner.PostWorkAsync("Unposted Draft", draft: true);

        var link = (await owner.PageAsync("/users/ownstats")).Links.Single(l => l.AbsolutePath == "/users/ownstats/stats");
        var page = await owner.PageAsync(link.PathAndQuery);
        Assert.Contains("Owned Story", page.Document.QuerySelector("table.stats-table")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Unposted Draft", page.Document.QuerySelector("table.stats-table")!.TextContent, StringComparison.Ordinal);

        using var admin = await archive.LoggedInAsync("statsadmin");
        var adminLink = (await admin.PageAsync("/users/ownstats")).Links.Single(l => l.AbsolutePath == "/users/ownstats/stats");
        // An admin sees the posted works; a draft is its creators' alone.
        var adminPage = await admin.PageAsync(adminLink.PathAndQuery);
        Assert.Contains("Owned Story", adminPage.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("Unposted Draft", adminPage.Html, StringComparison.Ordinal);

        using var other = await archive.LoggedInAsync("nosyreader");
        Assert.DoesNotContain((await other.PageAsync("/users/ownstats")).Links, l => l.AbsolutePath.EndsWith("/stats", StringComparison.Ordinal));
        var (status, body) = await other.GetAsync("/users/ownstats/stats");
        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.DoesNotContain("Owned Story", body, StringComparison.Ordinal);

        using var guest = archive.Guest();
        Assert.DoesNotContain((await guest.PageAsync("/users/ownstats")).Links, l => l.AbsolutePath.EndsWith("/stats", StringComparison.Ordinal));
        var (guestStatus, guestBody) = await guest.GetAsync("/users/ownstats/stats");
        Assert.Equal(HttpStatusCode.Redirect, guestStatus);
        Assert.DoesNotContain("Owned Story", guestBody, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await owner.GetAsync("/users/nobody-by-that-name/stats")).Status);
    }

    [Fact]
    public async Task The_page_lists_each_works_figures_sorted_by_any_column_and_charts_the_days_with_the_same_figures_as_its_table()
    {
        await archive.CreateUserAsync("chartauthor");
        using var author = await archive.LoggedInAsync("chartauthor");
        var first = await author.PostWorkAsync("Alpha Story");
        var second = await author.PostWorkAsync("Beta Story");
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        // Several weeks of daily figures, as the hit flush and the rollup leave them.
        var seeded = new List<WorkDay>();
        for (var back = 0; back < 40; back += 3)
        {
            seeded.Add(new WorkDay { WorkId = first, Day = today.AddDays(-back), Hits = 10 + back, Kudos = back % 4, Comments = 1, Bookmarks = back % 2, Subscriptions = back == 0 ? 1 : 0 });
            seeded.Add(new WorkDay { WorkId = second, Day = today.AddDays(-back - 1), Hits = 2, Kudos = 3, Comments = 0, Bookmarks = 1, Subscriptions = 0 });
        }
        await archive.WithDbAsync(async db =>
        {
            db.Set<WorkDay>().AddRange(seeded);
            await db.Works.Where(w => w.Id == first).ExecuteUpdateAsync(s => s.SetProperty(w => w.HitCount, 500));
            await db.Works.Where(w => w.Id == second).ExecuteUpdateAsync(s => s.SetProperty(w => w.HitCount, 40));
            // Kudos from long before every period shown, so the rollup's recount of their day leaves the charts as seeded.
            var longAgo = DateTime.UtcNow.AddDays(-800);
            db.Kudos.AddRange(Enumerable.Range(0, 12).Select(i => new Makimono.Responses.Kudos.Kudos
            {
                WorkId = i < 3 ? first : second, GuestKey = $"seeded-guest-{i}", CreatedAt = longAgo,
            }));
            return await db.SaveChangesAsync();
        });

        var link = (await author.PageAsync("/users/chartauthor")).Links.Single(l => l.AbsolutePath == "/users/chartauthor/stats");
        var page = await author.PageAsync(link.PathAndQuery);
        Assert.Equal(["Alpha Story", "Beta Story"], WorkOrder(page));
        Assert.Equal(["500", "3"], Row(page, "Alpha Story").Take(2));
        Assert.Equal(["540", "12"], page.Document.QuerySelectorAll("table.stats-table tfoot td").Take(2).Select(c => c.TextContent.Trim()));

        var byKudos = await author.PageAsync(SortLink(page, "Kudos"));
        Assert.Equal(["Beta Story", "Alpha Story"], WorkOrder(byKudos));
        Assert.Equal("descending", Header(byKudos, "Kudos").GetAttribute("aria-sort"));
        var byKudosUp = await author.PageAsync(SortLink(byKudos, "Kudos"));
        Assert.Equal(["Alpha Story", "Beta Story"], WorkOrder(byKudosUp));
        Assert.Equal("ascending", Header(byKudosUp, "Kudos").GetAttribute("aria-sort"));
        var byTitle = await author.PageAsync(SortLink(page, "Work"));
        Assert.Equal(["Alpha Story", "Beta Story"], WorkOrder(byTitle));

        // The default: the last 30 days by day, every work.
        AssertChartsMatchTable(page, seeded.Where(d => d.Day > today.AddDays(-30)), d => d, 30);

        // By week over 90 days, through the page's own form.
        var form = page.Form("Show").Set("period", "90d").Set("bucket", "week");
        using var weekly = await form.SubmitAsync();
        var weeklyPage = new HtmlPage(author, weekly.RequestMessage!.RequestUri!, await weekly.Content.ReadAsStringAsync());
        static DateOnly Monday(DateOnly d) => DateOnly.FromDateTime(ISOWeek.ToDateTime(ISOWeek.GetYear(d.ToDateTime(TimeOnly.MinValue)), ISOWeek.GetWeekOfYear(d.ToDateTime(TimeOnly.MinValue)), DayOfWeek.Monday));
        var weeks = (Monday(today).DayNumber - Monday(today.AddDays(-89)).DayNumber) / 7 + 1;
        AssertChartsMatchTable(weeklyPage, seeded, Monday, weeks);

        // One work by month.
        using var monthly = await weeklyPage.Form("Show").Set("work", second.ToString(CultureInfo.InvariantCulture)).Set("bucket", "month").Set("period", "365d").SubmitAsync();
        var monthlyPage = new HtmlPage(author, monthly.RequestMessage!.RequestUri!, await monthly.Content.ReadAsStringAsync());
        var months = (today.Year * 12 + today.Month) - (today.AddDays(-364).Year * 12 + today.AddDays(-364).Month) + 1;
        AssertChartsMatchTable(monthlyPage, seeded.Where(d => d.WorkId == second), d => new DateOnly(d.Year, d.Month, 1), months);

        var unreadable = await author.PageAsync(link.PathAndQuery + "?period=forever&bucket=fortnight");
        Assert.Equal(2, unreadable.Document.QuerySelectorAll("p.notice").Length);
    }

    /// <summary>
    /// The figures table has one row per bucket with the sums of the seeded days; each chart is well-formed SVG named
    /// by its title and description, with value and date labels, and one bar per row whose tooltip holds the row's figure.
    /// </summary>
    private static void AssertChartsMatchTable(HtmlPage page, IEnumerable<WorkDay> days, Func<DateOnly, DateOnly> bucketOf, int buckets)
    {
        var rows = page.Document.QuerySelectorAll("#stats-figures tbody tr").ToList();
        Assert.Equal(buckets, rows.Count);
        var expected = days.GroupBy(d => bucketOf(d.Day)).ToDictionary(g => g.Key, g => g.ToList());
        var measures = Enum.GetValues<StatsMeasure>();
        foreach (var row in rows)
        {
            var start = DateOnly.ParseExact(row.QuerySelector("time")!.GetAttribute("datetime")!, "yyyy-MM-dd", CultureInfo.InvariantCulture);
            var cells = row.QuerySelectorAll("td").Select(c => int.Parse(c.TextContent.Trim(), NumberStyles.AllowThousands, CultureInfo.InvariantCulture)).ToList();
            var inBucket = expected.GetValueOrDefault(start) ?? [];
            Assert.Equal(measures.Select(m => inBucket.Sum(d => StatsBuckets.ValueOf(d, m))), cells);
        }
        Assert.Contains(expected.Keys, k => rows.Any(r => r.QuerySelector("time")!.GetAttribute("datetime") == k.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));

        var charts = page.Document.QuerySelectorAll("svg.chart").ToList();
        Assert.Equal(measures.Length, charts.Count);
        foreach (var (chart, column) in charts.Select((c, i) => (c, i)))
        {
            var svg = XElement.Parse(chart.OuterHtml);
            Assert.Equal("img", (string?)svg.Attribute("role"));
            var labelledBy = ((string?)svg.Attribute("aria-labelledby"))!.Split(' ');
            Assert.Equal(["title", "desc"], labelledBy.Select(id => svg.Descendants().Single(e => (string?)e.Attribute("id") == id).Name.LocalName));
            Assert.Contains(svg.Descendants(Svg + "text"), t => t.Value == "0");
            Assert.Contains(svg.Descendants(Svg + "text"), t => DateTime.TryParseExact(t.Value, ["d MMM", "MMM yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out _));
            var bars = svg.Descendants(Svg + "rect").Where(r => (string?)r.Attribute("class") == "chart-bar").ToList();
            Assert.Equal(rows.Count, bars.Count);
            foreach (var (bar, row) in bars.Zip(rows))
            {
                var figure = row.QuerySelectorAll("td")[column].TextContent.Trim();
                Assert.EndsWith($": {figure} {StatsBuckets.Name(measures[column]).ToLowerInvariant()}", bar.Element(Svg + "title")!.Value, StringComparison.Ordinal);
            }
        }
    }

    private static List<string> WorkOrder(HtmlPage page) =>
        page.Document.QuerySelectorAll("table.stats-table tbody th a").Select(a => a.TextContent.Trim()).ToList();

    private static IEnumerable<string> Row(HtmlPage page, string title) =>
        page.Document.QuerySelectorAll("table.stats-table tbody tr").Single(r => r.QuerySelector("th")!.TextContent.Contains(title, StringComparison.Ordinal))
            .QuerySelectorAll("td").Select(c => c.TextContent.Trim());

    private static IElement Header(HtmlPage page, string label) =>
        page.Document.QuerySelectorAll("table.stats-table thead th").Single(th => th.QuerySelector("a")!.ChildNodes[0].TextContent.Trim() == label);

    private static string SortLink(HtmlPage page, string label) => Header(page, label).QuerySelector("a")!.GetAttribute("href")!;
}
