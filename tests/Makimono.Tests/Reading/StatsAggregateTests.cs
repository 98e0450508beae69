using System.Net;
using System.Xml.Linq;
using Makimono.Accounts;
using Makimono.Hosting;
using Makimono.Reading.Hits;
using Makimono.Reading.Stats;
using Makimono.Tests.Database;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Makimono.Tests.Reading;

/// <summary>Daily figures as the hit flush leaves them, and their sums by week (Monday first) and month.</summary>
[Collection(DatabaseCollection.Name)]
public sealed class StatsAggregateTests(TestDatabases databases)
{
    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Hits_land_on_their_day_and_weeks_and_months_are_the_sums_of_their_days(DatabaseProvider provider)
    {
        await using var archive = await TestArchive.OpenAsync(databases, provider);
        var author = await archive.CreateUserAsync("author");
        var other = await archive.CreateUserAsync("other");
        var first = await archive.LoadWorkAsync(archive.Db, (await archive.SaveWorkAsync(author)).Id);
        var second = await archive.LoadWorkAsync(archive.Db, (await archive.SaveWorkAsync(author)).Id);
        var someoneElses = await archive.LoadWorkAsync(archive.Db, (await archive.SaveWorkAsync(other)).Id);
        using var buffer = new HitBuffer(Options.Create(new HitOptions()), NullLogger<HitBuffer>.Instance);
        var keys = new VisitorKeys();

        // TestArchive starts on Sunday 22 November 2026: the days cross a week's and a month's end.
        var visits = new (DateOnly Day, int First, int Second)[]
        {
            (new(2026, 11, 22), 2, 0),
            (new(2026, 11, 23), 1, 4),
            (new(2026, 11, 30), 1, 0),
            (new(2026, 12, 1), 3, 1),
        };
        foreach (var (day, onFirst, onSecond) in visits)
        {
            archive.Clock.SetUtcNow(day.ToDateTime(new TimeOnly(13, 0), DateTimeKind.Utc));
            for (var i = 0; i < Math.Max(onFirst, onSecond); i++)
            {
                var guest = IPAddress.Parse($"192.0.2.{i + 1}");
                if (i < onFirst)
                {
                    HitCounting.Record(buffer, archive.Clock, first, Viewer.Guest, guest);
                }
                if (i < onSecond)
                {
                    HitCounting.Record(buffer, archive.Clock, second, Viewer.Guest, guest);
                }
            }
            HitCounting.Record(buffer, archive.Clock, someoneElses, Viewer.Guest, IPAddress.Parse("192.0.2.99"));
            await using var db = archive.NewContext();
            await HitFlush.WriteAsync(db, keys, buffer.Take(int.MaxValue), CancellationToken.None);
        }
        var today = new DateOnly(2026, 12, 1);

        await using (var db = archive.NewContext())
        {
            var byDay = await AuthorStats.SeriesAsync(db, author.Id, TestArchive.ViewerFor(author), null, StatsPeriod.Month, StatsBucket.Day, today);
            Assert.Equal(30, byDay.Starts.Count);
            Assert.Equal(new DateOnly(2026, 11, 2), byDay.From);
            Assert.Equal(visits.Select(v => (v.Day, v.First + v.Second)),
                byDay.Starts.Zip(byDay.Values[StatsMeasure.Hits]).Where(p => p.Second > 0));

            var byWeek = await AuthorStats.SeriesAsync(db, author.Id, TestArchive.ViewerFor(author), null, StatsPeriod.Month, StatsBucket.Week, today);
            Assert.Equal(new DateOnly(2026, 11, 2), byWeek.From);
            Assert.Equal([(new DateOnly(2026, 11, 16), 2), (new DateOnly(2026, 11, 23), 5), (new DateOnly(2026, 11, 30), 5)],
                byWeek.Starts.Zip(byWeek.Values[StatsMeasure.Hits]).Where(p => p.Second > 0));

            var byMonth = await AuthorStats.SeriesAsync(db, author.Id, TestArchive.ViewerFor(author), null, StatsPeriod.All, StatsBucket.Month, today);
            Assert.Equal([(new DateOnly(2026, 11, 1), 8), (new DateOnly(2026, 12, 1), 4)], byMonth.Starts.Zip(byMonth.Values[StatsMeasure.Hits]));

            var oneWork = await AuthorStats.SeriesAsync(db, author.Id, TestArchive.ViewerFor(author), second.Id, StatsPeriod.All, StatsBucket.Month, today);
            Assert.Equal([4, 1], oneWork.Values[StatsMeasure.Hits]);
            // Another author's work is not among this author's, whatever id is asked for.
            var notTheirs = await AuthorStats.SeriesAsync(db, author.Id, TestArchive.ViewerFor(author), someoneElses.Id, StatsPeriod.All, StatsBucket.Month, today);
            Assert.All(notTheirs.Values.Values, v => Assert.All(v, x => Assert.Equal(0, x)));

            var totals = await AuthorStats.TotalsAsync(db, author.Id, TestArchive.ViewerFor(author));
            Assert.Equal([(first.Id, 7), (second.Id, 5)], totals.OrderBy(t => t.WorkId).Select(t => (t.WorkId, t.Hits)));
        }
    }

