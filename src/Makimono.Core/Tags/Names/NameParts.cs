namespace Makimono.Tags.Names;

/// <summary>
/// The parts of a character's name, compared normalised and in any order: "Hatake Kakashi", "Kakashi Hatake",
/// "kakashi-sensei" and "Kakashi H." share the part "kakashi" (the last one with the initial "h").
/// A parenthesised disambiguation ("Sakura (Naruto)") and honorifics are not parts of the name.
/// </summary>
public sealed record NameParts(IReadOnlyList<string> Full, IReadOnlyList<char> Initials)
{
    /// <summary>Japanese honorifics fans write after a name; they say how a character is addressed, not who it is.</summary>
    public static readonly IReadOnlyList<string> Honorifics =
        ["-sama", "-san", "-kun", "-chan", "-sensei", "-senpai", "-sempai", "-dono", "-nii", "-nee", "-shishou",
            // Korean ones, as fan fiction romanises them ("Eun-bi-noona", "Dae-hyun-ssi").
            "-ssi", "-hyung", "-hyeong", "-noona", "-nuna", "-oppa", "-unnie", "-eonni", "-sunbae", "-seonbae"];

    public bool IsEmpty => Full.Count == 0;

    public static NameParts Of(string name)
    {
        var normalized = TagName.Normalize(WithoutDisambiguation(name));
        var full = new List<string>();
        var initials = new List<char>();
        foreach (var raw in normalized.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var part = WithoutHonorific(raw.Trim('"', '“', '”', ',', ';', '!', '?'));
            if (part.Length == 0)
            {
                continue;
            }
            if (part.Length == 1 || (part.Length == 2 && part[1] == '.'))
            {
                if (char.IsLetter(part[0]))
                {
                    initials.Add(part[0]);
                }
                continue;
            }
            full.Add(part.TrimEnd('.'));
        }
        return new NameParts(full, initials);
    }

    /// <summary>
    /// True when every part of this name is a part of <paramref name="other"/> and each initial starts one of
    /// the other's remaining parts: "Kakashi" and "Kakashi H." fit within "Hatake Kakashi".
    /// </summary>
    public bool FitsWithin(NameParts other)
    {
        if (IsEmpty)
        {
            return false;
        }
        var left = new List<string>(other.Full);
        foreach (var part in Full)
        {
            if (!left.Remove(part))
            {
                return false;
            }
        }
        foreach (var initial in Initials)
        {
            var index = left.FindIndex(p => p[0] == initial);
            if (index < 0)
            {
                return false;
            }
            left.RemoveAt(index);
        }
        return true;
    }

    /// <summary>The full parts in ordinal order, so "Hatake Kakashi" and "Kakashi Hatake" have one key.</summary>
    public string Key => string.Join(' ', Full.Order(StringComparer.Ordinal));

    public static string WithoutHonorific(string word)
    {
        foreach (var honorific in Honorifics)
        {
            if (word.Length > honorific.Length && word.EndsWith(honorific, StringComparison.OrdinalIgnoreCase))
            {
                return word[..^honorific.Length];
            }
        }
        return word;
    }

    private static string WithoutDisambiguation(string name)
    {
        var open = name.IndexOf('(', StringComparison.Ordinal);
        return open > 0 ? name[..open] : name;
    }
}
