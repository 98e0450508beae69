namespace Makimono.Tags;

public enum WranglingAction
{
    MakeCanonical = 1,
    Merge = 2,
    Rename = 3,
    AddParent = 4,
    RemoveParent = 5,
    AddMetaTag = 6,
    RemoveMetaTag = 7,
    MarkUnwrangleable = 8,
    Undo = 9,
    SetMedia = 10,
}

/// <summary>
/// One wrangling change: who, what, when, and the state it replaced, so that it can be undone.
/// </summary>
public class WranglingLogEntry
{
    public int Id { get; set; }
    public int UserId { get; set; }
    public DateTime At { get; set; }
    public WranglingAction Action { get; set; }
    /// <summary>The tag changed: the synonym of a merge, the child of a parent link, the sub tag of a meta link.</summary>
    public int TagId { get; set; }
    public Tag Tag { get; set; } = null!;
    /// <summary>The other tag: the canonical of a merge, the parent, the meta tag.</summary>
    public int? OtherTagId { get; set; }
    public Tag? OtherTag { get; set; }
    /// <summary>The name before a rename.</summary>
    public string? OldName { get; set; }
    /// <summary>The merger before a merge (a synonym can be moved from one canonical to another).</summary>
    public int? OldMergerId { get; set; }
    /// <summary>A fandom's medium before it was set.</summary>
    public Media? OldMedia { get; set; }
    public bool WasCanonical { get; set; }
    public bool WasUnwrangleable { get; set; }
    /// <summary>For an undo entry: the entry it undid.</summary>
    public int? UndoesEntryId { get; set; }
    /// <summary>Set on an entry once it has been undone, so it cannot be undone twice.</summary>
    public int? UndoneByEntryId { get; set; }
}
