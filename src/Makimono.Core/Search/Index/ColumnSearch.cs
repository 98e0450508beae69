using System.Numerics;
using Makimono.Tags;
using Makimono.Works;

namespace Makimono.Search.Index;

/// <summary>
/// Answers a <see cref="WorkQuery"/> from the columns: the smallest candidate set (an included tag's posting list,
/// the full-text hits, or every work) is walked once, each candidate is checked against access, the other tags and
/// the other filters, and the survivors are counted, counted into facets and kept in a bounded heap for the page.
/// </summary>
internal static class ColumnSearch
{
    public static WorkQueryResult Run(WorkColumns c, WorkQuery query, AccessFilter access, ViewerFilters viewer, TextHits? text)
    {
        var includes = new List<TagPostings>();
        foreach (var id in query.IncludeTagIds.Distinct())
        {
            if (c.Postings.GetValueOrDefault(id) is not { Count: > 0 } postings)
            {
                return Empty(query);
            }
            includes.Add(postings);
        }
        includes.Sort((a, b) => a.Count.CompareTo(b.Count));
        var excludes = query.ExcludeTagIds.Distinct().Select(c.Postings.GetValueOrDefault).OfType<TagPostings>().ToArray();
        var blocked = viewer.BlockedTagIds.Select(c.Postings.GetValueOrDefault).OfType<TagPostings>().ToArray();
        if (TagListing.TryRun(c, query, access, viewer, text, includes, excludes, blocked) is { } tagPage)
        {
            return tagPage;
        }
        var filter = new Filter(c, query, access, viewer, text, excludes, blocked);

        var order = new SortOrder(c, query.Sort, query.Descending, text);
        var cursor = query.After is { } after ? order.Read(after) : null;
        var isAfter = cursor is null ? null : order.After(cursor);
        var skip = cursor is null ? query.Offset : 0;
        var keep = skip + WorkQuery.PageSize;
        var heap = new PriorityQueue<int, int>(Comparer<int>.Create((a, b) => order.Compare(b, a)));
        var facets = query.FacetTypes.Count > 0 ? new FacetCounter(c, query.FacetTypes) : null;
        var total = 0;
        var hidden = 0;
        var afterCount = 0;

        void Consider(int slot)
        {
            switch (filter.Check(slot))
            {
                case Outcome.No:
                    return;
                case Outcome.HiddenByViewer:
                    hidden++;
                    return;
            }
            total++;
            facets?.Add(slot);
            if (isAfter is not null && !isAfter(slot))
            {
                return;
            }
            afterCount++;
            if (heap.Count < keep)
            {
                heap.Enqueue(slot, slot);
            }
            else if (order.Compare(slot, heap.Peek()) < 0)
            {
                heap.DequeueEnqueue(slot, slot);
            }
        }

        if (query.WorkIds is { } scope)
        {
            // A scope (a user's bookmarks, a history) is small: walk its slots, in slot order as the other walks do.
            var all = includes.ToArray();
            foreach (var slot in scope.Select(c.SlotOf).Where(s => s >= 0).Distinct().Order())
            {
                if (AllContain(all, slot))
                {
                    Consider(slot);
                }
            }
        }
        else if (includes.Count > 1 && (text is null || includes[0].Count <= text.Slots.Count) && DenseBits(includes) is { } bits)
        {
            // Every included tag has a bitset and the smallest is dense: AND them 64 works at a time over the smallest
            // one's span, reading the bitsets in order, instead of probing the others' bitsets once per work.
            var last = includes[0].Slots[^1] >> 6;
            for (var w = includes[0].Slots[0] >> 6; w <= last; w++)
            {
                var word = ulong.MaxValue;
                foreach (var b in bits)
                {
                    word &= w < b.Length ? b[w] : 0;
                    if (word == 0)
                    {
                        break;
                    }
                }
                while (word != 0)
                {
                    Consider((w << 6) | BitOperations.TrailingZeroCount(word));
                    word &= word - 1;
                }
            }
        }
        else if (includes.Count > 0 && (text is null || includes[0].Count <= text.Slots.Count))
        {
            var others = includes.Skip(1).ToArray();
            foreach (var slot in includes[0].Slots)
            {
                if (AllContain(others, slot))
                {
                    Consider(slot);
                }
            }
        }
        else if (text is not null)
        {
            var all = includes.ToArray();
            foreach (var slot in text.Slots)
            {
                if (AllContain(all, slot))
                {
                    Consider(slot);
                }
            }
        }
        else
        {
            for (var slot = 0; slot < c.Count; slot++)
            {
                Consider(slot);
            }
        }

        var page = new List<int>(heap.Count);
        while (heap.Count > 0)
        {
            page.Add(heap.Dequeue());
        }
        page.Reverse();
        var shown = page.Skip(skip).ToList();
        var hasMore = afterCount > keep;
        return new WorkQueryResult(
            shown.Select(s => c.WorkId[s]).ToList(),
            total,
            facets?.Top() ?? new Dictionary<TagType, IReadOnlyList<FacetCount>>(),
            hasMore && shown.Count > 0 ? order.CursorOf(shown[^1]) : null,
            hidden);
    }

