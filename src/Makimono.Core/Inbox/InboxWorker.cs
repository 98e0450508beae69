using Makimono.Database;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Makimono.Inbox;

/// <summary>
/// The one background worker of notifications in `serve`: every <see cref="PollInterval"/> it runs an
/// <see cref="InboxPass"/> in a scope of its own. All the work is in the pass, which tests run directly.
/// </summary>
public sealed class InboxWorker(IServiceProvider services, TimeProvider clock, ILogger<InboxWorker> log) : BackgroundService
{
    public static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan RetryInterval = TimeSpan.FromSeconds(10);

    /// <summary>One pass with the services of a fresh scope: the database context, the saved-search reader, the steps.</summary>
    public static async Task<int> RunPassAsync(IServiceProvider services, CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        var provider = scope.ServiceProvider;
        return await provider.GetRequiredService<InboxPass>().RunAsync(provider.GetRequiredService<ArchiveDbContext>(),
            provider.GetRequiredService<ISavedSearchQueries>(), provider.GetServices<IInboxWorkerStep>(), ct);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RunPassAsync(services, stoppingToken);
                await Task.Delay(PollInterval, clock, stoppingToken);
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
                // The database may be migrating or away; the pass starts again from its kept place.
                log.LogWarning(error, "The inbox worker's pass failed; trying again in {Seconds} s.", RetryInterval.TotalSeconds);
                await Task.Delay(RetryInterval, clock, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }
}
