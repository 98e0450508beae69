namespace Makimono.Inbox;

/// <summary>
/// How far a named reader of the change log has applied it, kept in the database so that a restart resumes there
/// (nothing repeated, nothing missed) and every web node starts from the same place.
/// </summary>
public class ChangeLogPosition
{
    public required string Name { get; set; }
    /// <summary>Every change-log row up to this id has been applied.</summary>
    public long Position { get; set; }
    public DateTime UpdatedAt { get; set; }

    public const int NameMax = 100;
}
