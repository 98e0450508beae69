using System.Diagnostics;
using System.Globalization;
using Makimono.Bench;
using Makimono.Database;
using Makimono.Hosting;
using Makimono.Tags;
using Makimono.Tags.Autocomplete;
using Microsoft.EntityFrameworkCore;

// AutocompleteBench lookup: builds the index of 200,000 synthetic tags in memory and times lookups (µs).
// AutocompleteBench seed FILE: stores the same tags (with synonyms and parent fandoms) in a migrated SQLite archive.
// AutocompleteBench http URL: times GET /tags/autocomplete against a running server (ms).
// Each prints tab-separated "name value" lines for bench/autocomplete.sh.
const int Lookups = 20_000;
const int Requests = 2_000;

var tags = SyntheticTags.Generate();
switch (args)
{
    case ["lookup"]:
    {
        var clock = Stopwatch.StartNew();
        var index = TagNameIndex.Build(
            tags.Select((t, i) => new IndexedTag(i + 1, t.Name, TagName.Normalize(t.Name), t.Type, t.IsCanonical, t.MergerIndex + 1, t.Uses)).ToList(),
            tags.Select((t, i) => (Child: i + 1, Fandom: t.FandomIndex + 1)).Where(p => p.Fandom is not null).Select(p => (p.Child, p.Fandom!.Value)).ToList());
        Print("index_build_ms", clock.Elapsed.TotalMilliseconds);
        var terms = SyntheticTags.Terms(tags, Lookups);
        foreach (var (term, type) in terms.Take(2_000))
        {
            index.Find(term, type);
        }
        var micros = new double[terms.Count];
        var found = 0;
        for (var i = 0; i < terms.Count; i++)
        {
            var start = Stopwatch.GetTimestamp();
            found += index.Find(terms[i].Term, terms[i].Type).Count;
            micros[i] = Stopwatch.GetElapsedTime(start).TotalMicroseconds;
        }
        Print("indexed_tags", index.Count);
        Print("mean_results", (double)found / terms.Count);
        // Terms of up to three letters are answered from precomputed lists, longer ones by a scan of their key range.
        Report("lookup_long_terms", micros.Where((_, i) => terms[i].Term.Length > 3).ToArray(), "us");
        Report("lookup", micros, "us");
        return 0;
    }
    case ["seed", var file]:
    {
        var builder = new DbContextOptionsBuilder<ArchiveDbContext>();
        ArchiveDatabaseSetup.ConfigureSqlite(builder, ArchiveDatabaseSetup.SqliteConnectionString(file), useCompiledModel: false);
        await using var db = new ArchiveDbContext(builder.Options);
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        var ids = new int[tags.Count];
        var now = DateTime.UtcNow;
        foreach (var batch in tags.Select((t, i) => (t, i)).Chunk(5_000))
        {
            var inBatch = new Dictionary<int, Tag>();
            var entities = batch.Select(x =>
            {
                var tag = new Tag { Name = x.t.Name, NormalizedName = TagName.Normalize(x.t.Name), Type = x.t.Type, IsCanonical = x.t.IsCanonical, CreatedAt = now };
                // A canonical tag saved in an earlier batch has its id; one in this batch is linked by navigation.
                if (x.t.MergerIndex is { } merger)
                {
                    if (inBatch.TryGetValue(merger, out var canonical))
                    {
                        tag.Merger = canonical;
                    }
                    else
                    {
                        tag.MergerId = ids[merger];
                    }
                }
                inBatch[x.i] = tag;
                return tag;
            }).ToList();
            db.Tags.AddRange(entities);
            await db.SaveChangesAsync();
            for (var j = 0; j < batch.Length; j++)
            {
                ids[batch[j].i] = entities[j].Id;
            }
            db.ChangeTracker.Clear();
        }
        db.TagParents.AddRange(tags.Select((t, i) => (t, i)).Where(x => x.t.FandomIndex is not null)
            .Select(x => new TagParent { ChildId = ids[x.i], ParentId = ids[x.t.FandomIndex!.Value] }));
        await db.SaveChangesAsync();
        Print("seeded_tags", tags.Count);
        return 0;
    }
    case ["http", var url]:
    {
        using var http = new HttpClient { BaseAddress = new Uri(url) };
        var terms = SyntheticTags.Terms(tags, Requests + 200);
        var millis = new double[Requests];
        for (var i = 0; i < terms.Count; i++)
        {
            var (term, type) = terms[i];
            var path = $"/tags/autocomplete?term={Uri.EscapeDataString(term)}{(type is { } t ? $"&type={TagTypeNames.Key(t)}" : "")}";
            var start = Stopwatch.GetTimestamp();
            using var response = await http.GetAsync(new Uri(path, UriKind.Relative));
            await response.Content.ReadAsByteArrayAsync();
            response.EnsureSuccessStatusCode();
            // The first 200 requests warm up the server and the connection.
            if (i >= 200)
            {
                millis[i - 200] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            }
        }
        Report("http", millis, "ms");
        return 0;
    }
    default:
        Console.Error.WriteLine("usage: AutocompleteBench lookup | seed FILE | http URL");
        return 2;
}

static void Report(string name, double[] samples, string unit)
{
    Array.Sort(samples);
    Print($"{name}_mean_{unit}", samples.Average());
    Print($"{name}_p50_{unit}", samples[samples.Length / 2]);
    Print($"{name}_p99_{unit}", samples[(int)(samples.Length * 0.99)]);
    Print($"{name}_max_{unit}", samples[^1]);
}

static void Print(string name, double value) => Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name}\t{value:0.###}"));
