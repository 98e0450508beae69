using Makimono.Accounts;
using Makimono.Database;
using Makimono.Works;
using Microsoft.EntityFrameworkCore;

namespace Makimono.Responses.Comments;

/// <summary>
/// The one home of the comment rules: who may read, write, answer, edit, delete, approve and freeze comments, and
/// how fast new accounts and guests may post. Reading rights come from <see cref="WorkAccess"/>; pages and the
/// operations (<see cref="PostComment"/>, <see cref="EditComment"/>…) ask here and never decide themselves.
/// </summary>
public static class CommentRules
{
    /// <summary>Threads nest this deep on a page; deeper replies are listed flat under their depth-5 ancestor, as on AO3.</summary>
    public const int MaxShownDepth = 5;

    /// <summary>AO3's limit for new accounts: 3 comments in 15 minutes. Guests get the same, counted per address.</summary>
    public const int RateLimitCount = 3;
    public static readonly TimeSpan RateLimitWindow = TimeSpan.FromMinutes(15);
    /// <summary>
    /// An account is new, and rate limited, for its first 7 days. AO3 does not publish its figure; a week outlasts a
    /// spam run's throwaway accounts and is forgotten by a real reader.
    /// </summary>
    public static readonly TimeSpan NewAccountAge = TimeSpan.FromDays(7);

    /// <summary>The viewer may read the chapter, so may read its comments: the work is visible and the chapter posted (or theirs).</summary>
    public static bool CanRead(Work work, Chapter chapter, Viewer viewer) =>
        WorkAccess.IsVisibleTo(WorkAccess.FactsOf(work), viewer) && (!chapter.IsDraft || WorkAccess.IsCreator(work, viewer));

    /// <summary>Why this viewer may not comment on a chapter they can read, or null when they may.</summary>
    public static string? WhyNotComment(Work work, Chapter chapter, Viewer viewer)
    {
        if (work.IsHidden)
        {
            return "An admin has hidden this work: it takes no new comments until it is shown again.";
        }
        if (!WorkAccess.TakesResponsesFrom(WorkAccess.FactsOf(work), viewer) || chapter.IsDraft)
        {
            return "Comments open once the chapter is posted.";
        }
        return work.WhoMayComment switch
        {
            CommentPermission.Nobody => "The creators have turned comments off for this work.",
            CommentPermission.Users when !viewer.IsLoggedIn => "Only logged-in users can comment on this work. Log in to comment.",
            _ => null,
        };
    }

    /// <summary>Any accepted co-creator approves, deletes and freezes the comments on their work.</summary>
    public static bool Moderates(Work work, Viewer viewer) => WorkAccess.IsCreator(work, viewer);

    public static bool IsCommenter(Comment comment, Viewer viewer) => viewer.UserId is int id && comment.UserId == id;

    /// <summary>A held comment is seen by the work's creators and the one who wrote it; a deleted one only as a placeholder.</summary>
    public static bool IsShown(Comment comment, Work work, Viewer viewer) => comment.State switch
    {
        CommentState.Published => true,
        CommentState.Held => Moderates(work, viewer) || IsCommenter(comment, viewer),
        _ => false,
    };

    /// <summary>Creators' own comments are never held: they would be approving themselves.</summary>
    public static CommentState StateOfNew(Work work, Viewer viewer) =>
        work.ModeratesComments && !Moderates(work, viewer) ? CommentState.Held : CommentState.Published;

    /// <summary>A comment is frozen when it, or any comment it answers, was frozen.</summary>
    public static bool IsFrozen(Comment comment, IReadOnlyDictionary<int, Comment> thread)
    {
        for (Comment? c = comment; c is not null; c = c.ParentId is int p ? thread.GetValueOrDefault(p) : null)
        {
            if (c.IsFrozen)
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>Only published comments take replies: a held one is not public yet, a deleted one is gone.</summary>
    public static bool TakesReplies(Comment comment, bool frozen) => comment.State == CommentState.Published && !frozen;

    public static bool CanEdit(Comment comment, bool frozen, Viewer viewer) =>
        IsCommenter(comment, viewer) && comment.State != CommentState.Deleted && !frozen;

    /// <summary>The commenter, any creator of the work, and admins (who moderate every posted work) delete a comment.</summary>
    public static bool CanDelete(Comment comment, Work work, Viewer viewer) =>
        comment.State != CommentState.Deleted && (IsCommenter(comment, viewer) || Moderates(work, viewer) || viewer.IsAdmin);

    public static bool CanApprove(Comment comment, Work work, Viewer viewer) =>
        comment.State == CommentState.Held && Moderates(work, viewer);

    public static bool CanFreeze(Comment comment, bool frozen, Work work, Viewer viewer) =>
        comment.State != CommentState.Deleted && !frozen && Moderates(work, viewer);

    /// <summary>Unfrozen where it was frozen: a reply inside a frozen thread thaws with its thread.</summary>
    public static bool CanUnfreeze(Comment comment, Work work, Viewer viewer) => comment.IsFrozen && Moderates(work, viewer);

    /// <summary>
    /// Null, or the message for a new account or a guest who has posted <see cref="RateLimitCount"/> comments within
    /// <see cref="RateLimitWindow"/>. Counted from the database, deleted comments included, so it holds on every web
    /// node and deleting a comment does not buy another.
    /// </summary>
    public static async Task<string?> RateLimitAsync(
        ArchiveDbContext db, TimeProvider clock, User? user, string? guestKey, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        if (user is not null && user.CreatedAt <= now - NewAccountAge)
        {
            return null;
        }
        var since = now - RateLimitWindow;
        var recent = user is not null
            ? db.Comments.Where(c => c.UserId == user.Id && c.CreatedAt > since)
            : db.Comments.Where(c => c.UserId == null && c.GuestAddressHash == guestKey && c.CreatedAt > since);
        var times = await recent.OrderByDescending(c => c.CreatedAt).Select(c => c.CreatedAt).Take(RateLimitCount).ToListAsync(ct);
        if (times.Count < RateLimitCount)
        {
            return null;
        }
        var minutes = Math.Max(1, (int)Math.Ceiling((times[^1] + RateLimitWindow - now).TotalMinutes));
        var who = user is null ? "Guests" : "Accounts in their first week";
        return $"{who} can post {RateLimitCount} comments in {RateLimitWindow.TotalMinutes:0} minutes, and you have reached that. " +
            $"Please try again in {minutes} minute{(minutes == 1 ? "" : "s")}; your comment is kept below.";
    }
}