    /// <summary>
    /// The included tags' bitsets, smallest tag first, when each has one and the smallest tag's works fill at least a
    /// quarter of the 64-work words of its span: then reading the words in order beats probing per work.
    /// </summary>
    private static ulong[][]? DenseBits(List<TagPostings> includes)
    {
        var bits = new ulong[includes.Count][];
        for (var i = 0; i < includes.Count; i++)
        {
            if (includes[i].Bits is not { } b)
            {
                return null;
            }
            bits[i] = b;
        }
        var slots = includes[0].Slots;
        var words = (slots[^1] >> 6) - (slots[0] >> 6) + 1;
        return slots.Length * 4L >= words ? bits : null;
    }

    private static bool AllContain(TagPostings[] postings, int slot)
    {
        foreach (var p in postings)
        {
            if (!p.Contains(slot))
            {
                return false;
            }
        }
        return true;
    }

    private static WorkQueryResult Empty(WorkQuery query) => new(
        [], 0, query.FacetTypes.Distinct().ToDictionary(t => t, IReadOnlyList<FacetCount> (_) => []), null, 0);

    private enum Outcome { No, Yes, HiddenByViewer }

    private sealed class Filter(
        WorkColumns c, WorkQuery q, AccessFilter access, ViewerFilters viewer, TextHits? text, TagPostings[] excludes, TagPostings[] blocked)
    {
        private readonly int _wordsMin = q.Words.Min ?? int.MinValue, _wordsMax = q.Words.Max ?? int.MaxValue;
        private readonly int _kudosMin = q.Kudos.Min ?? int.MinValue, _kudosMax = q.Kudos.Max ?? int.MaxValue;
        private readonly int _hitsMin = q.Hits.Min ?? int.MinValue, _hitsMax = q.Hits.Max ?? int.MaxValue;
        private readonly int _commentsMin = q.Comments.Min ?? int.MinValue, _commentsMax = q.Comments.Max ?? int.MaxValue;
        private readonly int _bookmarksMin = q.Bookmarks.Min ?? int.MinValue, _bookmarksMax = q.Bookmarks.Max ?? int.MaxValue;
        private readonly int _postedMin = q.Posted.Min?.DayNumber ?? int.MinValue, _postedMax = q.Posted.Max?.DayNumber ?? int.MaxValue;
        private readonly long _updatedMin = q.Updated.Min?.ToDateTime(TimeOnly.MinValue).Ticks ?? long.MinValue;
        private readonly long _updatedMax = q.Updated.Max?.AddDays(1).ToDateTime(TimeOnly.MinValue).Ticks - 1 ?? long.MaxValue;
        private readonly short _language = q.Language is { Length: > 0 } language
            ? c.Languages.GetValueOrDefault(language, (short)-1) : (short)0;
        private readonly WorkColumns.WorkFlags _required =
            WorkColumns.WorkFlags.Live
            | (q.Completion == CompletionFilter.Complete ? WorkColumns.WorkFlags.Complete : 0)
            | (q.SingleChapterOnly ? WorkColumns.WorkFlags.SingleChapter : 0)
            | (q.Crossovers == CrossoverFilter.Only ? WorkColumns.WorkFlags.Crossover : 0);
        private readonly bool _words = q.Words != default, _kudos = q.Kudos != default, _hits = q.Hits != default,
            _comments = q.Comments != default, _bookmarks = q.Bookmarks != default, _posted = q.Posted != default, _updated = q.Updated != default;
        private readonly bool _checkText = text is not null;
        private readonly bool _muting = viewer.MutedUserIds.Count > 0;

        public Outcome Check(int slot)
        {
            var flags = c.Flags[slot];
            if ((flags & _required) != _required
                || (q.Crossovers == CrossoverFilter.Exclude && (flags & WorkColumns.WorkFlags.Crossover) != 0)
                || (q.Completion == CompletionFilter.InProgress && (flags & WorkColumns.WorkFlags.Complete) != 0)
                || !Visible(flags, slot))
            {
                return Outcome.No;
            }
            // Only the ranges the query sets are read: each column is another memory read per candidate.
            if ((_words && (c.Words[slot] < _wordsMin || c.Words[slot] > _wordsMax))
                || (_kudos && (c.Kudos[slot] < _kudosMin || c.Kudos[slot] > _kudosMax))
                || (_hits && (c.Hits[slot] < _hitsMin || c.Hits[slot] > _hitsMax))
                || (_comments && (c.Comments[slot] < _commentsMin || c.Comments[slot] > _commentsMax))
                || (_bookmarks && (c.Bookmarks[slot] < _bookmarksMin || c.Bookmarks[slot] > _bookmarksMax))
                || (_posted && (c.Posted[slot] < _postedMin || c.Posted[slot] > _postedMax))
                || (_updated && (c.Updated[slot] < _updatedMin || c.Updated[slot] > _updatedMax))
                || (_language != 0 && c.Language[slot] != _language))
            {
                return Outcome.No;
            }
            foreach (var exclude in excludes)
            {
                if (exclude.Contains(slot))
                {
                    return Outcome.No;
                }
            }
            if (_checkText && !text!.Contains(slot))
            {
                return Outcome.No;
            }
            if ((q.CreatorUserId is int user && Array.IndexOf(c.CreatorUsers[slot], user) < 0)
                || (q.CreatorPseudId is int pseud && Array.IndexOf(c.Pseuds[slot], pseud) < 0)
                || (q.SeriesId is int series && Array.IndexOf(c.Series[slot], series) < 0))
            {
                return Outcome.No;
            }
            foreach (var block in blocked)
            {
                if (block.Contains(slot))
                {
                    return Outcome.HiddenByViewer;
                }
            }
            if (_muting)
            {
                foreach (var creator in c.CreatorUsers[slot])
                {
                    if (viewer.MutedUserIds.Contains(creator))
                    {
                        return Outcome.HiddenByViewer;
                    }
                }
            }
            return Outcome.Yes;
        }

        /// <summary><see cref="AccessFilter.Allows"/> on the columns' terms: posted with every flag allowed, or the viewer's own.</summary>
        private bool Visible(WorkColumns.WorkFlags flags, int slot) =>
            ((flags & WorkColumns.WorkFlags.Draft) == 0
                && (access.HiddenAllowed || (flags & WorkColumns.WorkFlags.Hidden) == 0)
                && (access.RestrictedAllowed || (flags & WorkColumns.WorkFlags.Restricted) == 0))
            || (access.CreatorUserId is int userId && Array.IndexOf(c.CreatorUsers[slot], userId) >= 0);
    }
}
