namespace Makimono.Search.Index;

/// <summary>
/// A large tag's works already in the order of one sort, so that page 1 of its tag page (and page 500) reads the next
/// works off the list instead of ordering up to 200,000 matches per view. Each list is built on first use and stays as
/// it is; a work that changes after that is marked stale: readers skip stale slots in the lists and order the stale
/// works themselves (<see cref="StaleSlots"/>, kept small). Once many works are stale, <see cref="Reset"/> drops the
/// lists and the marks, and the lists are built again on use. Written under the index's write lock; built under the
/// read lock, guarded by their own lock.
/// </summary>
internal sealed class TagOrders(WorkColumns c)
{
    public const int Capacity = 256;
    /// <summary>Past this many stale works, every reader would pay for them: time to rebuild the lists.</summary>
    public const int StaleLimit = 2048;

    private readonly Dictionary<(int Tag, WorkSort Sort), (int[] Slots, long LastUsed)> _orders = [];
    private ulong[] _stale = [];
    private readonly List<int> _staleSlots = [];
    private long _uses;

    public IReadOnlyList<int> StaleSlots => _staleSlots;

    public bool IsStale(int slot) => slot >> 6 < _stale.Length && (_stale[slot >> 6] & (1UL << slot)) != 0;

    public bool NeedsReset => _staleSlots.Count > StaleLimit;

    /// <summary>A work changed or arrived: its place in the built lists may be wrong now.</summary>
    public void MarkStale(int slot)
    {
        if (_orders.Count == 0 || IsStale(slot))
        {
            return;
        }
        if (slot >> 6 >= _stale.Length)
        {
            Array.Resize(ref _stale, Math.Max((slot >> 6) + 1, _stale.Length * 2));
        }
        _stale[slot >> 6] |= 1UL << slot;
        _staleSlots.Add(slot);
    }

    public void Reset()
    {
        _orders.Clear();
        Array.Clear(_stale);
        _staleSlots.Clear();
    }

    /// <summary>
    /// The tag's slots in ascending <paramref name="order"/> (walk it backwards for descending), built when missing;
    /// with no posting list, every work's (<see cref="TagSummaries.AllWorks"/>).
    /// </summary>
    public int[] Get(int tag, TagPostings? postings, SortOrder order)
    {
        lock (_orders)
        {
            if (_orders.TryGetValue((tag, order.Sort), out var found))
            {
                _orders[(tag, order.Sort)] = (found.Slots, ++_uses);
                return found.Slots;
            }
            if (_orders.Count >= Capacity)
            {
                _orders.Remove(_orders.MinBy(o => o.Value.LastUsed).Key);
            }
            var slots = Build(postings, order);
            _orders[(tag, order.Sort)] = (slots, ++_uses);
            return slots;
        }
    }

    private int[] Build(TagPostings? postings, SortOrder order)
    {
        var slots = postings is null ? Enumerable.Range(0, c.Count).ToArray() : postings.Slots.ToArray();
        if (order.Numeric)
        {
            var keys = new long[slots.Length];
            for (var i = 0; i < slots.Length; i++)
            {
                keys[i] = order.Number(slots[i]);
            }
            Array.Sort(keys, slots);
            // Equal values are ordered by work id, as every order ends.
            for (var start = 0; start < slots.Length;)
            {
                var end = start + 1;
                while (end < slots.Length && keys[end] == keys[start])
                {
                    end++;
                }
                if (end - start > 1)
                {
                    Array.Sort(slots, start, end - start, Comparer<int>.Create((a, b) => c.WorkId[a].CompareTo(c.WorkId[b])));
                }
                start = end;
            }
        }
        else
        {
            Array.Sort(slots, order.Ascending);
        }
        return slots;
    }
}
