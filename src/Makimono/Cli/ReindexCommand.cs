using Makimono.Web.Pipeline;
using System.CommandLine;
using System.Diagnostics;
using Makimono.Database;
using Makimono.Hosting;
using Makimono.Search.Index;
using Makimono.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Makimono.Cli;

/// <summary>
/// `makimono reindex`: rebuilds the search index from the database into a new folder of the data directory, with a
/// progress bar, then swaps it in. A running server notices the swap and moves to the new index.
/// </summary>
internal static class ReindexCommand
{
    public static Command Create()
    {
        var command = new Command("reindex", "Rebuild the search index from the database into a new folder and swap it in.");
        command.SetAction(async (parse, ct) =>
        {
            using var host = ConsoleHost.Build(CommandLine.Overrides(parse));
            await ArchiveStartup.MigrateAsync(host.Services, ct);
            var options = host.Services.GetRequiredService<IOptions<ArchiveOptions>>().Value;
            var contextOptions = (DbContextOptions<ArchiveDbContext>)ArchiveDatabaseSetup.Configure(new DbContextOptionsBuilder<ArchiveDbContext>(), options).Options;
            using var index = new WorkIndex();
            var updater = new IndexUpdater(index, new IndexFolders(options.DataDirectory), () => new ArchiveDbContext(contextOptions),
                TimeProvider.System, host.Services.GetRequiredService<ILogger<IndexUpdater>>());
            var watch = Stopwatch.StartNew();
            var works = 0;
            await updater.RebuildAsync(new ProgressBar(total => works = total), ct);
            Console.Error.WriteLine();
            var seconds = watch.Elapsed.TotalSeconds;
            Console.WriteLine($"Indexed {works:N0} works in {seconds:F1} s ({works / Math.Max(seconds, 0.001):N0} works/s) into {index.Folder}.");
            return 0;
        });
        return command;
    }

    /// <summary>A one-line bar on standard error, redrawn in place.</summary>
    internal sealed class ProgressBar(Action<int> done) : IProgress<(int Done, int Total)>
    {
        private readonly Stopwatch _watch = Stopwatch.StartNew();

        public void Report((int Done, int Total) value)
        {
            done(value.Done);
            const int width = 30;
            var share = value.Total == 0 ? 1 : Math.Min(1, (double)value.Done / value.Total);
            var filled = (int)(share * width);
            var rate = value.Done / Math.Max(_watch.Elapsed.TotalSeconds, 0.001);
            Console.Error.Write($"\r[{new string('#', filled)}{new string('.', width - filled)}] {share:P0} {value.Done:N0}/{value.Total:N0} works, {rate:N0}/s   ");
        }
    }
}
