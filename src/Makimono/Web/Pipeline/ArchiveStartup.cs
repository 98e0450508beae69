using Makimono.Cli;
using Makimono.Database;
using Makimono.Hosting;

namespace Makimono.Web.Pipeline;

/// <summary>What runs when the archive starts: the migration (before anything is served), then the warm-up and backfills.</summary>
internal static class ArchiveStartup
{
    private static readonly TimeSpan IndexDelay = TimeSpan.FromSeconds(3);

    /// <summary>
    /// Runs the home page's listing once, so EF has compiled its queries before the first reader arrives, then, a few
    /// seconds later, builds the tag autocomplete index so the first person typing a tag does not wait for it.
    /// A failure here only means a slower first page, so it is logged and not thrown.
    /// </summary>
    public static async Task WarmUpAsync(IServiceProvider services, CancellationToken ct)
    {
        try
        {
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<ArchiveDbContext>();
            await Works.WorkListing.FindAsync(db, scope.ServiceProvider.GetRequiredService<Search.IWorkSearch>(),
                new Search.WorkQuery(), Accounts.Viewer.Guest, Search.ViewerFilters.None, ct);
            // The index waits until the first pages are out: on a two-core machine, building it at once (its queries
            // compiled, every tag read) would compete with the first readers and cost the cold start about half a second.
            await Task.Delay(IndexDelay, ct);
            await services.GetRequiredService<Tags.Autocomplete.TagAutocomplete>().IndexAsync();
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            services.GetRequiredService<ILogger<MigrationGate>>().LogWarning(error, "Warming up the home page's queries failed.");
        }
    }

    public static async Task MigrateAsync(IServiceProvider services, CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        var options = scope.ServiceProvider.GetRequiredService<Microsoft.Extensions.Options.IOptions<ArchiveOptions>>().Value;
        if (options.Database.Provider == DatabaseProvider.Sqlite)
        {
            try
            {
                Directory.CreateDirectory(options.DataDirectory);
            }
            catch (Exception error) when (error is IOException or UnauthorizedAccessException)
            {
                throw new CannotStartException($"The data folder {options.DataDirectory} cannot be created ({error.Message}): set --data DIR or MAKIMONO_DATA to a folder this user may write to.", error);
            }
            scope.ServiceProvider.GetRequiredService<ILogger<ArchiveOptions>>()
                .LogInformation("Archive data folder: {DataDirectory}", options.DataDirectory);
        }
        await scope.ServiceProvider.GetRequiredService<DatabaseAvailability>().WaitAsync(ct);
        await scope.ServiceProvider.GetRequiredService<DatabaseMigrator>().MigrateAsync(ct);
    }

    /// <summary>Data steps that follow a migration but need not hold up requests: run once per archive, in the background of `serve`.</summary>
    public static async Task BackfillAsync(IServiceProvider services, CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        try
        {
            var changed = await Tags.Wrangling.CrossoverBackfill.RunOnceAsync(scope.ServiceProvider.GetRequiredService<ArchiveDbContext>(), ct);
            if (changed > 0)
            {
                scope.ServiceProvider.GetRequiredService<ILogger<ArchiveOptions>>().LogInformation("Set the crossover flag of {Works} works saved before it existed.", changed);
            }
        }
        catch (ObjectDisposedException)
        {
            // A start that failed (an address in use) tore the host down under it; the next start tries again.
        }
        catch (Exception error) when (!ct.IsCancellationRequested)
        {
            // Not done, so not noted as done: the next start tries again.
            scope.ServiceProvider.GetRequiredService<ILogger<ArchiveOptions>>().LogWarning(error, "Could not set the crossover flag of older works; the next start tries again.");
        }
    }
}
