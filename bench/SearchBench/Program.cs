using System.Diagnostics;
using System.Text.Json;
using Makimono.Accounts;
using Makimono.Bench;
using Makimono.Database;
using Makimono.Hosting;
using Makimono.Search;
using Makimono.Search.Index;
using Makimono.Text;
using Makimono.Works;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

// SearchBench index DATA QUERIES.json | postgres DATA CONNECTION QUERIES.json | fulltext DATA | classes DATA [general]
//   | profile DATA [COUNT] (where the AO3 filters' CPU time goes, for iterating; not part of bench/run search)
// Each prints one JSON object on its last line; bench/search.sh puts them together.
var verb = args[0];
var data = args[1];
var options = (DbContextOptions<ArchiveDbContext>)ArchiveDatabaseSetup.ConfigureSqlite(new DbContextOptionsBuilder<ArchiveDbContext>(),
    ArchiveDatabaseSetup.SqliteConnectionString(Path.Combine(data, "makimono.db"))).Options;
ArchiveDbContext NewContext() => new(options);
const int Count = 200;

switch (verb)
{
    case "index":
    {
        using var index = new WorkIndex();
        var updater = new IndexUpdater(index, new IndexFolders(data), NewContext, TimeProvider.System, NullLogger<IndexUpdater>.Instance);
        int works;
        await using (var db = NewContext())
        {
            works = await db.Works.CountAsync();
        }
        Console.Error.WriteLine($"{works:N0} works: loading the metadata columns...");
        var watch = Stopwatch.StartNew();
        await IndexBuilder.LoadColumnsAsync(NewContext, CancellationToken.None);
        var metadataRate = works / watch.Elapsed.TotalSeconds;
        Console.Error.WriteLine($"metadata: {metadataRate:N0} works/s; building the whole index (columns and Lucene text)...");
        watch.Restart();
        await updater.RebuildAsync(null, CancellationToken.None);
        var fullRate = works / watch.Elapsed.TotalSeconds;
        Console.Error.WriteLine($"whole index: {fullRate:N0} works/s");
        var instances = Instance.Pick(index, Count, 4242);
        await File.WriteAllTextAsync(args[2], JsonSerializer.Serialize(instances));
        var (classes, matches) = Stats.TimeClasses(index, instances);

        using var service = new IndexService(updater, index, TimeProvider.System, NullLogger<IndexService>.Instance);
        await service.StartAsync(CancellationToken.None);
        var findable = new List<double>();
        for (var i = 0; i < 5; i++)
        {
            var word = $"zqxfindable{i}";
            await using var db = NewContext();
            var form = new WorkForm { Title = $"Findable {word}", RatingId = 2, WarningIds = [14], Fandoms = "Fandom 1", ExpectedChapters = "1" };
            var posted = Stopwatch.GetTimestamp();
            var (work, errors) = await SaveWork.CreateAsync(db, TimeProvider.System, 1, form, new ChapterForm { Body = $"<p>The {word} arrives today.</p>" }, post: true, acceptRemovals: false);
            if (errors.Any)
            {
                throw new InvalidOperationException(string.Join("; ", errors.Fields.Values));
            }
            while (index.Find(new WorkQuery { Text = word }, Viewer.Guest, ViewerFilters.None)?.WorkIds.Contains(work!.Id) != true)
            {
                if (Stopwatch.GetElapsedTime(posted) > TimeSpan.FromSeconds(30))
                {
                    throw new TimeoutException("A posted work was not findable within 30 s.");
                }
                await Task.Delay(1);
            }
            findable.Add(Stopwatch.GetElapsedTime(posted).TotalMilliseconds);
        }
        await service.StopAsync(CancellationToken.None);
        Console.WriteLine(JsonSerializer.Serialize(new
        {
            works,
            index_works_per_s = Math.Round(metadataRate),
            index_with_text_works_per_s = Math.Round(fullRate),
            classes,
            median_matches = matches,
            findable_after_post_ms = Math.Round(findable.Order().ElementAt(findable.Count / 2), 1),
        }));
        break;
    }
    case "classes":
    {
        // A quick look at the query classes alone, for profiling: the columns with an empty full-text index.
        // "classes DATA general" answers every listing the general way (no kept tag-page counts and orders), to compare.
        using var index = args.Length > 2 && args[2] == "general" ? new WorkIndex { TagListingMinWorks = int.MaxValue } : new WorkIndex();
        var watch = Stopwatch.StartNew();
        var columns = await IndexBuilder.LoadColumnsAsync(NewContext, CancellationToken.None);
        Console.Error.WriteLine($"{columns.LiveCount:N0} works loaded in {watch.Elapsed.TotalSeconds:F1} s");
        var folder = Directory.CreateTempSubdirectory("makimono-classes-").FullName;
        try
        {
            index.Install(columns, TextIndex.Open(folder, create: true), 0);
            var instances = Instance.Pick(index, Count, 4242);
            var (classes, matches) = Stats.TimeClasses(index, instances);
            Console.WriteLine(JsonSerializer.Serialize(new { works = columns.LiveCount, classes, median_matches = matches }));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
        break;
    }
    case "profile":
    {
        using var index = new WorkIndex();
        var watch = Stopwatch.StartNew();
        var columns = await IndexBuilder.LoadColumnsAsync(NewContext, CancellationToken.None);
        Console.Error.WriteLine($"{columns.LiveCount:N0} works loaded in {watch.Elapsed.TotalSeconds:F1} s");
        var folder = Directory.CreateTempSubdirectory("makimono-profile-").FullName;
        try
        {
            index.Install(columns, TextIndex.Open(folder, create: true), 0);
            Profile.Run(index, columns, Instance.Pick(index, args.Length > 2 ? int.Parse(args[2]) : 40, 4242));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
        break;
    }
    case "fulltext":
    {
        using var index = new WorkIndex();
        var updater = new IndexUpdater(index, new IndexFolders(data), NewContext, TimeProvider.System, NullLogger<IndexUpdater>.Instance);
        var watch = Stopwatch.StartNew();
        await updater.RebuildAsync(null, CancellationToken.None);
        int works;
        await using var db = NewContext();
        works = await db.Works.CountAsync();
        Console.Error.WriteLine($"full text of {works:N0} works indexed in {watch.Elapsed.TotalSeconds:F0} s");
        var random = new Random(4242);
        var phrases = new List<string>();
        while (phrases.Count < Count)
        {
            var id = 1 + random.Next(works);
            var body = await db.Chapters.Where(c => c.WorkId == id).Select(c => c.Body).FirstAsync();
            var words = WordCounter.PlainText(body).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            var at = random.Next(words.Length - 2);
            phrases.Add($"\"{words[at]} {words[at + 1]} {words[at + 2]}\"");
        }
        foreach (var phrase in phrases)
        {
            _ = index.Find(new WorkQuery { Text = phrase, Sort = WorkSort.BestMatch }, Viewer.Guest, ViewerFilters.None);
        }
        var latencies = new List<double>();
        var totals = new List<int>();
        foreach (var phrase in phrases)
        {
            var start = Stopwatch.GetTimestamp();
            var result = index.Find(new WorkQuery { Text = phrase, Sort = WorkSort.BestMatch }, Viewer.Guest, ViewerFilters.None)!;
            latencies.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            totals.Add(result.Total);
        }
        Console.WriteLine(JsonSerializer.Serialize(new
        {
            works,
            fulltext_phrase = Stats.Percentiles(latencies),
            median_matches = totals.Order().ElementAt(totals.Count / 2),
        }));
        break;
    }
    case "postgres":
        Console.WriteLine(JsonSerializer.Serialize(await PostgresBaseline.RunAsync(NewContext, args[2],
            JsonSerializer.Deserialize<List<Instance>>(await File.ReadAllTextAsync(args[3]))!)));
        break;
    default:
        throw new ArgumentException($"unknown verb {verb}");
}

internal static class Stats
{
    /// <summary>
    /// Each class's instances once untimed (their totals; a first view also builds what a tag page keeps), then once
    /// timed, one at a time: wall-clock percentiles, and the process's CPU time per query beside them, which a busy
    /// shared machine disturbs less.
    /// </summary>
    public static (Dictionary<string, object> Classes, Dictionary<string, double> Matches) TimeClasses(WorkIndex index, List<Instance> instances)
    {
        var classes = new Dictionary<string, object>();
        var matches = new Dictionary<string, double>();
        foreach (var (name, query) in new (string, Func<Instance, WorkQuery>)[]
        {
            ("tag_page", i => i.TagPage), ("fandom_facets", i => i.FandomFacets), ("ao3_filter", i => i.Ao3Filter),
            ("ao3_filter_broad", i => i.Ao3FilterBroad), ("deep_page", i => i.DeepPage),
        })
        {
            var firstViews = new List<double>();
            var totals = instances.Select(i =>
            {
                var start = Stopwatch.GetTimestamp();
                var total = index.Find(query(i), Viewer.Guest, ViewerFilters.None)!.Total;
                firstViews.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
                return total;
            }).Order().ToList();
            if (name == "tag_page")
            {
                // The untimed pass is the tags' first views, when their counts and orders are built: reported apart.
                classes["tag_page_first_views"] = Percentiles(firstViews);
            }
            var latencies = new List<double>();
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            foreach (var instance in instances)
            {
                var q = query(instance);
                var start = Stopwatch.GetTimestamp();
                _ = index.Find(q, Viewer.Guest, ViewerFilters.None);
                latencies.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            }
            var percentiles = Percentiles(latencies);
            percentiles["cpu_ms_per_query"] = Math.Round((Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds / instances.Count, 3);
            classes[name] = percentiles;
            matches[name] = totals[totals.Count / 2];
            Console.Error.WriteLine($"{name}: {JsonSerializer.Serialize(classes[name])}, median matches {matches[name]}");
        }
        return (classes, matches);
    }

    public static Dictionary<string, double> Percentiles(List<double> latencies)
    {
        var sorted = latencies.Order().ToList();
        double At(double p) => Math.Round(sorted[Math.Max(0, (int)Math.Ceiling(p * sorted.Count) - 1)], 3);
        return new() { ["p50_ms"] = At(0.50), ["p95_ms"] = At(0.95), ["p99_ms"] = At(0.99) };
    }
}
