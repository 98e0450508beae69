using Makimono.Database;
using Microsoft.EntityFrameworkCore;

namespace Makimono.Responses.Blocking;

/// <summary>
/// The one home of the blocking rule: a user blocked by someone may not leave kudos on, comment on or reply to what
/// that someone owns. A work is owned by each of its accepted creators, so a block by any co-creator counts.
/// </summary>
public static class Blocks
{
    /// <summary>True when any accepted creator of the work has blocked the actor.</summary>
    public static Task<bool> BlockedFromWorkAsync(ArchiveDbContext db, int workId, int actorUserId, CancellationToken ct = default) =>
        db.UserBlocks.AnyAsync(b => b.BlockedId == actorUserId
            && db.WorkCreators.Any(c => c.WorkId == workId && c.Accepted && c.Pseud.UserId == b.BlockerId), ct);

    /// <summary>True when any of the owners (the authors of comments, a work's creators…) has blocked the actor.</summary>
    public static Task<bool> AnyBlocksAsync(ArchiveDbContext db, IEnumerable<int> ownerUserIds, int actorUserId, CancellationToken ct = default)
    {
        var owners = ownerUserIds.Distinct().ToList();
        return owners.Count == 0
            ? Task.FromResult(false)
            : db.UserBlocks.AnyAsync(b => b.BlockedId == actorUserId && owners.Contains(b.BlockerId), ct);
    }
}
