namespace Makimono.Tags;

/// <summary>
/// A parent link between canonical tags of different types: a character, relationship or additional tag
/// belongs to a fandom, and a relationship lists its characters.
/// </summary>
public class TagParent
{
    public int ParentId { get; set; }
    public Tag Parent { get; set; } = null!;
    public int ChildId { get; set; }
    public Tag Child { get; set; } = null!;
}

/// <summary>
/// A meta/sub link between canonical tags of the same type ("Naruto Shippuden" is a sub tag of "Naruto").
/// Links nest to any depth and never form a cycle; filtering on a meta tag covers all its sub tags.
/// </summary>
public class MetaTagLink
{
    public int MetaTagId { get; set; }
    public Tag MetaTag { get; set; } = null!;
    public int SubTagId { get; set; }
    public Tag SubTag { get; set; } = null!;
}

/// <summary>
/// One of a work's precomputed filters, so that filtering on a tag is one indexed lookup whatever the depth
/// of its synonyms and sub tags. Maintained by <see cref="Wrangling.WorkFilters"/>.
/// </summary>
public class WorkFilterTag
{
    public int WorkId { get; set; }
    public Works.Work Work { get; set; } = null!;
    public int TagId { get; set; }
    public Tag Tag { get; set; } = null!;
}

/// <summary>Lets a user wrangle the tags of one fandom.</summary>
public class WranglerAssignment
{
    public int UserId { get; set; }
    public Accounts.User User { get; set; } = null!;
    public int FandomTagId { get; set; }
    public Tag FandomTag { get; set; } = null!;
}
