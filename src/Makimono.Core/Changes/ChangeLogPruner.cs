using Makimono.Database;
using Makimono.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Makimono.Changes;

/// <summary>Runs <see cref="ChangeLogRetention"/> in the background of `serve`: at start and every <see cref="ChangeLogRetention.MarkInterval"/>.</summary>
public sealed class ChangeLogPruner(IServiceScopeFactory scopes, IOptions<ChangeLogOptions> options, TimeProvider clock, ILogger<ChangeLogPruner> log)
    : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var retention = TimeSpan.FromDays(options.Value.RetentionDays);
        return BackgroundLoop.RunAsync(async ct =>
            {
                await using var scope = scopes.CreateAsyncScope();
                var deleted = await ChangeLogRetention.RunAsync(scope.ServiceProvider.GetRequiredService<ArchiveDbContext>(), clock, retention, ct);
                if (deleted > 0)
                {
                    log.LogInformation("Pruned {Rows} change-log rows older than {Days} days.", deleted, options.Value.RetentionDays);
                }
            }, ChangeLogRetention.MarkInterval, ChangeLogRetention.MarkInterval, clock,
            // Pruning is never urgent.
            error => log.LogWarning(error, "Could not prune the change log; trying again later."),
            stoppingToken);
    }
}
