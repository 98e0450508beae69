using Makimono.Accounts;
using Makimono.Database;

namespace Makimono.Responses.Comments;

/// <summary>
/// Deletes a comment by keeping a "deleted comment" placeholder in its place: its replies keep their thread, and the
/// change log and rate limit keep seeing the row. The text and a guest's e-mail address are gone.
/// </summary>
public static class DeleteComment
{
    public static async Task<CommentResult> RunAsync(ArchiveDbContext db, Viewer viewer, int commentId, CancellationToken ct = default)
    {
        if (await CommentQueries.FindShownAsync(db, commentId, viewer, ct) is not { } comment)
        {
            return CommentResult.NotFound();
        }
        if (!CommentRules.CanDelete(comment, comment.Work, viewer))
        {
            return CommentResult.Refused("Only the person who wrote a comment, the work's creators and admins can delete it.");
        }
        comment.State = CommentState.Deleted;
        comment.Body = string.Empty;
        comment.GuestEmail = null;
        await CommentCounts.SaveAsync(db, comment.Work, ct);
        return new CommentResult(CommentOutcome.Saved, comment, new());
    }
}
