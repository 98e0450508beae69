namespace Makimono.Tags.Names;

/// <summary>A relationship name resolved to its canonical characters, and the canonical relationship it is (or would be).</summary>
public sealed record RelationshipMatch(string Name, int? CanonicalTagId, RelationshipKind Kind, IReadOnlyList<CharacterMatch> Characters)
{
    public string Reason => string.Join("; ", Characters.Select(c => c.Reason))
        + (Kind == RelationshipKind.Romantic ? "; a pairing (/, x or ×)" : "; platonic (&)");
}

/// <summary>
/// Resolves the ways people write a relationship ("Kakashi x Sakura", "Sakura/Kakashi", "KakaSaku") to one
/// canonical relationship when every character resolves to a canonical character.
/// The order of the names is stable: an existing canonical relationship keeps its own order; otherwise the
/// characters' canonical names are sorted ordinally, so the same pair always gets the same proposed name.
/// "A &amp; B" (platonic) and "A/B" (romantic) never resolve to each other.
/// </summary>
public sealed class RelationshipIndex(CharacterDirectory characters)
{
    private readonly Dictionary<string, (int Id, string Name)> _canonical = new(StringComparer.Ordinal);

    public CharacterDirectory Characters => characters;

    /// <summary>Adds an existing canonical relationship; its characters come from its parent links, or else from its name.</summary>
    public void AddCanonical(int tagId, string name, IReadOnlyCollection<int>? characterIds = null)
    {
        var parsed = RelationshipName.Parse(name);
        if (parsed is null || parsed.IsPortmanteau)
        {
            return;
        }
        var ids = characterIds is { Count: >= 2 } && characterIds.Count == parsed.Names.Count
            ? characterIds
            : parsed.Names.Select(characters.Resolve).Select(m => m?.TagId ?? 0).ToList();
        if (!ids.Contains(0))
        {
            _canonical.TryAdd(Key(parsed.Kind, ids), (tagId, name));
        }
    }

    public RelationshipMatch? Resolve(string written)
    {
        var parsed = RelationshipName.Parse(written);
        if (parsed is null)
        {
            return null;
        }
        List<CharacterMatch> matches;
        if (parsed.IsPortmanteau)
        {
            // A one-word name that is a character ("Sakura") is not a pairing of two.
            if (characters.Resolve(parsed.Names[0]) is not null || characters.ResolvePortmanteau(parsed.Names[0]) is not { } pair)
            {
                return null;
            }
            matches = [pair.First, pair.Second];
        }
        else
        {
            var resolved = parsed.Names.Select(characters.Resolve).ToList();
            if (resolved.Any(m => m is null) || resolved.Select(m => m!.TagId).Distinct().Count() != resolved.Count)
            {
                return null;
            }
            matches = resolved.Select(m => m!).ToList();
        }
        var key = Key(parsed.Kind, matches.Select(m => m.TagId));
        if (_canonical.TryGetValue(key, out var existing))
        {
            return new RelationshipMatch(existing.Name, existing.Id, parsed.Kind, matches);
        }
        var name = RelationshipName.Format(matches.Select(m => m.Name).Order(StringComparer.Ordinal), parsed.Kind);
        return new RelationshipMatch(name, null, parsed.Kind, matches);
    }

    private static string Key(RelationshipKind kind, IEnumerable<int> ids) => $"{kind}:{string.Join(',', ids.Order())}";
}
