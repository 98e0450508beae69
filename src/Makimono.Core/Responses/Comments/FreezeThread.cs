using Makimono.Accounts;
using Makimono.Database;

namespace Makimono.Responses.Comments;

/// <summary>A creator freezes a comment and every reply below it (no new replies, no edits), or thaws it again.</summary>
public static class FreezeThread
{
    public static async Task<CommentResult> RunAsync(
        ArchiveDbContext db, Viewer viewer, int commentId, bool freeze, CancellationToken ct = default)
    {
        if (await CommentQueries.FindShownAsync(db, commentId, viewer, ct) is not { } comment)
        {
            return CommentResult.NotFound();
        }
        if (!CommentRules.Moderates(comment.Work, viewer))
        {
            return CommentResult.Refused("Only the work's creators freeze its threads.");
        }
        var allowed = freeze
            ? CommentRules.CanFreeze(comment, CommentRules.IsFrozen(comment, await CommentQueries.ThreadOfAsync(db, comment, ct)), comment.Work, viewer)
            : CommentRules.CanUnfreeze(comment, comment.Work, viewer);
        if (!allowed)
        {
            return CommentResult.Refused(freeze ? "This thread is frozen already." : "This thread was frozen further up; unfreeze it there.");
        }
        comment.IsFrozen = freeze;
        await db.SaveChangesAsync(ct);
        return new CommentResult(CommentOutcome.Saved, comment, new());
    }
}
