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

    public static string Plural(TagType type) => type switch
    {
        TagType.ArchiveWarning => "Archive Warnings",
        TagType.Category => "Categories",
        TagType.Freeform => "Additional Tags",
        _ => Singular(type) + "s",
    };
}
