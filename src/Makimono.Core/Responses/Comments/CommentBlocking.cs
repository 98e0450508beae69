using Makimono.Database;
using Makimono.Works;

namespace Makimono.Responses.Comments;

/// <summary>
/// Blocking as it bears on comments: a user blocked by a creator of a work cannot comment on it, and a user blocked by a
/// commenter cannot reply to them.
/// </summary>
internal static class CommentBlocking
{
    /// <summary>Why the blocking rules refuse this comment, or null.</summary>
    public static Task<string?> RefusalAsync(ArchiveDbContext db, Work work, Comment? parent, int actorUserId, CancellationToken ct)
    {
        // SEAM (until the model sync point brings Responses/Blocking): Blocks.BlockedFromWorkAsync(db, work.Id, actorUserId)
        // and Blocks.AnyBlocksAsync(db, [parent.UserId], actorUserId) answer here.
        _ = (db, work, parent, actorUserId, ct);
        return Task.FromResult<string?>(null);
    }
}
