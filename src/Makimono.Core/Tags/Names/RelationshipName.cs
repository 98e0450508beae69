namespace Makimono.Tags.Names;

public enum RelationshipKind
{
    /// <summary>Written with "/", " x " or "×": a pairing.</summary>
    Romantic,
    /// <summary>Written with "&amp;": friends, family, rivals; on AO3 never the same tag as the pairing.</summary>
    Platonic,
}

/// <summary>A relationship tag's name taken apart into the names it joins and how it joins them.</summary>
public sealed record RelationshipName(IReadOnlyList<string> Names, RelationshipKind Kind)
{
    private static readonly string[] RomanticSeparators = ["/", " x ", " X ", "×"];

    /// <summary>
    /// The names joined by "/", " x ", " X " or "×" (romantic) or by "&amp;" (platonic), or a single word
    /// that may be a portmanteau ("KakaSaku"). Null when the name is not shaped like a relationship,
    /// or mixes the two kinds ("A/B &amp; C" is for a wrangler to read, not for a guess).
    /// </summary>
    public static RelationshipName? Parse(string written)
    {
        var name = written.Trim();
        var platonic = name.Contains('&', StringComparison.Ordinal);
        var romantic = RomanticSeparators.Any(s => name.Contains(s, StringComparison.Ordinal));
        if (platonic && romantic)
        {
            return null;
        }
        if (!platonic && !romantic)
        {
            return IsOneWord(name) ? new RelationshipName([name], RelationshipKind.Romantic) : null;
        }
        // "/" is the archive's own separator: when present it alone splits, so "Professor X / Magneto" keeps its X.
        string[] separators = platonic ? ["&"] : name.Contains('/', StringComparison.Ordinal) ? ["/"] : RomanticSeparators;
        var names = name.Split(separators, StringSplitOptions.TrimEntries);
        return names.Length >= 2 && names.All(n => n.Length > 0)
            ? new RelationshipName(names, platonic ? RelationshipKind.Platonic : RelationshipKind.Romantic)
            : null;
    }

    public bool IsPortmanteau => Names.Count == 1;

    /// <summary>How a relationship of these (canonical) names is written: "A/B" or "A &amp; B".</summary>
    public static string Format(IEnumerable<string> names, RelationshipKind kind) =>
        string.Join(kind == RelationshipKind.Romantic ? "/" : " & ", names);

    private static bool IsOneWord(string name) => name.Length >= 4 && name.All(char.IsLetter);
}
