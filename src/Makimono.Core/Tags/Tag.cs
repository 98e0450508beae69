namespace Makimono.Tags;

public enum TagType
{
    Rating = 1,
    ArchiveWarning = 2,
    Category = 3,
    Fandom = 4,
    Relationship = 5,
    Character = 6,
    Freeform = 7,
}

/// <summary>
/// A tag as someone wrote it. Wrangling builds on <see cref="IsCanonical"/> and <see cref="MergerId"/>:
/// a synonym points at the canonical tag it was merged into.
/// </summary>
public class Tag
{
    public int Id { get; set; }
    public required string Name { get; set; }
    /// <summary>The comparison form from <see cref="TagName.Normalize"/>; unique across all types, as on AO3.</summary>
    public required string NormalizedName { get; set; }
    public TagType Type { get; set; }
    public bool IsCanonical { get; set; }
    public int? MergerId { get; set; }
    public Tag? Merger { get; set; }
    /// <summary>Set by a wrangler for tags that fit no canonical tag, so they leave the unwrangled queue.</summary>
    public bool IsUnwrangleable { get; set; }
    /// <summary>For canonical fandoms: the medium the fandom index lists it under; null lists it as uncategorized.</summary>
    public Media? Media { get; set; }
    public DateTime CreatedAt { get; set; }
    public List<Works.WorkTag> Works { get; set; } = [];
}
