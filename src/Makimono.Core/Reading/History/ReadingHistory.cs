using Makimono.Accounts;
using Makimono.Database;
using Makimono.Works;
using Microsoft.EntityFrameworkCore;

namespace Makimono.Reading.History;

/// <summary>A reader's history and "marked for later": recording a visit, marking, clearing, and the on/off setting.</summary>
public static class ReadingHistory
{
    /// <summary>
    /// Records that the user opened a work at a chapter (null: the whole work, which keeps the chapter known before),
    /// in one statement: an insert, or one more visit on the existing row, and nothing when the user turned history off.
    /// Safe when two nodes record the same reader at once (the primary key decides, the other becomes an update).
    /// </summary>
    public static Task RecordAsync(ArchiveDbContext db, TimeProvider clock, int userId, int workId, int? chapterId, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return db.Database.ExecuteSqlInterpolatedAsync($"""
            INSERT INTO "ReadingPositions" ("UserId", "WorkId", "ChapterId", "LastReadAt", "Visits", "MarkedForLater")
            SELECT {userId}, {workId}, CAST({chapterId} AS integer), {now}, 1, FALSE
            WHERE NOT EXISTS (SELECT 1 FROM "ReadingSettings" s WHERE s."UserId" = {userId} AND s."HistoryOff")
            ON CONFLICT ("UserId", "WorkId") DO UPDATE SET
              "ChapterId" = COALESCE(excluded."ChapterId", "ReadingPositions"."ChapterId"),
              "LastReadAt" = excluded."LastReadAt",
              "Visits" = "ReadingPositions"."Visits" + 1
            """, ct);
    }

    /// <summary>Marks a work the viewer may read for later, or unmarks it; false when the viewer may not read it.</summary>
    public static async Task<bool> SetMarkedForLaterAsync(ArchiveDbContext db, Viewer viewer, int workId, bool marked, CancellationToken ct)
    {
        if (viewer.UserId is not int userId || !await db.Works.VisibleTo(viewer).AnyAsync(w => w.Id == workId && !w.IsDraft, ct))
        {
            return false;
        }
        await db.Database.ExecuteSqlInterpolatedAsync($"""
            INSERT INTO "ReadingPositions" ("UserId", "WorkId", "ChapterId", "LastReadAt", "Visits", "MarkedForLater")
            VALUES ({userId}, {workId}, NULL, NULL, 0, {marked})
            ON CONFLICT ("UserId", "WorkId") DO UPDATE SET "MarkedForLater" = excluded."MarkedForLater"
            """, ct);
        // A row that neither marks nor remembers a visit says nothing.
        await db.ReadingPositions.Where(p => p.UserId == userId && p.WorkId == workId && !p.MarkedForLater && p.Visits == 0).ExecuteDeleteAsync(ct);
        return true;
    }

    /// <summary>Forgets every visit: rows only visited go, rows marked for later stay marked without a position.</summary>
    public static async Task ClearAsync(ArchiveDbContext db, int userId, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.ReadingPositions.Where(p => p.UserId == userId && !p.MarkedForLater).ExecuteDeleteAsync(ct);
        await db.ReadingPositions.Where(p => p.UserId == userId).ExecuteUpdateAsync(s => s
            .SetProperty(p => p.ChapterId, (int?)null).SetProperty(p => p.LastReadAt, (DateTime?)null).SetProperty(p => p.Visits, 0), ct);
        await transaction.CommitAsync(ct);
    }

    public static async Task<bool> IsOnAsync(ArchiveDbContext db, int userId, CancellationToken ct) =>
        !await db.ReadingSettings.AnyAsync(s => s.UserId == userId && s.HistoryOff, ct);

    /// <summary>Turns recording on or off; what was recorded stays until cleared.</summary>
    public static async Task SetOnAsync(ArchiveDbContext db, int userId, bool on, CancellationToken ct)
    {
        var settings = await db.ReadingSettings.FindAsync([userId], ct);
        if (settings is null)
        {
            settings = new ReadingSettings { UserId = userId };
            db.ReadingSettings.Add(settings);
        }
        settings.HistoryOff = !on;
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Where to pick up: the last few works the user read that they may still read, newest first.</summary>
    public static async Task<IReadOnlyList<ContinueReading>> ContinueAsync(ArchiveDbContext db, Viewer viewer, int count, CancellationToken ct)
    {
        if (viewer.UserId is not int userId)
        {
            return [];
        }
        var readable = db.Works.VisibleTo(viewer);
        return await db.ReadingPositions
            .Where(p => p.UserId == userId && p.LastReadAt != null && readable.Any(w => w.Id == p.WorkId))
            .OrderByDescending(p => p.LastReadAt).ThenByDescending(p => p.WorkId).Take(count)
            .Select(p => new ContinueReading(p.WorkId, p.Work.Title, p.LastReadAt!.Value,
                p.Chapter != null && !p.Chapter.IsDraft ? p.ChapterId : null,
                p.Chapter != null && !p.Chapter.IsDraft ? p.Work.Chapters.Count(c => !c.IsDraft && c.Position <= p.Chapter.Position) : null,
                p.Work.PostedChapterCount))
            .ToListAsync(ct);
    }
}

/// <summary>A work to pick up: the chapter (and its number among the posted ones) when it can still be read.</summary>
public sealed record ContinueReading(int WorkId, string Title, DateTime LastReadAt, int? ChapterId, int? ChapterNumber, int PostedChapters)
{
    public string Url => ChapterId is int chapter && PostedChapters > 1 ? $"/works/{WorkId}/chapters/{chapter}" : $"/works/{WorkId}";
}
