namespace Makimono.Search.Index;

/// <summary>The works (by slot) a full-text query matched, with their relevance scores.</summary>
internal sealed class TextHits(int capacity)
{
    public readonly ulong[] Bits = new ulong[(capacity + 63) >> 6];
    public readonly List<int> Slots = [];
    public readonly Dictionary<int, float> Scores = [];

    public void Add(int slot, float score)
    {
        if ((Bits[slot >> 6] & (1UL << slot)) == 0)
        {
            Bits[slot >> 6] |= 1UL << slot;
            Slots.Add(slot);
        }
        Scores[slot] = Math.Max(score, Scores.GetValueOrDefault(slot));
    }

    public bool Contains(int slot) => slot >> 6 < Bits.Length && (Bits[slot >> 6] & (1UL << slot)) != 0;
}
