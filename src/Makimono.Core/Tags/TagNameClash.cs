namespace Makimono.Tags;

/// <summary>
/// A name is one tag: a name the archive already has as a tag of one type cannot also be a tag of another type.
/// The posting form refuses such a name with this message, and the suggestions never offer one.
/// </summary>
public static class TagNameClash
{
    public static bool Clashes(TagType existing, TagType wanted) => existing != wanted;

    /// <summary>Why <paramref name="typed"/> cannot be a tag of type <paramref name="wanted"/>, or null when it can.</summary>
    public static string? Refusal(string typed, Tag existing, TagType wanted) => Clashes(existing.Type, wanted)
        ? $"\"{typed}\" is already {TagTypeNames.WithArticle(existing.Type)} (\"{existing.Name}\"); it cannot also be {TagTypeNames.WithArticle(wanted)}."
        : null;
}
