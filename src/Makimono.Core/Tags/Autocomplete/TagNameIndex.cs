namespace Makimono.Tags.Autocomplete;

/// <summary>One tag as the index knows it; <see cref="Uses"/> counts the works anyone may see.</summary>
public sealed record IndexedTag(int Id, string Name, string NormalizedName, TagType Type, bool IsCanonical, int? MergerId, int Uses);

/// <summary>A suggestion: a synonym carries the name of its canonical tag.</summary>
public sealed record TagSuggestion(string Name, TagType Type, bool IsCanonical, string? CanonicalName, int Uses);

/// <summary>
/// An immutable in-memory index of tag names for autocomplete. Tags are stored in rank order (canonical tags, then
/// synonyms, then the rest; most used first), so a tag's position is its rank. Every start of a word in a
/// normalised name is a key, kept sorted, so a prefix is a binary search and a short scan.
/// </summary>
public sealed class TagNameIndex
{
    public const int MaxResults = 15;

    private readonly IndexedTag[] _tags;
    private readonly string?[] _canonicalNames;
    private readonly int[][] _fandoms;
    /// <summary>Each key is a tag's rank in the high 32 bits and the offset of a word start in its normalised name in the low.</summary>
    private readonly long[] _keys;
    private readonly Dictionary<string, int> _canonicalIdByName;
    /// <summary>
    /// For every prefix of up to <see cref="ShortPrefix"/> characters shared by more than <see cref="LongRange"/> keys,
    /// the ranks of its tags, best first: a one-letter term matches a tenth of all keys, and this lets it stop at the
    /// first fifteen that fit. Other terms scan at most about that many keys.
    /// </summary>
    private readonly Dictionary<string, int[]> _ranksByShortPrefix;

    private const int ShortPrefix = 6;
    private const int LongRange = 256;

    public static TagNameIndex Empty { get; } = Build([], []);

    public int Count => _tags.Length;

    private TagNameIndex(IndexedTag[] tags, string?[] canonicalNames, int[][] fandoms, long[] keys, Dictionary<string, int> canonicalIdByName)
    {
        _ranksByShortPrefix = ShortPrefixes(tags, keys);
        _tags = tags;
        _canonicalNames = canonicalNames;
        _fandoms = fandoms;
        _keys = keys;
        _canonicalIdByName = canonicalIdByName;
    }

