using Makimono.Database;
using Makimono.Responses.Blocking;
using Makimono.Works;

namespace Makimono.Responses.Comments;

/// <summary>
/// Blocking as it bears on comments: a user blocked by a creator of a work cannot comment on it, and a user blocked by a
/// commenter cannot reply to them.
/// </summary>
internal static class CommentBlocking
{
    /// <summary>Why the blocking rules refuse this comment, or null.</summary>
    public static async Task<string?> RefusalAsync(ArchiveDbContext db, Work work, Comment? parent, int actorUserId, CancellationToken ct)
    {
        if (await Blocks.BlockedFromWorkAsync(db, work.Id, actorUserId, ct))
        {
            return "A creator of this work has blocked you, so you cannot comment on it.";
        }
        if (parent?.UserId is int parentAuthor && await Blocks.AnyBlocksAsync(db, [parentAuthor], actorUserId, ct))
        {
            return "The writer of that comment has blocked you, so you cannot reply to it.";
        }
        return null;
    }
}
