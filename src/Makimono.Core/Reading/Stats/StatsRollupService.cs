using Makimono.Changes;
using Makimono.Database;
using Makimono.Hosting;
using Makimono.Inbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Makimono.Reading.Stats;

/// <summary>
/// One node's reader of the change log for the statistics: it starts from the position kept in the database (on the
/// very first start, after recounting every response there is), recounts the days the new response rows name
/// (<see cref="StatsRollup"/>) and moves the kept position on. Every node may run one: the recounts are idempotent.
/// </summary>
public sealed class StatsRollupPass(TimeProvider clock)
{
    private ChangeCursor? _cursor;

    /// <returns>How many work days were recounted.</returns>
    public async Task<int> RunAsync(ArchiveDbContext db, CancellationToken ct)
    {
        if (_cursor is null)
        {
            var cursor = new ChangeCursor(clock);
            cursor.StartAt(await StartPositionAsync(db, ct));
            _cursor = cursor;
        }
        List<ArchiveChange> changes;
        try
        {
            changes = await _cursor.ReadAsync(db, ct);
        }
        catch (ChangeLogBehindException)
        {
            // Rows this pass never read were pruned: recount every day from the responses themselves, as on a first
            // start, rather than fail every pass from now on.
            await db.ChangeLogPositions.Where(p => p.Name == StatsRollup.PositionName).ExecuteDeleteAsync(ct);
            var restarted = new ChangeCursor(clock);
            restarted.StartAt(await StartPositionAsync(db, ct));
            _cursor = restarted;
            return 0;
        }
        if (changes.Count == 0)
        {
            return 0;
        }
        var days = await StatsRollup.DaysOfAsync(db, changes, ct);
        var written = await StatsRollup.RecountAsync(db, days, ct);
        var position = _cursor.Position;
        await db.ChangeLogPositions.Where(p => p.Name == StatsRollup.PositionName && p.Position < position)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.Position, position).SetProperty(p => p.UpdatedAt, clock.GetUtcNow().UtcDateTime), ct);
        return written;
    }

    private async Task<long> StartPositionAsync(ArchiveDbContext db, CancellationToken ct)
    {
        if (await KeptPositionAsync(db, ct) is long kept)
        {
            return kept;
        }
        // Taken before the recount, so responses saved while it runs are read from the log as well.
        var latest = await ChangeCursor.LatestIdAsync(db, ct);
        await StatsRollup.RecountAllAsync(db, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        await db.Database.ExecuteSqlAsync(
            $"""INSERT INTO "ChangeLogPositions" ("Name", "Position", "UpdatedAt") VALUES ({StatsRollup.PositionName}, {latest}, {now}) ON CONFLICT ("Name") DO NOTHING""", ct);
        return await KeptPositionAsync(db, ct) ?? latest;
    }

    private static async Task<long?> KeptPositionAsync(ArchiveDbContext db, CancellationToken ct) =>
        await db.ChangeLogPositions.Where(p => p.Name == StatsRollup.PositionName).Select(p => (long?)p.Position).FirstOrDefaultAsync(ct);
}

/// <summary>Runs the <see cref="StatsRollupPass"/> in the background of `serve`, every <see cref="PollInterval"/>.</summary>
public sealed class StatsRollupService(IServiceScopeFactory scopes, TimeProvider clock, ILogger<StatsRollupService> log) : BackgroundService
{
    public static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan RetryInterval = TimeSpan.FromSeconds(30);

    private readonly StatsRollupPass _pass = new(clock);

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        BackgroundLoop.RunAsync(async ct =>
            {
                await using var scope = scopes.CreateAsyncScope();
                await _pass.RunAsync(scope.ServiceProvider.GetRequiredService<ArchiveDbContext>(), ct);
            }, PollInterval, RetryInterval, clock,
            // The position is kept, so nothing is missed meanwhile.
            error => log.LogWarning(error, "The statistics could not be brought up to date; trying again in {Seconds} s.", RetryInterval.TotalSeconds),
            stoppingToken);
}
