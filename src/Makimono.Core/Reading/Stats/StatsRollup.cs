using System.Data.Common;
using System.Text;
using Makimono.Changes;
using Makimono.Database;
using Makimono.Responses.Comments;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Makimono.Reading.Stats;

/// <summary>
/// Counts kudos, published comments, public bookmarks and subscriptions of works into <see cref="WorkDay"/>, each on
/// the (UTC) day it was made. The change log names the responses that changed; each names its work and day, and that
/// work's day is recounted from the responses themselves, so a recount is a plain "set to", which makes a pass
/// idempotent: two nodes, a restart or a late row read twice all write the same figures. A held comment counts once it
/// is published, on the day it was written; a bookmark made private leaves its day. A response deleted outright
/// (a bookmark, an unsubscribe) leaves no work to recount, so a day keeps what it received then: the figures say what
/// a work received each day, and the totals on the statistics page count what exists now.
/// </summary>
public static class StatsRollup
{
    /// <summary>The name of the statistics' place in the change log (<see cref="Inbox.ChangeLogPosition"/>).</summary>
    public const string PositionName = "stats";

    private const int RowsPerStatement = 200;

    private sealed record Counts(int Kudos, int Comments, int Bookmarks, int Subscriptions);

    /// <summary>The works and days the response rows among <paramref name="changes"/> stand for, read from the responses still there.</summary>
    public static async Task<HashSet<(int WorkId, DateOnly Day)>> DaysOfAsync(ArchiveDbContext db, IEnumerable<ArchiveChange> changes, CancellationToken ct)
    {
        var ids = changes.Where(c => c.Subject is not null && c.SubjectId is not null)
            .ToLookup(c => c.Subject!.Value, c => c.SubjectId!.Value);
        var made = new List<(int WorkId, DateTime CreatedAt)>();
        foreach (var chunk in ids[ChangeSubject.Kudos].Distinct().Chunk(1000))
        {
            made.AddRange((await db.Kudos.Where(k => chunk.Contains(k.Id)).Select(k => new { k.WorkId, k.CreatedAt }).ToListAsync(ct))
                .Select(k => (k.WorkId, k.CreatedAt)));
        }
        foreach (var chunk in ids[ChangeSubject.Comment].Select(id => (int)id).Distinct().Chunk(1000))
        {
            made.AddRange((await db.Comments.Where(c => chunk.Contains(c.Id)).Select(c => new { c.WorkId, c.CreatedAt }).ToListAsync(ct))
                .Select(c => (c.WorkId, c.CreatedAt)));
        }
        foreach (var chunk in ids[ChangeSubject.Bookmark].Select(id => (int)id).Distinct().Chunk(1000))
        {
            made.AddRange((await db.Bookmarks.Where(b => chunk.Contains(b.Id) && b.WorkId != null).Select(b => new { WorkId = b.WorkId!.Value, b.CreatedAt }).ToListAsync(ct))
                .Select(b => (b.WorkId, b.CreatedAt)));
        }
        foreach (var chunk in ids[ChangeSubject.Subscription].Select(id => (int)id).Distinct().Chunk(1000))
        {
            made.AddRange((await db.Subscriptions.Where(s => chunk.Contains(s.Id) && s.WorkId != null).Select(s => new { WorkId = s.WorkId!.Value, s.CreatedAt }).ToListAsync(ct))
                .Select(s => (s.WorkId, s.CreatedAt)));
        }
        return made.Select(m => (m.WorkId, DateOnly.FromDateTime(m.CreatedAt))).ToHashSet();
    }

    /// <summary>Sets the response figures of each work's day from the responses; returns how many days were written.</summary>
    public static async Task<int> RecountAsync(ArchiveDbContext db, IReadOnlyCollection<(int WorkId, DateOnly Day)> days, CancellationToken ct)
    {
        var written = 0;
        // Few works and days per batch, so each query reads a narrow slice of each response table through its WorkId index.
        foreach (var batch in days.OrderBy(d => d.WorkId).ThenBy(d => d.Day).Chunk(RowsPerStatement))
        {
            var workIds = batch.Select(d => d.WorkId).Distinct().ToList();
            var existing = (await db.Works.Where(w => workIds.Contains(w.Id)).Select(w => w.Id).ToListAsync(ct)).ToHashSet();
            var from = batch.Min(d => d.Day).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            var to = batch.Max(d => d.Day).AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            var counts = await CountAsync(db, workIds, from, to, ct);
            var rows = batch.Where(d => existing.Contains(d.WorkId))
                .Select(d => (d.WorkId, d.Day, counts.GetValueOrDefault(d) ?? new Counts(0, 0, 0, 0))).ToList();
            await UpsertAsync(db, rows, ct);
            written += rows.Count;
        }
        return written;
    }

