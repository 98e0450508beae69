using Makimono.Accounts;
using Makimono.Changes;
using Makimono.Works;

namespace Makimono.Responses.Comments;

/// <summary>
/// A comment on a chapter, or a reply to another comment on the same chapter. Written by a user (as one of their
/// pseuds) or by a guest (a name and an e-mail address, which is never shown). Every insert, update and delete is
/// logged (<see cref="ILoggedResponse"/>), so the inbox hears of new, approved, edited and deleted comments.
/// </summary>
public class Comment : ILoggedResponse
{
    public int Id { get; set; }
    /// <summary>The chapter's work, kept here so a work's comments are counted and listed without a join.</summary>
    public int WorkId { get; set; }
    public Work Work { get; set; } = null!;
    public int ChapterId { get; set; }
    public Chapter Chapter { get; set; } = null!;
    /// <summary>The comment this one answers; null for a comment on the chapter itself.</summary>
    public int? ParentId { get; set; }
    public Comment? Parent { get; set; }
    /// <summary>The top comment of the thread (null for a top comment), so a whole thread loads in one query.</summary>
    public int? ThreadId { get; set; }
    /// <summary>1 for a comment on the chapter, 2 for a reply to it, and so on; pages nest up to depth 5.</summary>
    public int Depth { get; set; } = 1;

    public int? UserId { get; set; }
    public User? User { get; set; }
    public int? PseudId { get; set; }
    public Pseud? Pseud { get; set; }
    public string? GuestName { get; set; }
    /// <summary>For the author's replies by mail one day; never shown on a page.</summary>
    public string? GuestEmail { get; set; }
    /// <summary>
    /// A keyed hash of a guest's address , so the rate limit can count a guest's comments
    /// across web nodes without the archive keeping anyone's address.
    /// </summary>
    public string? GuestAddressHash { get; set; }

    /// <summary>Sanitized HTML, safe to render as is; empty once the comment is deleted.</summary>
    public string Body { get; set; } = string.Empty;
    public DateTime CreatedAt { get; set; }
    /// <summary>The last time the commenter changed the text; pages show "edited".</summary>
    public DateTime? EditedAt { get; set; }
    public CommentState State { get; set; }
    /// <summary>A frozen comment takes no replies and no edits, nor does anything below it.</summary>
    public bool IsFrozen { get; set; }

    public ChangeSubject Subject => ChangeSubject.Comment;
    public long SubjectId => Id;
}

/// <summary>Stored as its number: append, never renumber.</summary>
public enum CommentState : short
{
    Published = 0,
    /// <summary>Waiting for a creator of the work to approve it; seen only by them and the commenter.</summary>
    Held = 1,
    /// <summary>Kept as a "deleted comment" placeholder so its replies keep their thread; the text is gone.</summary>
    Deleted = 2,
}

/// <summary>Who may comment on a work, chosen by its creators. Stored as its number: append, never renumber.</summary>
public enum CommentPermission : short
{
    /// <summary>Logged-in users: the default, as on AO3.</summary>
    Users = 0,
    /// <summary>Logged-in users and guests (with a name and an e-mail address).</summary>
    Everyone = 1,
    Nobody = 2,
}

/// <summary>The choices of who may comment, in the order and words the work form offers them.</summary>
public static class CommentPermissions
{
    public static readonly IReadOnlyList<(CommentPermission Value, string Label)> Choices =
    [
        (CommentPermission.Users, "Logged-in users"),
        (CommentPermission.Everyone, "Everyone, guests included (with a name and an e-mail address)"),
        (CommentPermission.Nobody, "Nobody"),
    ];
}
