using System.Text;
using Makimono.Database;
using Microsoft.EntityFrameworkCore;

namespace Makimono.Inbox;

/// <summary>
/// Stores inbox items with "INSERT … ON CONFLICT DO NOTHING" (SQLite and PostgreSQL spell it alike): an item already
/// there, whether from an earlier pass, a restart that re-read the log or another web node, is left as it is.
/// </summary>
public static class InboxInserts
{
    private const int RowsPerStatement = 500;

    /// <summary>Returns how many items were new.</summary>
    public static async Task<int> AddAsync(ArchiveDbContext db, IReadOnlyCollection<InboxItem> items, CancellationToken ct)
    {
        var added = 0;
        foreach (var chunk in items.Chunk(RowsPerStatement))
        {
            var sql = new StringBuilder("""INSERT INTO "InboxItems" ("RecipientUserId", "Kind", "WorkId", "SourceId", "ActorUserId", "CreatedAt") VALUES """);
            var args = new List<object>();
            foreach (var item in chunk)
            {
                var at = args.Count;
                // A null actor is written as NULL: a parameter needs a type, and a null has none to give.
                var actor = item.ActorUserId is null ? "NULL" : $"{{{at + 4}}}";
                sql.Append(at == 0 ? "" : ", ").Append($"({{{at}}}, {{{at + 1}}}, {{{at + 2}}}, {{{at + 3}}}, {actor}, {{{at + 5}}})");
                args.AddRange([item.RecipientUserId, (short)item.Kind, item.WorkId, item.SourceId, item.ActorUserId ?? 0, item.CreatedAt]);
            }
            sql.Append(" ON CONFLICT DO NOTHING");
            added += await db.Database.ExecuteSqlRawAsync(sql.ToString(), args, ct);
        }
        return added;
    }
}
