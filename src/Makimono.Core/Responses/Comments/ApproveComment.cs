using Makimono.Accounts;
using Makimono.Database;

namespace Makimono.Responses.Comments;

/// <summary>A creator of a moderated work publishes a held comment.</summary>
public static class ApproveComment
{
    public static async Task<CommentResult> RunAsync(ArchiveDbContext db, Viewer viewer, int commentId, CancellationToken ct = default)
    {
        if (await CommentQueries.FindShownAsync(db, commentId, viewer, ct) is not { } comment)
        {
            return CommentResult.NotFound();
        }
        if (!CommentRules.CanApprove(comment, comment.Work, viewer))
        {
            return CommentResult.Refused(comment.State == CommentState.Published
                ? "This comment is published already."
                : "Only the work's creators approve its comments.");
        }
        comment.State = CommentState.Published;
        await CommentCounts.SaveAsync(db, comment.Work, ct);
        return new CommentResult(CommentOutcome.Saved, comment, new());
    }
}
