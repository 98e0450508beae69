using System.Data;
using System.Data.Common;
using Makimono.Database;
using Microsoft.EntityFrameworkCore;

namespace Makimono.Tags.Wrangling;

/// <summary>
/// Runs a check-then-write change in one serializable transaction, so two wranglers checking at the same moment
/// cannot both pass a check that only one of their writes could pass (two opposite meta links make a cycle).
/// SQLite takes the write lock at the start (BEGIN IMMEDIATE), so the second change waits and then sees the first;
/// PostgreSQL lets both run and fails one with a serialization failure, which is retried on fresh data.
/// </summary>
internal static class SerializedChange
{
    private const int MaxAttempts = 5;

    public static async Task<WranglingResult> RunAsync(ArchiveDbContext db, Func<Task<WranglingResult>> change, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var transaction = await db.Database.BeginTransactionAsync(IsolationLevel.Serializable, ct);
                var result = await change();
                if (result.Succeeded)
                {
                    await transaction.CommitAsync(ct);
                }
                else
                {
                    db.ChangeTracker.Clear();
                }
                return result;
            }
            catch (Exception e) when (attempt < MaxAttempts && IsSerializationFailure(e))
            {
                db.ChangeTracker.Clear();
            }
        }
    }

    private static bool IsSerializationFailure(Exception? e)
    {
        for (; e is not null; e = e.InnerException)
        {
            if (e is DbException { SqlState: "40001" })
            {
                return true;
            }
        }
        return false;
    }
}
