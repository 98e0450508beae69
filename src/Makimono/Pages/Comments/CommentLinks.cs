using Makimono.Accounts;
using Makimono.Database;
using Makimono.Responses.Comments;

namespace Makimono.Pages.Comments;

internal static class CommentLinks
{
    /// <summary>The comment in place on its chapter's page, on the page of comments its thread is on for this viewer.</summary>
    public static async Task<string> OnChapterAsync(ArchiveDbContext db, Comment comment, Viewer viewer, CancellationToken ct) =>
        $"{ChapterPage(comment.WorkId, comment.ChapterId, await CommentThreads.PageOfAsync(db, comment.Id, viewer, ct))}#comment-{comment.Id}";

    /// <summary>A chapter's page showing page <paramref name="page"/> of its comments.</summary>
    public static string ChapterPage(int workId, int chapterId, int page) =>
        $"/works/{workId}/chapters/{chapterId}{(page > 1 ? $"?page={page}" : "")}";

    public static string Permalink(int commentId) => $"/comments/{commentId}";
}
