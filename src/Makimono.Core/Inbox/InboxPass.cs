using Makimono.Changes;
using Makimono.Database;
using Microsoft.EntityFrameworkCore;

namespace Makimono.Inbox;

/// <summary>
/// One pass of the inbox worker: reads the change log from where the last pass stopped, writes the inbox items the
/// new rows call for, keeps its place in the database (<see cref="ChangeLogPosition"/>), then runs every
/// <see cref="IInboxWorkerStep"/>. Items are inserted idempotently, so two web nodes running passes on one database,
/// or a restart that re-reads rows from the kept place, give every item once. One instance per process; passes on it
/// take turns.
/// </summary>
public sealed class InboxPass(TimeProvider clock) : IDisposable
{
    /// <summary>The worker's name in <see cref="ChangeLogPosition"/>.</summary>
    public const string ReaderName = "inbox";

    private readonly ChangeCursor _cursor = new(clock);
    private readonly SemaphoreSlim _turn = new(1, 1);
    private bool _started;

    public void Dispose() => _turn.Dispose();

    /// <summary>Returns how many new inbox items the pass wrote.</summary>
    public async Task<int> RunAsync(ArchiveDbContext db, ISavedSearchQueries savedSearches, IEnumerable<IInboxWorkerStep> steps, CancellationToken ct)
    {
        await _turn.WaitAsync(ct);
        try
        {
            var written = await CatchUpAsync(db, savedSearches, ct);
            foreach (var step in steps)
            {
                await step.RunAsync(db, ct);
            }
            return written;
        }
        catch
        {
            // The cursor may have moved past rows whose items were not written: start again from the kept place.
            _started = false;
            throw;
        }
        finally
        {
            _turn.Release();
        }
    }

    private async Task<int> CatchUpAsync(ArchiveDbContext db, ISavedSearchQueries savedSearches, CancellationToken ct)
    {
        if (!_started)
        {
            _cursor.StartAt(await StartingPositionAsync(db, ct));
            _started = true;
        }
        var written = 0;
        while (true)
        {
            List<ArchiveChange> rows;
            try
            {
                rows = await _cursor.ReadAsync(db, ct);
            }
            catch (ChangeLogBehindException behind)
            {
                // Rows this reader never read were pruned (it was stopped past the retention): news that old is no
                // longer news, so go on from the pruned point instead of failing every pass from now on.
                _cursor.StartAt(behind.PrunedThrough);
                await KeepPositionAsync(db, behind.PrunedThrough, clock.GetUtcNow().UtcDateTime, ct);
                continue;
            }
            if (rows.Count == 0)
            {
                break;
            }
            var now = clock.GetUtcNow().UtcDateTime;
            var workIds = rows.Where(r => r.WorkId is not null).Select(r => r.WorkId!.Value).ToHashSet();
            var items = await SubscriptionNews.FindAsync(db, savedSearches, workIds, now, ct);
            var responses = await ResponseNews.FindAsync(db, rows, now, ct);
            written += await InboxInserts.AddAsync(db, [.. items, .. responses.Items], ct);
            await ResponseNews.RemoveAsync(db, responses, ct);
            await KeepPositionAsync(db, _cursor.SafePosition, now, ct);
            if (rows.Count < ChangeCursor.BatchSize)
            {
                break;
            }
        }
        return written;
    }

    /// <summary>
    /// The kept place; on the very first start, the log's current end (what happened before the inbox existed is not
    /// news). When two nodes start together, the first row stored wins and both start from it.
    /// </summary>
    private async Task<long> StartingPositionAsync(ArchiveDbContext db, CancellationToken ct)
    {
        var kept = await db.ChangeLogPositions.AsNoTracking().Where(p => p.Name == ReaderName).Select(p => (long?)p.Position).FirstOrDefaultAsync(ct);
        if (kept is long position)
        {
            return position;
        }
        var end = await ChangeCursor.LatestIdAsync(db, ct);
        await db.Database.ExecuteSqlAsync(
            $"""INSERT INTO "ChangeLogPositions" ("Name", "Position", "UpdatedAt") VALUES ({ReaderName}, {end}, {clock.GetUtcNow().UtcDateTime}) ON CONFLICT DO NOTHING""", ct);
        return await db.ChangeLogPositions.AsNoTracking().Where(p => p.Name == ReaderName).Select(p => p.Position).FirstAsync(ct);
    }

    /// <summary>Moves the kept place forward only, whichever node gets there first.</summary>
    private static Task<int> KeepPositionAsync(ArchiveDbContext db, long position, DateTime now, CancellationToken ct) =>
        db.ChangeLogPositions.Where(p => p.Name == ReaderName && p.Position < position)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.Position, position).SetProperty(p => p.UpdatedAt, now), ct);
}
