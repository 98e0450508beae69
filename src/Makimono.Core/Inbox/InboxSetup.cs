using Microsoft.Extensions.DependencyInjection;

namespace Makimono.Inbox;

public static class InboxSetup
{
    /// <summary>
    /// The pass (one per process, keeping its place in the log) and the worker that runs it. The host supplies
    /// <see cref="ISavedSearchQueries"/>; other features add <see cref="IInboxWorkerStep"/>s.
    /// </summary>
    public static void AddInboxWorker(this IServiceCollection services)
    {
        services.AddSingleton<InboxPass>();
        services.AddHostedService<InboxWorker>();
    }
}
