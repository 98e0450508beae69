using Makimono.Database;
using Makimono.Works;
using Microsoft.EntityFrameworkCore;

namespace Makimono.Responses.Blocking;

public enum BlockResult
{
    Blocked,
    AlreadyBlocked,
    Self,
    LimitReached,
}

/// <summary>Blocking and unblocking another user, with AO3's limit of <see cref="Limits.BlocksMax"/> blocks a user.</summary>
public static class BlockUser
{
    public static async Task<BlockResult> BlockAsync(ArchiveDbContext db, TimeProvider clock, int blockerId, int blockedId, CancellationToken ct = default)
    {
        if (blockerId == blockedId)
        {
            return BlockResult.Self;
        }
        if (await db.UserBlocks.AnyAsync(b => b.BlockerId == blockerId && b.BlockedId == blockedId, ct))
        {
            return BlockResult.AlreadyBlocked;
        }
        // Two requests racing at the limit could pass this check together and end one over it; the limit is there
        // to keep lists usable, and one over harms nothing, so it is not worth a lock on every block.
        if (await db.UserBlocks.CountAsync(b => b.BlockerId == blockerId, ct) >= Limits.BlocksMax)
        {
            return BlockResult.LimitReached;
        }
        db.UserBlocks.Add(new UserBlock { BlockerId = blockerId, BlockedId = blockedId, CreatedAt = clock.GetUtcNow().UtcDateTime });
        try
        {
            await db.SaveChangesAsync(ct);
            return BlockResult.Blocked;
        }
        catch (DbUpdateException)
        {
            // The same block saved by another request (a double click) between the check and the insert.
            db.ChangeTracker.Clear();
            if (await IsBlockingAsync(db, blockerId, blockedId, ct))
            {
                return BlockResult.AlreadyBlocked;
            }
            throw;
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }

    /// <summary>True when there was a block to lift.</summary>
    public static async Task<bool> UnblockAsync(ArchiveDbContext db, int blockerId, int blockedId, CancellationToken ct = default) =>
        await db.UserBlocks.Where(b => b.BlockerId == blockerId && b.BlockedId == blockedId).ExecuteDeleteAsync(ct) > 0;

    public static Task<bool> IsBlockingAsync(ArchiveDbContext db, int blockerId, int blockedId, CancellationToken ct = default) =>
        db.UserBlocks.AnyAsync(b => b.BlockerId == blockerId && b.BlockedId == blockedId, ct);

    /// <summary>The users this user blocks, by name.</summary>
    public static Task<List<(string UserName, DateTime Since)>> BlockedUsersAsync(ArchiveDbContext db, int blockerId, CancellationToken ct = default) =>
        db.UserBlocks.Where(b => b.BlockerId == blockerId).OrderBy(b => b.Blocked.UserName)
            .Select(b => new ValueTuple<string, DateTime>(b.Blocked.UserName, b.CreatedAt)).ToListAsync(ct);
}
