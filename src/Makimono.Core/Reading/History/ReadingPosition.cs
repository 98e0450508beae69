using Makimono.Accounts;
using Makimono.Works;

namespace Makimono.Reading.History;

/// <summary>
/// Where a logged-in reader is in a work: the last chapter they opened, when, and how often they came back; and
/// whether they marked it for later. One row per user and work, written by one upsert per chapter view
/// (ReadingHistory.RecordAsync). A row marked for later may have no position (never opened, or the
/// history was cleared).
/// </summary>
public class ReadingPosition
{
    public int UserId { get; set; }
    public User User { get; set; } = null!;
    public int WorkId { get; set; }
    public Work Work { get; set; } = null!;
    /// <summary>Null when the work was read whole, the chapter was deleted, or nothing was read yet.</summary>
    public int? ChapterId { get; set; }
    public Chapter? Chapter { get; set; }
    /// <summary>Null while the row only marks the work for later.</summary>
    public DateTime? LastReadAt { get; set; }
    public int Visits { get; set; }
    public bool MarkedForLater { get; set; }
}

/// <summary>A reader's history choice. No row means the default: history is kept.</summary>
public class ReadingSettings
{
    public int UserId { get; set; }
    public User User { get; set; } = null!;
    public bool HistoryOff { get; set; }
}
