using System.Buffers;
using Makimono.Tags;

namespace Makimono.Search.Index;

/// <summary>
/// For a large tag, per access class, how many works carry it and how many of those carry each other filter tag: the
/// total and sidebar of a plain tag page, which would otherwise count every tag of up to 200,000 works on each view.
/// Built on a tag page's first view, then kept exact by <see cref="WorkColumns"/>, which calls <see cref="Remove"/>
/// with a work's old state and <see cref="Add"/> with its new one on every change (under the index's write lock).
/// Searches read it under the read lock, so building and the cached top lists are guarded by their own lock.
/// </summary>
internal sealed class TagSummaries(WorkColumns c)
{
    /// <summary>At most this many summaries are kept; a new one past it replaces the least recently used.</summary>
    public const int Capacity = 512;

    /// <summary>The four access classes: whether hidden works and restricted works are visible (drafts never are).</summary>
    public static int ClassOf(bool hiddenAllowed, bool restrictedAllowed) => (hiddenAllowed ? 1 : 0) | (restrictedAllowed ? 2 : 0);

    public static bool Visible(WorkColumns.WorkFlags flags, int accessClass) =>
        (flags & (WorkColumns.WorkFlags.Live | WorkColumns.WorkFlags.Draft)) == WorkColumns.WorkFlags.Live
        && ((accessClass & 1) != 0 || (flags & WorkColumns.WorkFlags.Hidden) == 0)
        && ((accessClass & 2) != 0 || (flags & WorkColumns.WorkFlags.Restricted) == 0);

    internal sealed class Summary
    {
        public int Total;
        public readonly Dictionary<int, int> Counts = [];
        /// <summary>The top tags of every type, or null after a change until the next reader needs them.</summary>
        public FacetCount[]?[]? Top;
        public long LastUsed;
    }

    private readonly Dictionary<(int Tag, int Class), Summary> _summaries = [];
    private long _uses;

    public int Count => _summaries.Count;

    /// <summary>The key of the summary of every work (the home page's listing), beside the tags' ids.</summary>
    public const int AllWorks = -1;

    /// <summary>
    /// The summary of <paramref name="tag"/> for one access class, built from its posting list when missing; with no
    /// posting list, the summary of every work (<see cref="AllWorks"/>).
    /// </summary>
    public Summary Get(int tag, TagPostings? postings, int accessClass)
    {
        lock (_summaries)
        {
            if (!_summaries.TryGetValue((tag, accessClass), out var summary))
            {
                if (_summaries.Count >= Capacity)
                {
                    _summaries.Remove(_summaries.MinBy(s => s.Value.LastUsed).Key);
                }
                _summaries[(tag, accessClass)] = summary = Build(postings, accessClass);
            }
            summary.LastUsed = ++_uses;
            return summary;
        }
    }

    private Summary Build(TagPostings? postings, int accessClass)
    {
        var summary = new Summary();
        var counts = ArrayPool<int>.Shared.Rent(c.TagTypes.Length);
        Array.Clear(counts, 0, c.TagTypes.Length);
        var touched = new List<int>();
        var slots = postings is null ? null : postings.Slots.ToArray();
        for (var i = 0; i < (slots?.Length ?? c.Count); i++)
        {
            var slot = slots?[i] ?? i;
            if (!Visible(c.Flags[slot], accessClass))
            {
                continue;
            }
            summary.Total++;
            foreach (var tag in c.FilterTags[slot])
            {
                if (counts[tag]++ == 0)
                {
                    touched.Add(tag);
                }
            }
        }
        summary.Counts.EnsureCapacity(touched.Count);
        foreach (var tag in touched)
        {
            summary.Counts[tag] = counts[tag];
        }
        ArrayPool<int>.Shared.Return(counts);
        return summary;
    }

    /// <summary>The top <see cref="WorkQuery.FacetSize"/> tags of each asked type, ordered as every facet count is (count, then id).</summary>
    public Dictionary<TagType, IReadOnlyList<FacetCount>> Facets(Summary summary, IReadOnlyList<TagType> types)
    {
        FacetCount[]?[] top;
        lock (_summaries)
        {
            top = summary.Top ??= TopOf(summary);
        }
        var facets = new Dictionary<TagType, IReadOnlyList<FacetCount>>(types.Count);
        foreach (var type in types)
        {
            facets[type] = (int)type < top.Length && top[(int)type] is { } list ? list : [];
        }
        return facets;
    }

    private FacetCount[]?[] TopOf(Summary summary)
    {
        var byType = new List<FacetCount>?[16];
        foreach (var (tag, count) in summary.Counts)
        {
            var type = (int)c.TagTypes[tag];
            (byType[type] ??= []).Add(new FacetCount(tag, count));
        }
        var top = new FacetCount[]?[byType.Length];
        for (var type = 0; type < byType.Length; type++)
        {
            if (byType[type] is { } list)
            {
                list.Sort(static (a, b) => a.Count != b.Count ? b.Count.CompareTo(a.Count) : a.TagId.CompareTo(b.TagId));
                top[type] = list.Take(WorkQuery.FacetSize).ToArray();
            }
        }
        return top;
    }

    /// <summary>A tag's type changed (wrangling): every cached top list may have it in the wrong place.</summary>
    public void ForgetTops()
    {
        foreach (var summary in _summaries.Values)
        {
            summary.Top = null;
        }
    }

    /// <summary>Takes a work's current state out of the summaries of its tags (before it changes or goes).</summary>
    public void Remove(int slot) => Change(slot, -1);

    /// <summary>Counts a work's current state into the summaries of its tags (after it changed or arrived).</summary>
    public void Add(int slot) => Change(slot, +1);

    private void Change(int slot, int by)
    {
        if (_summaries.Count == 0)
        {
            return;
        }
        var flags = c.Flags[slot];
        var tags = c.FilterTags[slot];
        for (var accessClass = 0; accessClass < 4; accessClass++)
        {
            if (!Visible(flags, accessClass))
            {
                continue;
            }
            ChangeSummary(AllWorks, accessClass, tags, by);
            foreach (var tag in tags)
            {
                ChangeSummary(tag, accessClass, tags, by);
            }
        }
    }

    private void ChangeSummary(int key, int accessClass, int[] tags, int by)
    {
        if (!_summaries.TryGetValue((key, accessClass), out var summary))
        {
            return;
        }
        summary.Total += by;
        summary.Top = null;
        foreach (var tag in tags)
        {
            var count = summary.Counts.GetValueOrDefault(tag) + by;
            if (count == 0)
            {
                summary.Counts.Remove(tag);
            }
            else
            {
                summary.Counts[tag] = count;
            }
        }
    }
}
