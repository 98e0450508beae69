using Makimono.Database;
using Microsoft.EntityFrameworkCore;

namespace Makimono.Reading.Hits;

/// <summary>
/// Deletes the visitor keys (and the day secrets behind them) once their day is over: the daily figures stay in
/// <see cref="Stats.WorkDay"/>, the visits do not. A few minutes' grace lets the last visits of a day, still in a
/// buffer at midnight, be written against that day's keys; visits older than that are no longer counted.
/// </summary>
public static class HitPruning
{
    public static readonly TimeSpan Grace = TimeSpan.FromMinutes(15);

    /// <summary>The first day whose visitor keys are still kept at <paramref name="now"/>.</summary>
    public static DateOnly FirstKeptDay(DateTimeOffset now) => DateOnly.FromDateTime((now - Grace).UtcDateTime);

    /// <returns>The visitor keys deleted.</returns>
    public static async Task<int> PruneAsync(ArchiveDbContext db, VisitorKeys keys, DateTimeOffset now, CancellationToken ct)
    {
        var firstKept = FirstKeptDay(now);
        var deleted = await db.Set<HitVisitor>().Where(v => v.Day < firstKept).ExecuteDeleteAsync(ct);
        await keys.PruneAsync(db, firstKept, ct);
        return deleted;
    }
}
