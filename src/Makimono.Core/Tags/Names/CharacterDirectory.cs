namespace Makimono.Tags.Names;

/// <summary>A canonical character tag a written name resolved to, and why, in words a wrangler or author can check.</summary>
public sealed record CharacterMatch(int TagId, string Name, string Reason);

/// <summary>
/// The canonical characters of a fandom with their synonyms, for resolving the names people write:
/// an exact name or synonym first, then name parts ("Kakashi" is a part of "Hatake Kakashi") when only
/// one character fits. Built in memory so the same rules serve wrangling pages, import and the quality test.
/// </summary>
public sealed class CharacterDirectory
{
    private readonly Dictionary<string, (int Id, string Synonym)> _byName = new(StringComparer.Ordinal);
    private readonly List<(int Id, string Written, NameParts Parts)> _names = [];
    private readonly Dictionary<int, string> _canonicalNames = [];

    public int Count => _canonicalNames.Count;

    public IReadOnlyDictionary<int, string> Canonicals => _canonicalNames;

    public void Add(int canonicalId, string canonicalName, IEnumerable<string>? synonyms = null)
    {
        _canonicalNames[canonicalId] = canonicalName;
        foreach (var written in synonyms is null ? [canonicalName] : synonyms.Prepend(canonicalName))
        {
            _byName.TryAdd(TagName.Normalize(written), (canonicalId, written));
            var parts = NameParts.Of(written);
            if (!parts.IsEmpty)
            {
                _names.Add((canonicalId, written, parts));
            }
        }
    }

    public CharacterMatch? Resolve(string written)
    {
        if (_byName.TryGetValue(TagName.Normalize(written.Trim()), out var exact))
        {
            var name = _canonicalNames[exact.Id];
            var reason = string.Equals(exact.Synonym, name, StringComparison.Ordinal)
                ? $"\"{written.Trim()}\" is {name}"
                : $"\"{written.Trim()}\" is a synonym of {name}";
            return new CharacterMatch(exact.Id, name, reason);
        }
        var parts = NameParts.Of(written);
        var fits = _names.Where(n => parts.FitsWithin(n.Parts)).Select(n => n.Id).Distinct().ToList();
        return fits.Count == 1
            ? new CharacterMatch(fits[0], _canonicalNames[fits[0]], $"\"{written.Trim()}\" is part of the name {_canonicalNames[fits[0]]}")
            : null;
    }

    /// <summary>
    /// Splits a portmanteau such as "KakaSaku" into the starts of two different characters' name parts.
    /// Only an answer that is unique counts; a split at a capital letter is tried first because fans mark it so.
    /// </summary>
    public (CharacterMatch First, CharacterMatch Second)? ResolvePortmanteau(string word)
    {
        var lower = TagName.Normalize(word);
        var splits = Enumerable.Range(2, Math.Max(0, word.Length - 3))
            .OrderBy(i => char.IsUpper(word[i]) ? 0 : 1).ToList();
        foreach (var split in splits)
        {
            var first = StartingWith(lower[..split]);
            var second = StartingWith(lower[split..]);
            if (first.Count == 1 && second.Count == 1 && first[0] != second[0])
            {
                return (Piece(word[..split], first[0]), Piece(word[split..], second[0]));
            }
        }
        return null;
    }

    private List<int> StartingWith(string piece) =>
        _names.Where(n => n.Parts.Full.Any(p => p.Length > piece.Length && p.StartsWith(piece, StringComparison.Ordinal)))
            .Select(n => n.Id).Distinct().ToList();

    private CharacterMatch Piece(string piece, int id) =>
        new(id, _canonicalNames[id], $"\"{piece}\" starts the name {_canonicalNames[id]}");
}
