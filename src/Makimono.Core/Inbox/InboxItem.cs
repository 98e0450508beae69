using Makimono.Accounts;
using Makimono.Works;

namespace Makimono.Inbox;

/// <summary>
/// One event in a user's inbox, always about one work. The same event is stored once: (recipient, kind, work, source)
/// is unique, and the worker inserts with "on conflict do nothing", so a second pass, a restart that re-reads the
/// change log, or a second web node running the worker adds nothing.
/// </summary>
public class InboxItem
{
    public long Id { get; set; }
    public int RecipientUserId { get; set; }
    public User Recipient { get; set; } = null!;
    public InboxKind Kind { get; set; }
    public int WorkId { get; set; }
    public Work Work { get; set; } = null!;
    /// <summary>
    /// What the event is, by id in its own table (see <see cref="InboxKind"/>): a comment, a kudos, a chapter, the
    /// subscribed series or saved search; for a new work, the work itself.
    /// </summary>
    public long SourceId { get; set; }
    /// <summary>Who caused it, when a user did (null for guests and for subscription news).</summary>
    public int? ActorUserId { get; set; }
    public DateTime CreatedAt { get; set; }
    /// <summary>Null while unread.</summary>
    public DateTime? ReadAt { get; set; }
}

/// <summary>What an inbox item reports, and what its <see cref="InboxItem.SourceId"/> names. Stored as its number: append, never renumber.</summary>
public enum InboxKind : short
{
    /// <summary>Source: the comment.</summary>
    CommentOnMyWork = 1,
    /// <summary>Source: the reply.</summary>
    ReplyToMyComment = 2,
    /// <summary>Source: the kudos.</summary>
    Kudos = 3,
    /// <summary>Source: the chapter.</summary>
    NewChapter = 4,
    /// <summary>Source: the work.</summary>
    NewWork = 5,
    /// <summary>Source: the series.</summary>
    NewSeriesPart = 6,
    /// <summary>Source: the saved search.</summary>
    SavedSearchMatch = 7,
}