    /// <param name="parentFandoms">Pairs of a canonical tag and one of its parent fandoms.</param>
    public static TagNameIndex Build(IReadOnlyList<IndexedTag> tags, IReadOnlyList<(int ChildId, int FandomId)> parentFandoms)
    {
        var byId = tags.ToDictionary(t => t.Id);
        // A canonical tag ranks by the use of its synonyms too: they all find the same works.
        var synonymUses = tags.Where(t => t.MergerId is not null).GroupBy(t => t.MergerId!.Value).ToDictionary(g => g.Key, g => g.Sum(t => t.Uses));
        var ranked = tags
            .Select(t => t.IsCanonical ? t with { Uses = t.Uses + synonymUses.GetValueOrDefault(t.Id) } : t)
            .OrderBy(t => t.IsCanonical ? 0 : t.MergerId is not null ? 1 : 2)
            .ThenByDescending(t => t.Uses)
            .ThenBy(t => t.Name, StringComparer.Ordinal)
            .ToArray();
        var fandomsOf = parentFandoms.GroupBy(p => p.ChildId).ToDictionary(g => g.Key, g => g.Select(p => p.FandomId).ToArray());
        var canonicalNames = new string?[ranked.Length];
        var fandoms = new int[ranked.Length][];
        var keys = new List<long>(ranked.Length * 3);
        for (var rank = 0; rank < ranked.Length; rank++)
        {
            var tag = ranked[rank];
            var canonical = tag.MergerId is { } mergerId && byId.TryGetValue(mergerId, out var merger) ? merger : null;
            canonicalNames[rank] = canonical?.Name;
            fandoms[rank] = fandomsOf.GetValueOrDefault(canonical?.Id ?? tag.Id, []);
            foreach (var start in WordStarts(tag.NormalizedName))
            {
                keys.Add(((long)rank << 32) | (uint)start);
            }
        }
        var keyArray = keys.ToArray();
        Array.Sort(keyArray, (a, b) => KeyText(ranked, a).SequenceCompareTo(KeyText(ranked, b)));
        var canonicalIdByName = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var tag in ranked.Where(t => t.IsCanonical || t.MergerId is not null))
        {
            canonicalIdByName.TryAdd(tag.NormalizedName, tag.MergerId ?? tag.Id);
        }
        return new TagNameIndex(ranked, canonicalNames, fandoms, keyArray, canonicalIdByName);
    }

    /// <summary>
    /// Up to <see cref="MaxResults"/> tags whose name, or a word in it, starts with <paramref name="term"/>.
    /// With <paramref name="fandomNames"/>, tags that belong to other fandoms are left out (tags without a fandom stay).
    /// </summary>
    public List<TagSuggestion> Find(string term, TagType? type = null, IEnumerable<string>? fandomNames = null)
    {
        var prefix = TagName.Normalize(term);
        if (prefix.Length == 0)
        {
            return [];
        }
        var fandomIds = fandomNames?.Select(n => _canonicalIdByName.GetValueOrDefault(TagName.Normalize(n))).Where(id => id != 0).ToHashSet();
        var best = new List<int>(MaxResults + 1);
        if (_ranksByShortPrefix.TryGetValue(prefix, out var ranked))
        {
            foreach (var rank in ranked)
            {
                if (Fits(rank, type, fandomIds))
                {
                    best.Add(rank);
                    if (best.Count == MaxResults)
                    {
                        break;
                    }
                }
            }
            return Suggestions(best);
        }
        for (var i = LowerBound(prefix); i < _keys.Length && KeyText(_tags, _keys[i]).StartsWith(prefix, StringComparison.Ordinal); i++)
        {
            var rank = (int)(_keys[i] >> 32);
            if (best.Count == MaxResults && rank > best[^1])
            {
                continue;
            }
            if (!Fits(rank, type, fandomIds))
            {
                continue;
            }
            var at = best.BinarySearch(rank);
            if (at < 0)
            {
                best.Insert(~at, rank);
                if (best.Count > MaxResults)
                {
                    best.RemoveAt(MaxResults);
                }
            }
        }
        return Suggestions(best);
    }

    private List<TagSuggestion> Suggestions(List<int> ranks) =>
        ranks.ConvertAll(rank => new TagSuggestion(_tags[rank].Name, _tags[rank].Type, _tags[rank].IsCanonical, _canonicalNames[rank], _tags[rank].Uses));

    private bool Fits(int rank, TagType? type, HashSet<int>? fandomIds)
    {
        var tag = _tags[rank];
        if (type is { } wanted && tag.Type != wanted)
        {
            return false;
        }
        if (fandomIds is not { Count: > 0 } || tag.Type == TagType.Fandom || _fandoms[rank].Length == 0)
        {
            return true;
        }
        foreach (var fandom in _fandoms[rank])
        {
            if (fandomIds.Contains(fandom))
            {
                return true;
            }
        }
        return false;
    }

    private static Dictionary<string, int[]> ShortPrefixes(IndexedTag[] tags, long[] keys)
    {
        var ranksByPrefix = new Dictionary<string, int[]>(StringComparer.Ordinal);
        for (var length = 1; length <= ShortPrefix; length++)
        {
            // Keys are sorted, so the keys sharing a prefix are neighbours.
            for (var start = 0; start < keys.Length;)
            {
                var text = KeyText(tags, keys[start]);
                if (text.Length < length)
                {
                    start++;
                    continue;
                }
                var prefix = text[..length];
                var end = start + 1;
                while (end < keys.Length && KeyText(tags, keys[end]).StartsWith(prefix, StringComparison.Ordinal))
                {
                    end++;
                }
                if (end - start <= LongRange)
                {
                    start = end;
                    continue;
                }
                var ranks = new int[end - start];
                for (var i = start; i < end; i++)
                {
                    ranks[i - start] = (int)(keys[i] >> 32);
                }
                Array.Sort(ranks);
                ranksByPrefix[prefix.ToString()] = ranks.Distinct().ToArray();
                start = end;
            }
        }
        return ranksByPrefix;
    }

    private int LowerBound(string prefix)
    {
        int low = 0, high = _keys.Length;
        while (low < high)
        {
            var middle = low + ((high - low) / 2);
            if (KeyText(_tags, _keys[middle]).SequenceCompareTo(prefix) < 0)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }
        return low;
    }

    private static ReadOnlySpan<char> KeyText(IndexedTag[] tags, long key) => tags[(int)(key >> 32)].NormalizedName.AsSpan((int)(uint)key);

    /// <summary>The start of the name and of every word after a space or a separator: "kak" finds "hatake kakashi" and "iruka/kakashi".</summary>
    internal static IEnumerable<int> WordStarts(string normalizedName)
    {
        for (var i = 0; i < normalizedName.Length; i++)
        {
            if (i == 0 || (char.IsLetterOrDigit(normalizedName[i]) && !char.IsLetterOrDigit(normalizedName[i - 1])))
            {
                yield return i;
            }
        }
    }
}
