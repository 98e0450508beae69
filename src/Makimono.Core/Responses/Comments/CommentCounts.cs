using Makimono.Database;
using Makimono.Works;
using Microsoft.EntityFrameworkCore;

namespace Makimono.Responses.Comments;

/// <summary>Keeps <see cref="Work.CommentCount"/> equal to the work's published comments.</summary>
internal static class CommentCounts
{
    /// <summary>
    /// Saves the pending comment changes of one work and recounts its published comments, in one transaction that
    /// first locks the work's row: two comments saved at once (on two nodes) then count one after the other instead of
    /// both writing "one more than before". The work is saved through the context, so the change log hears of the
    /// new count and listings sorted by comments follow.
    /// </summary>
    public static async Task SaveAsync(ArchiveDbContext db, Work work, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.Works.Where(w => w.Id == work.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(w => w.CommentCount, w => w.CommentCount), ct);
        await db.SaveChangesAsync(ct);
        await db.Entry(work).ReloadAsync(ct);
        var count = await db.Comments.CountAsync(c => c.WorkId == work.Id && c.State == CommentState.Published, ct);
        if (work.CommentCount != count)
        {
            work.CommentCount = count;
            await db.SaveChangesAsync(ct);
        }
        await transaction.CommitAsync(ct);
    }
}
