using Makimono.Accounts;
using Makimono.Database;
using Makimono.Responses.Comments;
using Makimono.Works;
using Microsoft.EntityFrameworkCore;

namespace Makimono.Reading.Stats;

/// <summary>One work's figures since it was posted.</summary>
public sealed record WorkTotals(int WorkId, string Title, bool IsDraft, int Hits, int Kudos, int Comments, int Bookmarks, int Subscriptions)
{
    public int ValueOf(StatsMeasure measure) => measure switch
    {
        StatsMeasure.Hits => Hits,
        StatsMeasure.Kudos => Kudos,
        StatsMeasure.Comments => Comments,
        StatsMeasure.Bookmarks => Bookmarks,
        _ => Subscriptions,
    };
}

/// <summary>The figures of a range of days summed into buckets, one array per measure, in the order of <see cref="Starts"/>.</summary>
public sealed record StatsSeries(StatsBucket Bucket, DateOnly From, DateOnly Through, IReadOnlyList<DateOnly> Starts,
    IReadOnlyDictionary<StatsMeasure, int[]> Values);

/// <summary>An author's statistics: the figures of each of their works, and the daily figures over time.</summary>
public static class AuthorStats
{
    /// <summary>Only the author and admins see an author's statistics.</summary>
    public static bool MayView(Viewer viewer, int authorUserId) => viewer.UserId == authorUserId || viewer.IsAdmin;

    /// <summary>
    /// Works the user is an accepted creator of that the viewer may see (<see cref="WorkAccess"/>): all of them, drafts
    /// included, for the author; the posted ones, hidden included, for an admin. A draft is its creators' alone.
    /// </summary>
    public static IQueryable<Work> WorksOf(ArchiveDbContext db, int userId, Viewer viewer) =>
        db.Works.VisibleTo(viewer).Where(w => w.Creators.Any(c => c.Accepted && c.Pseud.UserId == userId));

    /// <summary>
    /// Each work's hits, and the responses it has now: kudos, published comments, public bookmarks and subscribers,
    /// counted from the responses themselves (as the daily figures are), so the table and the charts agree.
    /// </summary>
    public static async Task<List<WorkTotals>> TotalsAsync(ArchiveDbContext db, int userId, Viewer viewer, CancellationToken ct = default)
    {
        var works = await WorksOf(db, userId, viewer).Select(w => new { w.Id, w.Title, w.IsDraft, w.HitCount }).ToListAsync(ct);
        var ids = works.Select(w => w.Id).ToList();
        var kudos = await db.Kudos.Where(k => ids.Contains(k.WorkId)).GroupBy(k => k.WorkId)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var comments = await db.Comments.Where(c => ids.Contains(c.WorkId) && c.State == CommentState.Published).GroupBy(c => c.WorkId)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var bookmarks = await db.Bookmarks.Where(b => b.WorkId != null && ids.Contains(b.WorkId.Value) && !b.IsPrivate).GroupBy(b => b.WorkId!.Value)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var subscriptions = await db.Subscriptions.Where(s => s.WorkId != null && ids.Contains(s.WorkId.Value)).GroupBy(s => s.WorkId!.Value)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        return works.Select(w => new WorkTotals(w.Id, w.Title, w.IsDraft, w.HitCount, kudos.GetValueOrDefault(w.Id),
            comments.GetValueOrDefault(w.Id), bookmarks.GetValueOrDefault(w.Id), subscriptions.GetValueOrDefault(w.Id))).ToList();
    }

    /// <summary>
    /// The daily figures of the author's works (or of one of them) in the period ending <paramref name="today"/>, summed
    /// into whole buckets: the first bucket starts on its own first day, even if that is before the period.
    /// </summary>
    public static async Task<StatsSeries> SeriesAsync(ArchiveDbContext db, int userId, Viewer viewer, int? workId, StatsPeriod period, StatsBucket bucket,
        DateOnly today, CancellationToken ct = default)
    {
        var works = WorksOf(db, userId, viewer).Where(w => workId == null || w.Id == workId).Select(w => w.Id);
        var days = db.Set<WorkDay>().Where(d => works.Contains(d.WorkId));
        var from = period.Days is int count
            ? today.AddDays(1 - count)
            : await days.MinAsync(d => (DateOnly?)d.Day, ct) ?? today;
        from = StatsBuckets.StartOf(from, bucket);
        var sums = await days.Where(d => d.Day >= from && d.Day <= today).GroupBy(d => d.Day).Select(g => new WorkDay
        {
            Day = g.Key,
            Hits = g.Sum(d => d.Hits),
            Kudos = g.Sum(d => d.Kudos),
            Comments = g.Sum(d => d.Comments),
            Bookmarks = g.Sum(d => d.Bookmarks),
            Subscriptions = g.Sum(d => d.Subscriptions),
        }).ToListAsync(ct);
        var starts = StatsBuckets.Starts(from, today, bucket);
        var values = Enum.GetValues<StatsMeasure>().ToDictionary(m => m,
            m => StatsBuckets.Sum(sums.Select(d => (d.Day, StatsBuckets.ValueOf(d, m))), starts, bucket));
        return new StatsSeries(bucket, from, today, starts, values);
    }
}