    [Fact]
    public void Buckets_start_on_their_first_day_and_sum_every_day_once()
    {
        var sunday = new DateOnly(2026, 11, 29);
        Assert.Equal(new DateOnly(2026, 11, 23), StatsBuckets.StartOf(sunday, StatsBucket.Week));
        Assert.Equal(new DateOnly(2026, 11, 30), StatsBuckets.StartOf(sunday.AddDays(1), StatsBucket.Week));
        Assert.Equal(new DateOnly(2026, 11, 1), StatsBuckets.StartOf(sunday, StatsBucket.Month));
        var days = Enumerable.Range(0, 400).Select(i => (Day: new DateOnly(2025, 12, 1).AddDays(i), Value: i % 7)).ToList();
        foreach (var bucket in Enum.GetValues<StatsBucket>())
        {
            var starts = StatsBuckets.Starts(days[0].Day, days[^1].Day, bucket);
            Assert.Equal(days.Sum(d => d.Value), StatsBuckets.Sum(days, starts, bucket).Sum());
            Assert.Equal(starts.Order(), starts);
            Assert.Equal(starts.Count, starts.Distinct().Count());
        }
    }

    [Fact]
    public void The_chart_is_well_formed_svg_with_a_title_a_description_round_value_ticks_and_dated_labels()
    {
        var starts = StatsBuckets.Starts(new DateOnly(2026, 11, 2), new DateOnly(2026, 11, 30), StatsBucket.Week);
        int[] values = [0, 7, 52, 13, 3];
        var markup = SvgChart.Bars("chart-hits", "Hits per week, all works", "hits", StatsBucket.Week, starts, values).ToString();

        var svg = XElement.Parse(markup);
        XNamespace ns = "http://www.w3.org/2000/svg";
        Assert.Equal(ns + "svg", svg.Name);
        Assert.Equal("chart-hits-title chart-hits-desc", (string?)svg.Attribute("aria-labelledby"));
        Assert.Equal("Hits per week, all works", svg.Element(ns + "title")!.Value);
        Assert.Equal("5 weeks from Week of 2 Nov 2026 to Week of 30 Nov 2026: 75 hits in all, most in Week of 16 Nov 2026 (52).",
            svg.Element(ns + "desc")!.Value);
        var texts = svg.Descendants(ns + "text").Select(t => t.Value).ToList();
        Assert.Equal(["0", "20", "40", "60"], texts.Take(4));
        Assert.Equal(["2 Nov", "9 Nov", "16 Nov", "23 Nov", "30 Nov"], texts.Skip(4).Take(5));
        Assert.Contains("Weeks starting on Monday, 2 Nov 2026 to 30 Nov 2026", texts);
        var bars = svg.Descendants(ns + "rect").ToList();
        Assert.Equal(values.Length, bars.Count);
        // Heights are proportional to the figures, on the axis's scale of 60.
        var heights = bars.Select(b => double.Parse((string)b.Attribute("height")!, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(heights[1] * 52 / 7, heights[2], 1);
        Assert.Equal(0, heights[0]);
    }

    [Theory]
    [InlineData(0, 1, 1)]
    [InlineData(3, 1, 3)]
    [InlineData(7, 2, 8)]
    [InlineData(52, 20, 60)]
    [InlineData(1234, 500, 1500)]
    public void Value_axes_use_round_steps(int highest, int step, int max) =>
        Assert.Equal((max, step), SvgChart.Scale(highest));

    [Fact]
    public void At_most_six_time_labels_including_the_first_and_the_last()
    {
        foreach (var count in new[] { 1, 5, 6, 7, 12, 30, 31, 365 })
        {
            var labels = SvgChart.TimeLabelIndexes(count).ToList();
            Assert.InRange(labels.Count, 1, 6);
            Assert.Equal(0, labels[0]);
            Assert.Equal(count - 1, labels[^1]);
        }
    }
}
