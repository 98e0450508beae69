namespace Makimono.Search.Index;

/// <summary>
/// The slots of the works that filter on one tag, sorted. A tag on many works also keeps a bitset, so that testing a
/// work against it is one memory read: that is what makes excludes, blocklists and second includes cheap at a million
/// works. Rare tags answer by binary search, which costs little and saves a bitset per tag (200,000 tags).
/// </summary>
internal sealed class TagPostings
{
    private int[] _slots = new int[4];

    public int Count { get; private set; }

    public ulong[]? Bits { get; private set; }

    public ReadOnlySpan<int> Slots => _slots.AsSpan(0, Count);

    public void Add(int slot)
    {
        if (Count > 0 && _slots[Count - 1] >= slot)
        {
            var at = Array.BinarySearch(_slots, 0, Count, slot);
            if (at >= 0)
            {
                return;
            }
            Insert(~at, slot);
        }
        else
        {
            Insert(Count, slot);
        }
        if (Bits is { } bits)
        {
            SetBit(ref bits, slot);
            Bits = bits;
        }
    }

    private void Insert(int at, int slot)
    {
        if (Count == _slots.Length)
        {
            Array.Resize(ref _slots, _slots.Length * 2);
        }
        Array.Copy(_slots, at, _slots, at + 1, Count - at);
        _slots[at] = slot;
        Count++;
    }

    public void Remove(int slot)
    {
        var at = Array.BinarySearch(_slots, 0, Count, slot);
        if (at < 0)
        {
            return;
        }
        Array.Copy(_slots, at + 1, _slots, at, Count - at - 1);
        Count--;
        if (Bits is { } bits && slot >> 6 < bits.Length)
        {
            bits[slot >> 6] &= ~(1UL << slot);
        }
    }

    public bool Contains(int slot)
    {
        if (Bits is { } bits)
        {
            return slot >> 6 < bits.Length && (bits[slot >> 6] & (1UL << slot)) != 0;
        }
        return Array.BinarySearch(_slots, 0, Count, slot) >= 0;
    }

    /// <summary>Keeps a bitset when the tag is on at least <paramref name="threshold"/> works.</summary>
    public void UpdateBits(int threshold, int capacity)
    {
        if (Count < threshold)
        {
            Bits = null;
            return;
        }
        var bits = new ulong[(capacity + 63) >> 6];
        foreach (var slot in Slots)
        {
            bits[slot >> 6] |= 1UL << slot;
        }
        Bits = bits;
    }

    private static void SetBit(ref ulong[] bits, int slot)
    {
        if (slot >> 6 >= bits.Length)
        {
            Array.Resize(ref bits, Math.Max(bits.Length * 2, (slot >> 6) + 1));
        }
        bits[slot >> 6] |= 1UL << slot;
    }
}
