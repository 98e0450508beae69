using System.Globalization;
using System.Text;

namespace Makimono.Tags;

/// <summary>Rules for tag names: how they compare and which ones are refused.</summary>
public static class TagName
{
    public const int MaxLength = 150;

    /// <summary>AO3 refuses these because they break its search syntax and its URLs.</summary>
    private static readonly System.Buffers.SearchValues<char> Forbidden = System.Buffers.SearchValues.Create(",^*<>{}=`，、\\%");

    /// <summary>
    /// The form used to decide whether two names are the same tag: NFKC, accents removed,
    /// case folded and whitespace runs collapsed. Names are still shown as written.
    /// </summary>
    public static string Normalize(string name)
    {
        var decomposed = name.Normalize(NormalizationForm.FormKC).Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        var pendingSpace = false;
        foreach (var c in decomposed)
        {
            if (c is >= '\u0300' and <= '\u036F')
            {
                continue;
            }
            if (char.IsWhiteSpace(c))
            {
                pendingSpace = builder.Length > 0;
                continue;
            }
            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }
            builder.Append(char.ToLowerInvariant(c));
        }
        return builder.ToString().Normalize(NormalizationForm.FormC);
    }

    /// <summary>Returns a message a person can act on, or null when the name is acceptable.</summary>
    public static string? Validate(string name)
    {
        var trimmed = name.Trim();
        if (trimmed.Length == 0)
        {
            return "A tag name cannot be empty.";
        }
        if (trimmed.Length > MaxLength)
        {
            return $"The tag \"{Shorten(trimmed)}\" is {trimmed.Length} characters long; tags can be at most {MaxLength}.";
        }
        if (Text.PlainLine.Refuses(trimmed))
        {
            return Text.PlainLine.Message($"the tag \"{Shorten(Text.PlainLine.Tidy(trimmed)!)}\"");
        }
        if (trimmed.AsSpan().ContainsAny(Forbidden))
        {
            var bad = trimmed.Where(Forbidden.Contains).Distinct().Select(c => $"'{c}'").ToList();
            return bad.Count == 1
                ? $"The tag \"{trimmed}\" contains the character {bad[0]}, which tags cannot contain."
                : $"The tag \"{trimmed}\" contains the characters {string.Join(", ", bad)}, which tags cannot contain.";
        }
        return null;
    }

    /// <summary>Splits a comma-separated field into trimmed names, as tags are typed on AO3.</summary>
    public static IReadOnlyList<string> SplitList(string? field)
    {
        if (string.IsNullOrWhiteSpace(field))
        {
            return [];
        }
        return field.Split([',', '，', '、'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Distinct(StringComparer.Ordinal)
            .ToList();
    }

    private static string Shorten(string s) => s.Length <= 40 ? s : s[..40] + "…";
}
