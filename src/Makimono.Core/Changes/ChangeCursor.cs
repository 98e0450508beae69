using Makimono.Database;
using Microsoft.EntityFrameworkCore;

namespace Makimono.Changes;

/// <summary>
/// One reader's place in the change log. Ids come from a sequence, and on PostgreSQL a transaction that took a lower
/// id may commit after one that took a higher id; so an id skipped over is kept as a gap and asked for again until it
/// shows up or <see cref="GapPatience"/> passes (a rolled-back save leaves a gap for ever).
/// </summary>
public sealed class ChangeCursor(TimeProvider clock)
{
    public static readonly TimeSpan GapPatience = TimeSpan.FromMinutes(2);
    public const int BatchSize = 10_000;

    private readonly Dictionary<long, DateTimeOffset> _gaps = [];

    /// <summary>The highest id read so far.</summary>
    public long Position { get; private set; }

    /// <summary>
    /// The highest id below which nothing is still awaited: where a reader that keeps its place in the database resumes
    /// after a restart, re-reading what came after (so its work must be idempotent) rather than missing a late commit.
    /// </summary>
    public long SafePosition => _gaps.Count == 0 ? Position : _gaps.Keys.Min() - 1;

    /// <summary>Starts after the log's current end: for a reader that has just built its state from the database.</summary>
    public async Task StartAtEndAsync(ArchiveDbContext db, CancellationToken ct = default)
    {
        Position = await LatestIdAsync(db, ct);
        _gaps.Clear();
    }

    public void StartAt(long position)
    {
        Position = position;
        _gaps.Clear();
    }

    /// <summary>
    /// The log's end: its newest row, or the pruned point when pruning took every row (a reader started at 0 there
    /// would be told it is behind for ever).
    /// </summary>
    public static async Task<long> LatestIdAsync(ArchiveDbContext db, CancellationToken ct = default) =>
        Math.Max(await db.ArchiveChanges.MaxAsync(c => (long?)c.Id, ct) ?? 0, await ChangeLogRetention.PrunedThroughAsync(db, ct));

    /// <summary>
    /// The changes committed since the last read (late ones from earlier gaps included), oldest first. Throws
    /// <see cref="ChangeLogBehindException"/> when rows past this position were pruned (<see cref="ChangeLogRetention"/>):
    /// the reader must then rebuild from the database and start again at the end.
    /// </summary>
    public async Task<List<ArchiveChange>> ReadAsync(ArchiveDbContext db, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        foreach (var expired in _gaps.Where(g => now - g.Value > GapPatience).Select(g => g.Key).ToList())
        {
            _gaps.Remove(expired);
        }
        var after = Position;
        var rows = await db.ArchiveChanges.AsNoTracking().Where(c => c.Id > after)
            .OrderBy(c => c.Id).Take(BatchSize).ToListAsync(ct);
        if (_gaps.Count > 0)
        {
            var gaps = _gaps.Keys.ToList();
            var late = await db.ArchiveChanges.AsNoTracking().Where(c => gaps.Contains(c.Id)).ToListAsync(ct);
            foreach (var row in late)
            {
                _gaps.Remove(row.Id);
            }
            rows = late.Concat(rows).ToList();
        }
        // Read after the rows: pruning records this in the transaction that deletes, so rows it took are never missed unseen.
        if (await ChangeLogRetention.PrunedThroughAsync(db, ct) is var pruned && pruned > after)
        {
            throw new ChangeLogBehindException(after, pruned);
        }
        var expected = after + 1;
        foreach (var row in rows.Where(r => r.Id > after))
        {
            for (; expected < row.Id; expected++)
            {
                _gaps.TryAdd(expected, now);
            }
            expected = row.Id + 1;
            Position = row.Id;
        }
        return rows;
    }
}
