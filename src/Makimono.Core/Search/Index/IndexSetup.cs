using Makimono.Database;
using Makimono.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Makimono.Search.Index;

public static class IndexSetup
{
    /// <summary>The index, its updater and the <see cref="IWorkSearch"/> that answers from it; <see cref="IndexService"/> is added by the host that serves.</summary>
    public static IServiceCollection AddWorkIndex(this IServiceCollection services)
    {
        services.AddSingleton<WorkIndex>();
        services.AddSingleton(sp => new IndexFolders(sp.GetRequiredService<IOptions<ArchiveOptions>>().Value.DataDirectory));
        services.AddSingleton(sp =>
        {
            var options = ArchiveDatabaseSetup.Configure(new DbContextOptionsBuilder<ArchiveDbContext>(),
                sp.GetRequiredService<IOptions<ArchiveOptions>>().Value).Options;
            return new IndexUpdater(sp.GetRequiredService<WorkIndex>(), sp.GetRequiredService<IndexFolders>(),
                () => new ArchiveDbContext((DbContextOptions<ArchiveDbContext>)options), sp.GetRequiredService<TimeProvider>(),
                sp.GetRequiredService<ILogger<IndexUpdater>>());
        });
        services.AddScoped<DatabaseWorkSearch>();
        services.AddScoped<IWorkSearch, IndexWorkSearch>();
        return services;
    }
}
