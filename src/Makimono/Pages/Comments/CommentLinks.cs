using Makimono.Responses.Comments;

namespace Makimono.Pages.Comments;

internal static class CommentLinks
{
    /// <summary>The comment in place on its chapter's page.</summary>
    public static string OnChapter(Comment comment) => $"/works/{comment.WorkId}/chapters/{comment.ChapterId}#comment-{comment.Id}";

    public static string Permalink(int commentId) => $"/comments/{commentId}";
}
