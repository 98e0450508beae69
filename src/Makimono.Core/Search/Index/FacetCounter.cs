using System.Buffers;
using System.Collections.Concurrent;
using Makimono.Tags;

namespace Makimono.Search.Index;

/// <summary>
/// Counts the filter tags of a query's matching works, then picks each asked type's top
/// <see cref="WorkQuery.FacetSize"/> tags, ordered as every facet list is: more works first, then the lower tag id.
/// </summary>
/// <remarks>
/// Why this shape: a broad AO3 filter matches a few thousand works with about 17 filter tags each, spread over up to
/// 200,000 tags, so counting is some 50,000 increments of a counter per tag id, which is cheap. What must not cost is
/// everything around the increments: the counters come from a pool of arrays that are always handed back zeroed (only
/// the counters the query touched are reset, not all 200,000), and the top tags are picked in one pass over the
/// touched tags with a ten-place insertion list per type, instead of an object per tag and a sort of each type's tags.
/// So a query costs in proportion to its matches' tags, whatever the archive's size.
/// </remarks>
internal sealed class FacetCounter
{
    /// <summary>Counter arrays, each all zeros; one per query running at the same moment.</summary>
    private static readonly ConcurrentBag<int[]> Zeroed = [];

    private const int Size = WorkQuery.FacetSize;

    private readonly WorkColumns _c;
    private readonly IReadOnlyList<TagType> _types;
    private readonly int[] _counts;
    private int[] _touched = ArrayPool<int>.Shared.Rent(4096);
    private int _touchedCount;

    public FacetCounter(WorkColumns c, IReadOnlyList<TagType> types)
    {
        _c = c;
        _types = types;
        // A pooled array shorter than today's tag ids (tags created since) is dropped for a new one.
        _counts = Zeroed.TryTake(out var counts) && counts.Length >= c.TagTypes.Length ? counts : new int[c.TagTypes.Length];
    }

    public void Add(int slot)
    {
        var counts = _counts;
        foreach (var tag in _c.FilterTags[slot])
        {
            if (counts[tag]++ == 0)
            {
                if (_touchedCount == _touched.Length)
                {
                    GrowTouched();
                }
                _touched[_touchedCount++] = tag;
            }
        }
    }

    private void GrowTouched()
    {
        var bigger = ArrayPool<int>.Shared.Rent(_touched.Length * 2);
        Array.Copy(_touched, bigger, _touchedCount);
        ArrayPool<int>.Shared.Return(_touched);
        _touched = bigger;
    }

    /// <summary>Each asked type's top tags; the counter is spent afterwards (its counters go back to the pool zeroed).</summary>
    public Dictionary<TagType, IReadOnlyList<FacetCount>> Top()
    {
        var wanted = new bool[16];
        foreach (var type in _types)
        {
            wanted[(int)type] = true;
        }
        // Per type, its best tags so far in order, in places [type * Size, type * Size + kept[type]).
        var topTags = new int[16 * Size];
        var topCounts = new int[16 * Size];
        var kept = new int[16];
        var counts = _counts;
        var tagTypes = _c.TagTypes;
        for (var i = 0; i < _touchedCount; i++)
        {
            var tag = _touched[i];
            var count = counts[tag];
            counts[tag] = 0;
            var type = (int)tagTypes[tag];
            if (!wanted[type])
            {
                continue;
            }
            var first = type * Size;
            var n = kept[type];
            if (n == Size && !Before(count, tag, topCounts[first + Size - 1], topTags[first + Size - 1]))
            {
                continue;
            }
            // Shift the tags it beats one place down (the last one falls off a full list) and put it in the gap.
            var at = n < Size ? n : Size - 1;
            while (at > 0 && Before(count, tag, topCounts[first + at - 1], topTags[first + at - 1]))
            {
                topCounts[first + at] = topCounts[first + at - 1];
                topTags[first + at] = topTags[first + at - 1];
                at--;
            }
            topCounts[first + at] = count;
            topTags[first + at] = tag;
            kept[type] = Math.Min(n + 1, Size);
        }
        _touchedCount = 0;
        Zeroed.Add(counts);
        ArrayPool<int>.Shared.Return(_touched);
        _touched = [];

        var facets = new Dictionary<TagType, IReadOnlyList<FacetCount>>(_types.Count);
        foreach (var type in _types)
        {
            var first = (int)type * Size;
            var list = new FacetCount[kept[(int)type]];
            for (var i = 0; i < list.Length; i++)
            {
                list[i] = new FacetCount(topTags[first + i], topCounts[first + i]);
            }
            facets[type] = list;
        }
        return facets;
    }

    private static bool Before(int count, int tag, int otherCount, int otherTag) =>
        count > otherCount || (count == otherCount && tag < otherTag);
}
