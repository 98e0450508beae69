namespace Makimono.Tags.Suggestions;

/// <summary>
/// The two names mentioned nearest to each of a run of ascending positions (the romantic cues of a story),
/// by one forward walk of each name's mentions instead of a search per cue.
/// </summary>
internal sealed class NearestMentions(IReadOnlyList<string> names, List<int>[] mentions)
{
    /// <summary>How far a cue may be from a name to count for it: about a paragraph of dialogue.</summary>
    public const int Reach = 300;

    /// <summary>For each name, its first mention at or after the last position asked about.</summary>
    private readonly int[] next = new int[names.Count];

    private int lastPosition = -1;

    /// <summary>
    /// The indexes of the two names nearest to <paramref name="position"/>, both within <see cref="Reach"/>, the
    /// nearer first (of names as near, the first in ordinal order), or null. Positions must come in ascending order.
    /// </summary>
    /// <param name="paragraphEnd">
    /// Where the cue's paragraph ends: a name after the cue counts only before it. "Kissed her" looks back for who
    /// "her" is; a name in the next paragraph starts another scene.
    /// </param>
    public (int, int)? Two(int position, int paragraphEnd = int.MaxValue)
    {
        if (position < lastPosition)
        {
            throw new ArgumentException("Positions must be asked about in ascending order.", nameof(position));
        }
        lastPosition = position;
        var (first, firstDistance, second, secondDistance) = (-1, int.MaxValue, -1, int.MaxValue);
        for (var n = 0; n < mentions.Length; n++)
        {
            var positions = mentions[n];
            var i = next[n];
            while (i < positions.Count && positions[i] < position)
            {
                i++;
            }
            next[n] = i;
            var distance = Math.Min(i < positions.Count && positions[i] < paragraphEnd ? positions[i] - position : int.MaxValue, i > 0 ? position - positions[i - 1] : int.MaxValue);
            if (distance > Reach)
            {
                continue;
            }
            if (Nearer(n, distance, first, firstDistance))
            {
                (second, secondDistance) = (first, firstDistance);
                (first, firstDistance) = (n, distance);
            }
            else if (Nearer(n, distance, second, secondDistance))
            {
                (second, secondDistance) = (n, distance);
            }
        }
        return second >= 0 ? (first, second) : null;
    }

    private bool Nearer(int name, int distance, int other, int otherDistance) =>
        other < 0 || distance < otherDistance || (distance == otherDistance && string.CompareOrdinal(names[name], names[other]) < 0);
}
