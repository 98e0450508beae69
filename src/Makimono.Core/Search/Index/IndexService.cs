using Makimono.Hosting;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Makimono.Search.Index;

/// <summary>
/// Runs the <see cref="IndexUpdater"/> in the background of `serve`: opens or rebuilds the index, then polls the change
/// log every <see cref="PollInterval"/> (a posted work is findable well within a second), commits at most every
/// <see cref="CommitInterval"/>, and picks up a build the reindex verb swapped in.
/// </summary>
public sealed class IndexService(IndexUpdater updater, WorkIndex index, TimeProvider clock, ILogger<IndexService> log) : BackgroundService
{
    public static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(200);
    public static readonly TimeSpan CommitInterval = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan RetryInterval = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var dirty = false;
        var lastCommit = clock.GetTimestamp();
        await BackgroundLoop.RunAsync(async ct =>
            {
                if (!index.IsReady || updater.FolderChanged)
                {
                    await updater.OpenOrRebuildAsync(ct);
                }
                dirty |= await updater.CatchUpAsync(ct) > 0;
                if (dirty && clock.GetElapsedTime(lastCommit) >= CommitInterval)
                {
                    index.Commit();
                    dirty = false;
                    lastCommit = clock.GetTimestamp();
                }
            }, PollInterval, RetryInterval, clock,
            // Listings use the database meanwhile.
            error => log.LogWarning(error, "The search index could not be brought up to date; trying again in {Seconds} s.", RetryInterval.TotalSeconds),
            stoppingToken);
        if (index.IsReady)
        {
            index.Commit();
        }
    }
}
