using Makimono.Tags;

namespace Makimono.Search.Text;

/// <summary>The field names a query may use, AO3's among them, and what each one searches.</summary>
public static class QueryFields
{
    /// <summary>Text fields, searched as words.</summary>
    public static readonly IReadOnlyDictionary<string, string> Text = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["title"] = "title",
        ["summary"] = "summary",
        ["notes"] = "notes",
        ["creator"] = "creator",
        ["author"] = "creator",
        ["fandom"] = "fandom",
        ["character"] = "character",
        ["relationship"] = "relationship",
        ["freeform"] = "freeform",
        ["tag"] = TagsField,
        ["tags"] = TagsField,
        ["text"] = "body",
        ["body"] = "body",
    };

    /// <summary>Number fields, compared: <c>words&gt;1000</c>.</summary>
    public static readonly IReadOnlyDictionary<string, string> Numbers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["words"] = "words",
        ["kudos"] = "kudos",
        ["hits"] = "hits",
        ["comments"] = "comments",
        ["bookmarks"] = "bookmarks",
        ["chapters"] = "chapters",
    };

    /// <summary>Stands for every tag field: <c>tag:angst</c> searches the names of tags of every type.</summary>
    public const string TagsField = "tag";

    /// <summary>The index fields holding tag names: one per type the reader filters by, and "tags" for the fixed ones.</summary>
    public static readonly IReadOnlyList<string> TagFields = ["fandom", "character", "relationship", "freeform", "tags"];

    /// <summary>The fields a bare word searches.</summary>
    public static readonly IReadOnlyList<string> Default = ["title", "summary", "notes", "creator", "body", .. TagFields];

    /// <summary>The index field that holds the names of a work's tags of one type (with their canonical and meta tags).</summary>
    public static string? ForTagType(TagType type) => type switch
    {
        TagType.Fandom => "fandom",
        TagType.Character => "character",
        TagType.Relationship => "relationship",
        TagType.Freeform => "freeform",
        _ => null,
    };

    public static IEnumerable<string> AllNames => Text.Keys.Concat(Numbers.Keys);
}
