namespace Makimono.Tags;

public static class TagTypeNames
{
    public static string Singular(TagType type) => type switch
    {
        TagType.Rating => "Rating",
        TagType.ArchiveWarning => "Archive Warning",
        TagType.Category => "Category",
        TagType.Fandom => "Fandom",
        TagType.Relationship => "Relationship",
        TagType.Character => "Character",
        TagType.Freeform => "Additional Tag",
        _ => type.ToString(),
    };

    /// <summary>"character tag", "additional tag", "archive warning": the type in the middle of a sentence.</summary>
    public static string Noun(TagType type) => type switch
    {
        TagType.ArchiveWarning => "archive warning",
        TagType.Freeform => "additional tag",
        _ => $"{Singular(type).ToLowerInvariant()} tag",
    };

    /// <summary>"a character tag", "an additional tag": for sentences in error messages.</summary>
    public static string WithArticle(TagType type)
    {
        var noun = Noun(type);
        return ("aeiou".Contains(noun[0], StringComparison.Ordinal) ? "an " : "a ") + noun;
    }

    /// <summary>"A character tag", "An additional tag": the start of a sentence about a tag.</summary>
    public static string Described(TagType type)
    {
        var phrase = WithArticle(type);
        return char.ToUpperInvariant(phrase[0]) + phrase[1..];
    }

    public static string Plural(TagType type) => type switch
    {
        TagType.ArchiveWarning => "Archive Warnings",
        TagType.Category => "Categories",
        TagType.Freeform => "Additional Tags",
        _ => Singular(type) + "s",
    };

    /// <summary>The word for a free-form tag type in files and URLs: fandom, relationship, character, freeform.</summary>
    public static string Key(TagType type) => type switch
    {
        TagType.Freeform => "freeform",
        TagType.ArchiveWarning => "warning",
        _ => type.ToString().ToLowerInvariant(),
    };

    /// <summary>Reads the types people type tags of (as in starter sets and autocomplete requests).</summary>
    public static bool TryParseKey(string? text, out TagType type)
    {
        type = text?.Trim().ToLowerInvariant() switch
        {
            "fandom" => TagType.Fandom,
            "relationship" => TagType.Relationship,
            "character" => TagType.Character,
            "freeform" or "additional" or "additional tag" => TagType.Freeform,
            _ => 0,
        };
        return type != 0;
    }
}
