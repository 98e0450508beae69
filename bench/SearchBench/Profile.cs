using System.Diagnostics;
using Makimono.Accounts;
using Makimono.Search;
using Makimono.Search.Index;

namespace Makimono.Bench;

/// <summary>
/// `SearchBench profile DATA [COUNT]`: where the AO3 filters' CPU time goes. Each variant of a class's instances is run
/// <see cref="Rounds"/> times and reported as CPU microseconds per query; the differences between variants are the
/// cost of a part (facet counting, the filters beside the tags, the excludes). For iterating on ColumnSearch, not
/// part of bench/run search.
/// </summary>
internal static class Profile
{
    private const int Rounds = 5;

    public static void Run(WorkIndex index, WorkColumns columns, List<Instance> instances)
    {
        // How many candidates the walk starts from: the smallest included tag's works.
        foreach (var (name, query) in new (string, Func<Instance, WorkQuery>)[] { ("ao3_filter", i => i.Ao3Filter), ("ao3_filter_broad", i => i.Ao3FilterBroad) })
        {
            var smallest = instances.Select(i => query(i).IncludeTagIds.Min(t => columns.Postings[t].Count)).Order().ToList();
            var withBits = instances.Average(i => query(i).IncludeTagIds.Concat(query(i).ExcludeTagIds).Count(t => columns.Postings[t].Bits is not null));
            FacetParts(columns, instances.Select(query).ToList(), name);
            Console.Error.WriteLine($"{name}: smallest included tag median {smallest[smallest.Count / 2]}, max {smallest[^1]}; tags with bitsets {withBits:F1} of {query(instances[0]).IncludeTagIds.Count + query(instances[0]).ExcludeTagIds.Count}");
        }
        foreach (var (name, query) in new (string, Func<Instance, WorkQuery>)[] { ("ao3_filter", i => i.Ao3Filter), ("ao3_filter_broad", i => i.Ao3FilterBroad) })
        {
            foreach (var (variant, change) in new (string, Func<WorkQuery, WorkQuery>)[]
            {
                ("full", q => q),
                ("no facets", q => q with { FacetTypes = [] }),
                ("no facets, no words range", q => q with { FacetTypes = [], Words = default }),
                ("no facets, no words, not complete-only", q => q with { FacetTypes = [], Words = default, CompleteOnly = false }),
                ("no facets, tags alone", q => q with { FacetTypes = [], Words = default, CompleteOnly = false, ExcludeTagIds = [] }),
            })
            {
                var queries = instances.Select(i => change(query(i))).ToList();
                var total = 0L;
                foreach (var q in queries)
                {
                    total += index.Find(q, Viewer.Guest, ViewerFilters.None)!.Total;
                }
                var cpu = Process.GetCurrentProcess().TotalProcessorTime;
                var wall = Stopwatch.StartNew();
                for (var round = 0; round < Rounds; round++)
                {
                    foreach (var q in queries)
                    {
                        _ = index.Find(q, Viewer.Guest, ViewerFilters.None);
                    }
                }
                var n = Rounds * queries.Count;
                var cpuUs = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMicroseconds / n;
                Console.Error.WriteLine($"{name,-17} {variant,-40} cpu {cpuUs,8:F0} us/query, wall {wall.Elapsed.TotalMicroseconds / n,8:F0} us/query, mean matches {total / queries.Count}");
            }
        }
    }

    /// <summary>The facet step's parts on each instance's matches (tags, complete, words; as a guest sees them).</summary>
    private static void FacetParts(WorkColumns c, List<WorkQuery> queries, string name)
    {
        var matches = queries.Select(q =>
        {
            var includes = q.IncludeTagIds.Select(t => c.Postings[t]).OrderBy(p => p.Count).ToArray();
            var excludes = q.ExcludeTagIds.Select(t => c.Postings[t]).ToArray();
            var list = new List<int>();
            foreach (var slot in includes[0].Slots)
            {
                var flags = c.Flags[slot];
                if (includes.Skip(1).All(p => p.Contains(slot)) && !excludes.Any(p => p.Contains(slot))
                    && (flags & (WorkColumns.WorkFlags.Complete | WorkColumns.WorkFlags.Draft | WorkColumns.WorkFlags.Hidden | WorkColumns.WorkFlags.Restricted)) == WorkColumns.WorkFlags.Complete
                    && c.Words[slot] is >= 1000 and <= 50000)
                {
                    list.Add(slot);
                }
            }
            return list.ToArray();
        }).ToList();
        var counts = new int[c.TagTypes.Length];
        var distinct = 0L;
        long sum = 0;
        void Time(string part, Action<int[]> run)
        {
            foreach (var m in matches) { run(m); }
            var wall = Stopwatch.StartNew();
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            for (var round = 0; round < Rounds; round++)
            {
                foreach (var m in matches) { run(m); }
            }
            Console.Error.WriteLine($"{name,-17} facet part {part,-40} cpu {(Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMicroseconds / (Rounds * matches.Count),8:F0} us/query, wall {wall.Elapsed.TotalMicroseconds / (Rounds * matches.Count),8:F0}");
        }
        Time("read tag arrays", m => { foreach (var slot in m) { sum += c.FilterTags[slot].Length; } });
        Time("read tags", m => { foreach (var slot in m) { foreach (var t in c.FilterTags[slot]) { sum += t; } } });
        Time("count + clear", m =>
        {
            foreach (var slot in m) { foreach (var t in c.FilterTags[slot]) { counts[t]++; } }
            foreach (var slot in m) { foreach (var t in c.FilterTags[slot]) { counts[t] = 0; } }
        });
        Time("FacetCounter", m =>
        {
            var counter = new FacetCounter(c, Instance.AllTypes);
            foreach (var slot in m) { counter.Add(slot); }
            distinct += counter.Top().Count;
        });
        var d = matches.Select(m => m.SelectMany(s => c.FilterTags[s]).Distinct().Count()).Order().ToList();
        Console.Error.WriteLine($"{name,-17} matches median {matches.Select(m => m.Length).Order().ElementAt(matches.Count / 2)}, distinct tags median {d[d.Count / 2]}, counters {counts.Length} ({sum + distinct})");
    }
}
