using System.Data.Common;
using System.Text;
using Makimono.Database;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Makimono.Reading.Hits;

/// <summary>
/// Writes a batch of buffered visits in one transaction: the visitor keys go in with ON CONFLICT DO NOTHING (both
/// SQLite and PostgreSQL), and only the rows that went in, i.e. visitors not yet counted today by this or any other
/// node, are added to <see cref="Works.Work.HitCount"/> and to the day's <see cref="Stats.WorkDay.Hits"/>. A visitor in
/// two nodes' batches at once is counted by whichever commits first; the other's insert waits for it and skips.
/// </summary>
public static class HitFlush
{
    /// <summary>Rows per statement: three parameters each, well under both databases' parameter limits.</summary>
    private const int RowsPerStatement = 300;

    /// <returns>The new hits per work.</returns>
    public static async Task<Dictionary<int, int>> WriteAsync(ArchiveDbContext db, VisitorKeys keys, IReadOnlyCollection<HitVisit> visits, CancellationToken ct)
    {
        var rows = new Dictionary<(int WorkId, DateOnly Day, string Key), byte[]>();
        foreach (var day in visits.GroupBy(v => v.Day))
        {
            var secret = await keys.SecretAsync(db, day.Key, ct);
            foreach (var visit in day)
            {
                var key = VisitorKeys.KeyOf(secret, visit.Visitor);
                rows.TryAdd((visit.WorkId, visit.Day, Convert.ToHexString(key)), key);
            }
        }
        var workIds = rows.Keys.Select(r => r.WorkId).Distinct().ToList();
        // The page counted only works its reader may read; a work deleted, hidden or taken back to draft since is not counted.
        var countable = (await db.Works.Where(w => workIds.Contains(w.Id) && !w.IsDraft && !w.IsHidden).Select(w => w.Id).ToListAsync(ct)).ToHashSet();
        // One order for every node's batch, so two batches that share visitors lock their rows in the same order.
        var ordered = rows.Where(r => countable.Contains(r.Key.WorkId))
            .OrderBy(r => r.Key.WorkId).ThenBy(r => r.Key.Day).ThenBy(r => r.Key.Key, StringComparer.Ordinal)
            .Select(r => (r.Key.WorkId, r.Key.Day, Key: r.Value)).ToList();
        if (ordered.Count == 0)
        {
            return [];
        }
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var inserted = new List<(int WorkId, DateOnly Day)>();
        foreach (var chunk in ordered.Chunk(RowsPerStatement))
        {
            inserted.AddRange(await InsertVisitorsAsync(db, chunk, ct));
        }
        var perWork = inserted.GroupBy(i => i.WorkId).OrderBy(g => g.Key).ToDictionary(g => g.Key, g => g.Count());
        var perDay = inserted.GroupBy(i => i).OrderBy(g => g.Key.WorkId).ThenBy(g => g.Key.Day).Select(g => (g.Key.WorkId, g.Key.Day, Hits: g.Count())).ToList();
        foreach (var chunk in perWork.Chunk(RowsPerStatement))
        {
            await AddToWorksAsync(db, chunk, ct);
        }
        foreach (var chunk in perDay.Chunk(RowsPerStatement))
        {
            await AddToDaysAsync(db, chunk, ct);
        }
        await transaction.CommitAsync(ct);
        return perWork;
    }

    private static async Task<List<(int WorkId, DateOnly Day)>> InsertVisitorsAsync(ArchiveDbContext db, (int WorkId, DateOnly Day, byte[] Key)[] rows, CancellationToken ct)
    {
        await using var command = Command(db);
        var sql = new StringBuilder("""INSERT INTO "HitVisitors" ("WorkId", "Day", "VisitorKey") VALUES """);
        foreach (var (row, i) in rows.Select((r, i) => (r, i)))
        {
            sql.Append(i == 0 ? "" : ", ").Append('(').Append(Parameter(command, row.WorkId)).Append(", ")
                .Append(Parameter(command, row.Day)).Append(", ").Append(Parameter(command, row.Key)).Append(')');
        }
        sql.Append(""" ON CONFLICT ("WorkId", "Day", "VisitorKey") DO NOTHING RETURNING "WorkId", "Day" """);
        command.CommandText = sql.ToString();
        var inserted = new List<(int, DateOnly)>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            inserted.Add((reader.GetInt32(0), reader.GetFieldValue<DateOnly>(1)));
        }
        return inserted;
    }

    private static async Task AddToWorksAsync(ArchiveDbContext db, KeyValuePair<int, int>[] hits, CancellationToken ct)
    {
        await using var command = Command(db);
        var sql = new StringBuilder("""UPDATE "Works" SET "HitCount" = "HitCount" + CASE "Id" """);
        foreach (var (workId, count) in hits)
        {
            sql.Append(" WHEN ").Append(Parameter(command, workId)).Append(" THEN ").Append(Parameter(command, count));
        }
        sql.Append(""" ELSE 0 END WHERE "Id" IN (""").AppendJoin(", ", hits.Select(h => Parameter(command, h.Key))).Append(')');
        command.CommandText = sql.ToString();
        await command.ExecuteNonQueryAsync(ct);
    }

    private static async Task AddToDaysAsync(ArchiveDbContext db, (int WorkId, DateOnly Day, int Hits)[] days, CancellationToken ct)
    {
        await using var command = Command(db);
        var sql = new StringBuilder("""INSERT INTO "WorkDays" ("WorkId", "Day", "Hits", "Kudos", "Comments", "Bookmarks", "Subscriptions") VALUES """);
        foreach (var (day, i) in days.Select((d, i) => (d, i)))
        {
            sql.Append(i == 0 ? "" : ", ").Append('(').Append(Parameter(command, day.WorkId)).Append(", ")
                .Append(Parameter(command, day.Day)).Append(", ").Append(Parameter(command, day.Hits)).Append(", 0, 0, 0, 0)");
        }
        sql.Append(""" ON CONFLICT ("WorkId", "Day") DO UPDATE SET "Hits" = "WorkDays"."Hits" + excluded."Hits" """);
        command.CommandText = sql.ToString();
        await command.ExecuteNonQueryAsync(ct);
    }

    private static DbCommand Command(ArchiveDbContext db)
    {
        var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        return command;
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
