using Makimono.Database;
using Makimono.Hosting;
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

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        BackgroundLoop.RunAsync(ct => RunPassAsync(services, ct), PollInterval, RetryInterval, clock,
            // The pass starts again from its kept place.
            error => log.LogWarning(error, "The inbox worker's pass failed; trying again in {Seconds} s.", RetryInterval.TotalSeconds),
            stoppingToken);
}
