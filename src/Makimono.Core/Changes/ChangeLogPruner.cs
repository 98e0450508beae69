using Makimono.Database;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Makimono.Changes;

/// <summary>Runs <see cref="ChangeLogRetention"/> in the background of `serve`: at start and every <see cref="ChangeLogRetention.MarkInterval"/>.</summary>
public sealed class ChangeLogPruner(IServiceScopeFactory scopes, IOptions<ChangeLogOptions> options, TimeProvider clock, ILogger<ChangeLogPruner> log)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        var retention = TimeSpan.FromDays(options.Value.RetentionDays);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var deleted = await ChangeLogRetention.RunAsync(scope.ServiceProvider.GetRequiredService<ArchiveDbContext>(), clock, retention, stoppingToken);
                if (deleted > 0)
                {
                    log.LogInformation("Pruned {Rows} change-log rows older than {Days} days.", deleted, options.Value.RetentionDays);
                }
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
                // The database may be migrating or away; pruning is never urgent.
                log.LogWarning(error, "Could not prune the change log; trying again later.");
            }
            await Task.Delay(ChangeLogRetention.MarkInterval, clock, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }
}
