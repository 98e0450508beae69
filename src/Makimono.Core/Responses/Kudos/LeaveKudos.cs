using System.Net;
using Makimono.Accounts;
using Makimono.Changes;
using Makimono.Database;
using Makimono.Responses.Blocking;
using Makimono.Works;
using Microsoft.EntityFrameworkCore;

namespace Makimono.Responses.Kudos;

public enum KudosResult
{
    Left,
    AlreadyLeft,
    OwnWork,
    /// <summary>A guest on a restricted work: logging in would allow it.</summary>
    LogInFirst,
    Blocked,
    /// <summary>A guest whose address the archive cannot see (a Unix socket without a proxy's header): one per guest cannot be kept.</summary>
    GuestAddressUnknown,
    /// <summary>No such work, or one the viewer may not read (a draft, a hidden work): the same answer for both.</summary>
    NotFound,
}

/// <summary>
/// The kudos rules, in one place: one per logged-in user, or per guest address (<see cref="GuestKeys"/>), per work;
/// none on one's own work (any accepted co-creator's); only on posted works the viewer may read (<see cref="WorkAccess"/>),
/// so never on drafts or hidden works, and never from a guest on a restricted work; none from a user that one of
/// the work's creators blocked (<see cref="Blocks"/>). The unique keys on the table make "one each" hold when two
/// requests, on two nodes, race.
/// </summary>
public static class LeaveKudos
{
    public static async Task<KudosResult> RunAsync(ArchiveDbContext db, TimeProvider clock, int workId, Viewer viewer,
        IPAddress? guestAddress, CancellationToken ct = default)
    {
        var work = await db.Works.Where(w => w.Id == workId).Select(WorkAccess.Facts).SingleOrDefaultAsync(ct);
        if (work is null)
        {
            return KudosResult.NotFound;
        }
        if (viewer.UserId is int creator && work.CreatorUserIds.Contains(creator))
        {
            return KudosResult.OwnWork;
        }
        if (!WorkAccess.IsVisibleTo(work, viewer))
        {
            return !viewer.IsLoggedIn && !work.IsDraft && !work.IsHidden ? KudosResult.LogInFirst : KudosResult.NotFound;
        }
        // An admin may read a hidden work to moderate it; responses wait until it is shown again.
        if (!WorkAccess.TakesResponsesFrom(work, viewer))
        {
            return KudosResult.NotFound;
        }
        var kudos = new Kudos { WorkId = workId, CreatedAt = clock.GetUtcNow().UtcDateTime };
        if (viewer.UserId is int userId)
        {
            if (await Blocks.BlockedFromWorkAsync(db, workId, userId, ct))
            {
                return KudosResult.Blocked;
            }
            kudos.UserId = userId;
        }
        else if (guestAddress is null)
        {
            return KudosResult.GuestAddressUnknown;
        }
        else
        {
            kudos.GuestKey = await GuestKeys.ForAsync(db, guestAddress, ct);
        }
        if (await ExistsAsync(db, kudos, ct))
        {
            return KudosResult.AlreadyLeft;
        }
        try
        {
            await InsertAsync(db, kudos, ct);
            return KudosResult.Left;
        }
        catch (DbUpdateException)
        {
            // Another request (another node, a double click) saved the same kudos between the check and the insert.
            db.ChangeTracker.Clear();
            if (await ExistsAsync(db, kudos, ct))
            {
                return KudosResult.AlreadyLeft;
            }
            throw;
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }

    private static Task<bool> ExistsAsync(ArchiveDbContext db, Kudos kudos, CancellationToken ct) => kudos.UserId is int userId
        ? db.Kudos.AnyAsync(k => k.WorkId == kudos.WorkId && k.UserId == userId, ct)
        : db.Kudos.AnyAsync(k => k.WorkId == kudos.WorkId && k.GuestKey == kudos.GuestKey, ct);

    /// <summary>
    /// The row, the work's count (an increment in the database, so racing kudos for one work each count) and a change
    /// log row for the work (its count changed: listings sort and filter on it) commit together.
    /// </summary>
    private static async Task InsertAsync(ArchiveDbContext db, Kudos kudos, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        db.Kudos.Add(kudos);
        db.ArchiveChanges.Add(new ArchiveChange { WorkId = kudos.WorkId });
        await db.SaveChangesAsync(ct);
        await db.Works.Where(w => w.Id == kudos.WorkId)
            .ExecuteUpdateAsync(s => s.SetProperty(w => w.KudosCount, w => w.KudosCount + 1), ct);
        await transaction.CommitAsync(ct);
    }
}
