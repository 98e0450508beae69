using Makimono.Accounts;
using Makimono.Database;
using Makimono.Works;

namespace Makimono.Responses.Comments;

/// <summary>The commenter changes their comment's text; pages then show it as edited.</summary>
public static class EditComment
{
    public static async Task<CommentResult> RunAsync(
        ArchiveDbContext db, TimeProvider clock, Viewer viewer, int commentId, string? body, CancellationToken ct = default)
    {
        if (await CommentQueries.FindShownAsync(db, commentId, viewer, ct) is not { } comment)
        {
            return CommentResult.NotFound();
        }
        if (!CommentRules.IsCommenter(comment, viewer))
        {
            return CommentResult.Refused("Only the person who wrote a comment can edit it.");
        }
        if (CommentRules.IsFrozen(comment, await CommentQueries.ThreadOfAsync(db, comment, ct)))
        {
            return CommentResult.Refused("This thread is frozen: its comments cannot be edited.");
        }
        var errors = new FormErrors();
        if (PostComment.Body(errors, body) is not { } html)
        {
            return new CommentResult(CommentOutcome.Refused, null, errors);
        }
        if (html != comment.Body)
        {
            comment.Body = html;
            comment.EditedAt = clock.GetUtcNow().UtcDateTime;
            await db.SaveChangesAsync(ct);
        }
        return new CommentResult(CommentOutcome.Saved, comment, errors);
    }

    /// <summary>The text to put back in the edit box: what was typed, where the stored HTML allows it.</summary>
    public static string? ForEditing(Comment comment) => Text.UserHtml.ForEditing(comment.Body);
}