    /// <summary>Every work's every day, from all the responses: a first start, where responses predate the statistics.</summary>
    public static async Task<int> RecountAllAsync(ArchiveDbContext db, CancellationToken ct)
    {
        var counts = await CountAsync(db, null, null, null, ct);
        var days = counts.Keys.ToList();
        return await RecountAsync(db, days, ct);
    }

    private static async Task<Dictionary<(int WorkId, DateOnly Day), Counts>> CountAsync(ArchiveDbContext db, List<int>? workIds, DateTime? from, DateTime? to, CancellationToken ct)
    {
        var kudos = db.Kudos.AsQueryable();
        var comments = db.Comments.Where(c => c.State == CommentState.Published);
        var bookmarks = db.Bookmarks.Where(b => b.WorkId != null && !b.IsPrivate);
        var subscriptions = db.Subscriptions.Where(s => s.WorkId != null);
        if (workIds is not null)
        {
            kudos = kudos.Where(k => workIds.Contains(k.WorkId));
            comments = comments.Where(c => workIds.Contains(c.WorkId));
            bookmarks = bookmarks.Where(b => workIds.Contains(b.WorkId!.Value));
            subscriptions = subscriptions.Where(s => workIds.Contains(s.WorkId!.Value));
        }
        if (from is { } start && to is { } end)
        {
            kudos = kudos.Where(k => k.CreatedAt >= start && k.CreatedAt < end);
            comments = comments.Where(c => c.CreatedAt >= start && c.CreatedAt < end);
            bookmarks = bookmarks.Where(b => b.CreatedAt >= start && b.CreatedAt < end);
            subscriptions = subscriptions.Where(s => s.CreatedAt >= start && s.CreatedAt < end);
        }
        var perDay = new Dictionary<(int, DateOnly), int[]>();
        void Add(int measure, IEnumerable<(int WorkId, DateTime CreatedAt)> made)
        {
            foreach (var (workId, createdAt) in made)
            {
                var key = (workId, DateOnly.FromDateTime(createdAt));
                if (!perDay.TryGetValue(key, out var figures))
                {
                    perDay[key] = figures = new int[4];
                }
                figures[measure]++;
            }
        }
        // Grouped here rather than by the database: a day is a UTC day, whatever time zone a PostgreSQL session has.
        Add(0, (await kudos.Select(k => new { k.WorkId, k.CreatedAt }).ToListAsync(ct)).Select(k => (k.WorkId, k.CreatedAt)));
        Add(1, (await comments.Select(c => new { c.WorkId, c.CreatedAt }).ToListAsync(ct)).Select(c => (c.WorkId, c.CreatedAt)));
        Add(2, (await bookmarks.Select(b => new { WorkId = b.WorkId!.Value, b.CreatedAt }).ToListAsync(ct)).Select(b => (b.WorkId, b.CreatedAt)));
        Add(3, (await subscriptions.Select(s => new { WorkId = s.WorkId!.Value, s.CreatedAt }).ToListAsync(ct)).Select(s => (s.WorkId, s.CreatedAt)));
        return perDay.ToDictionary(p => p.Key, p => new Counts(p.Value[0], p.Value[1], p.Value[2], p.Value[3]));
    }

    /// <summary>One statement for both databases; hits are the flush's and are left as they are.</summary>
    private static async Task UpsertAsync(ArchiveDbContext db, List<(int WorkId, DateOnly Day, Counts Counts)> rows, CancellationToken ct)
    {
        if (rows.Count == 0)
        {
            return;
        }
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var command = connection.CreateCommand();
            command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
            var sql = new StringBuilder("""INSERT INTO "WorkDays" ("WorkId", "Day", "Hits", "Kudos", "Comments", "Bookmarks", "Subscriptions") VALUES """);
            foreach (var (row, i) in rows.Select((r, i) => (r, i)))
            {
                sql.Append(i == 0 ? "" : ", ").Append('(').Append(Parameter(command, row.WorkId)).Append(", ").Append(Parameter(command, row.Day)).Append(", 0, ")
                    .Append(Parameter(command, row.Counts.Kudos)).Append(", ").Append(Parameter(command, row.Counts.Comments)).Append(", ")
                    .Append(Parameter(command, row.Counts.Bookmarks)).Append(", ").Append(Parameter(command, row.Counts.Subscriptions)).Append(')');
            }
            sql.Append(""" ON CONFLICT ("WorkId", "Day") DO UPDATE SET "Kudos" = excluded."Kudos", "Comments" = excluded."Comments", """)
                .Append(""" "Bookmarks" = excluded."Bookmarks", "Subscriptions" = excluded."Subscriptions" """);
            command.CommandText = sql.ToString();
            await command.ExecuteNonQueryAsync(ct);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static string Parameter(DbCommand command, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = "@p" + command.Parameters.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
        parameter.Value = value;
        command.Parameters.Add(parameter);
        return parameter.ParameterName;
    }
}
