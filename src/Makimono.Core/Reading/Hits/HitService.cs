using Makimono.Database;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Makimono.Reading.Hits;

/// <summary>
/// Writes the <see cref="HitBuffer"/> every <see cref="HitOptions.FlushSeconds"/>, or as soon as it holds a batch, and
/// once more when the node stops; prunes the visitor keys of past days; and now and then names the works whose hits grew
/// in the change log, so every node's search index sorts on current hits. A failed flush keeps its visits for the next.
/// </summary>
public sealed class HitService(HitBuffer buffer, VisitorKeys keys, IServiceScopeFactory scopes, IOptions<HitOptions> options,
    TimeProvider clock, ILogger<HitService> log) : BackgroundService
{
    private static readonly TimeSpan PruneInterval = TimeSpan.FromMinutes(10);
    private static readonly TimeSpan StopFlushLimit = TimeSpan.FromSeconds(10);

    // Never disposed: it uses no wait handle, and the last flush runs while the host is torn down after a failed start.
    private readonly SemaphoreSlim _flushing = new(1, 1);
    private readonly HashSet<int> _grownWorks = [];
    private DateTimeOffset _lastPrune = DateTimeOffset.MinValue;
    private DateTimeOffset _lastIndexRefresh = DateTimeOffset.MinValue;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        var interval = TimeSpan.FromSeconds(options.Value.FlushSeconds);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await buffer.WaitForBatchAsync(interval, clock, stoppingToken);
                await FlushAsync(stoppingToken);
                await HousekeepAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (ObjectDisposedException)
            {
                // The host was torn down without being stopped (a start that failed, such as an address in use).
                break;
            }
            catch (Exception error)
            {
                // The database may be away; the visits wait in the buffer and the next round tries again.
                log.LogWarning(error, "Hits could not be written; {Visits} visits wait for the next try.", buffer.Count);
            }
        }
        using var limit = new CancellationTokenSource(StopFlushLimit);
        try
        {
            await FlushAsync(limit.Token);
            await RefreshIndexAsync(limit.Token);
        }
        catch (ObjectDisposedException) when (buffer.Count == 0)
        {
            // A start that failed (an address in use) tears the host down without stopping it; nothing was buffered.
        }
        catch (Exception error)
        {
            log.LogWarning(error, "Stopping: {Visits} buffered visits could not be written as hits.", buffer.Count);
        }
    }

    /// <summary>Writes everything buffered now, batch by batch; returns the new hits. Also what tests call instead of waiting.</summary>
    public async Task<int> FlushAsync(CancellationToken ct)
    {
        await _flushing.WaitAsync(ct);
        try
        {
            var counted = 0;
            var firstKept = HitPruning.FirstKeptDay(clock.GetUtcNow());
            while (buffer.Take(options.Value.FlushBatch) is { Count: > 0 } batch)
            {
                // Visits of a day whose keys are pruned (after an outage) cannot be checked against them: dropped.
                var current = batch.Where(v => v.Day >= firstKept).ToList();
                try
                {
                    await using var scope = scopes.CreateAsyncScope();
                    var db = scope.ServiceProvider.GetRequiredService<ArchiveDbContext>();
                    var hits = await HitFlush.WriteAsync(db, keys, current, ct);
                    counted += hits.Values.Sum();
                    lock (_grownWorks)
                    {
                        _grownWorks.UnionWith(hits.Keys);
                    }
                }
                catch
                {
                    buffer.Return(current);
                    throw;
                }
            }
            buffer.ReportDropped();
            return counted;
        }
        finally
        {
            _flushing.Release();
        }
    }

    private async Task HousekeepAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        if (now - _lastPrune >= PruneInterval)
        {
            await using var scope = scopes.CreateAsyncScope();
            var pruned = await HitPruning.PruneAsync(scope.ServiceProvider.GetRequiredService<ArchiveDbContext>(), keys, now, ct);
            if (pruned > 0)
            {
                log.LogInformation("Pruned {Keys} visitor keys of past days.", pruned);
            }
            _lastPrune = now;
        }
        if (now - _lastIndexRefresh >= TimeSpan.FromMinutes(options.Value.IndexRefreshMinutes))
        {
            await RefreshIndexAsync(ct);
            _lastIndexRefresh = now;
        }
    }

    /// <summary>Logs the works whose hits grew since the last time, as the change log's work rows (ids are integers, written inline).</summary>
    private async Task RefreshIndexAsync(CancellationToken ct)
    {
        int[] grown;
        lock (_grownWorks)
        {
            grown = _grownWorks.Order().ToArray();
            _grownWorks.Clear();
        }
        if (grown.Length == 0)
        {
            return;
        }
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<ArchiveDbContext>();
            foreach (var chunk in grown.Chunk(1000))
            {
                var sql = """INSERT INTO "ArchiveChanges" ("WorkId") VALUES """ + string.Join(", ", chunk.Select(id => $"({id})"));
                await db.Database.ExecuteSqlRawAsync(sql, ct);
            }
        }
        catch
        {
            lock (_grownWorks)
            {
                _grownWorks.UnionWith(grown);
            }
            throw;
        }
    }
}
