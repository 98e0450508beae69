using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Makimono.Accounts;
using Makimono.Database;
using Microsoft.EntityFrameworkCore;

namespace Makimono.Changes;

/// <summary>The "ChangeLog" settings, validated at start.</summary>
public sealed class ChangeLogOptions
{
    public const string Section = "ChangeLog";

    /// <summary>
    /// How long change-log rows are kept. Every reader (each node's search index, tag autocomplete, the inbox worker)
    /// polls within seconds, so a week covers a node that was down for days; one further behind rebuilds.
    /// </summary>
    [Range(1, 3650, ErrorMessage = "ChangeLog:RetentionDays must be a whole number of days from 1 to 3650.")]
    public int RetentionDays { get; set; } = 7;
}

/// <summary>A reader's position is older than rows that were pruned: it may have missed changes, so it must rebuild.</summary>
public sealed class ChangeLogBehindException(long position, long prunedThrough)
    : Exception($"The change log was pruned through row {prunedThrough}, past this reader's position {position}; it must rebuild from the database.")
{
    public long Position { get; } = position;
    public long PrunedThrough { get; } = prunedThrough;
}

/// <summary>
/// Prunes the change log by age. Rows carry no time, so every <see cref="MarkInterval"/> the pruner notes the log's
/// newest id with the time (a mark, kept in <see cref="SiteSetting"/>s); rows up to the newest mark older than the
/// retention are deleted, and the highest id pruned is recorded in the same transaction, so a reader whose position
/// is below it knows it may have missed rows (<see cref="ChangeCursor"/> then throws <see cref="ChangeLogBehindException"/>).
/// Several nodes may prune: deleting is idempotent, and a mark lost to a concurrent write only delays pruning.
/// </summary>
public static class ChangeLogRetention
{
    public static readonly TimeSpan MarkInterval = TimeSpan.FromHours(1);
    internal const string MarksKey = "ChangeLog.Marks";
    internal const string PrunedThroughKey = "ChangeLog.PrunedThrough";

    private sealed record Mark(DateTimeOffset At, long Id);

    /// <summary>Notes a mark when one is due and deletes the rows older than <paramref name="retention"/>; returns how many went.</summary>
    public static async Task<int> RunAsync(ArchiveDbContext db, TimeProvider clock, TimeSpan retention, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var marksSetting = await db.SiteSettings.FindAsync([MarksKey], ct);
        var marks = Parse(marksSetting?.Value);
        if (marks.Count == 0 || now - marks[^1].At >= MarkInterval)
        {
            marks.Add(new Mark(now, await ChangeCursor.LatestIdAsync(db, ct)));
        }
        var deleted = 0;
        if (marks.LastOrDefault(m => now - m.At >= retention) is { } cut)
        {
            deleted = await db.ArchiveChanges.Where(c => c.Id <= cut.Id).ExecuteDeleteAsync(ct);
            var pruned = Math.Max(cut.Id, await PrunedThroughAsync(db, ct));
            await SetAsync(db, PrunedThroughKey, pruned.ToString(CultureInfo.InvariantCulture), ct);
            marks.RemoveAll(m => m.At <= cut.At);
        }
        await SetAsync(db, MarksKey, string.Join(';', marks.Select(m => $"{m.At.ToUnixTimeSeconds()}={m.Id}")), ct);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return deleted;
    }

    /// <summary>The highest row id ever pruned (0 before any pruning).</summary>
    public static async Task<long> PrunedThroughAsync(ArchiveDbContext db, CancellationToken ct = default) =>
        long.TryParse(await db.SiteSettings.AsNoTracking().Where(s => s.Key == PrunedThroughKey).Select(s => s.Value).FirstOrDefaultAsync(ct),
            CultureInfo.InvariantCulture, out var id) ? id : 0;

    private static async Task SetAsync(ArchiveDbContext db, string key, string value, CancellationToken ct)
    {
        if (await db.SiteSettings.FindAsync([key], ct) is { } setting)
        {
            setting.Value = value;
        }
        else
        {
            db.SiteSettings.Add(new SiteSetting { Key = key, Value = value });
        }
    }

    private static List<Mark> Parse(string? value)
    {
        var marks = new List<Mark>();
        foreach (var part in (value ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries))
        {
            var pair = part.Split('=');
            if (pair.Length == 2 && long.TryParse(pair[0], CultureInfo.InvariantCulture, out var at) && long.TryParse(pair[1], CultureInfo.InvariantCulture, out var id))
            {
                marks.Add(new Mark(DateTimeOffset.FromUnixTimeSeconds(at), id));
            }
        }
        return marks.OrderBy(m => m.At).ToList();
    }
}
