using System.CommandLine;
using Makimono.Web;

namespace Makimono.Cli;

internal static class ServeCommand
{
    public static Command Create()
    {
        var urls = new Option<string?>("--urls") { Description = "Where to listen, e.g. http://localhost:5080 (the default)." };
        var command = new Command("serve", "Run the archive's web server. Migrates the database first.");
        command.Options.Add(urls);
        command.SetAction((parse, ct) => RunAsync(CommandLine.Overrides(parse), parse.GetValue(urls), hostArgs: [], ct));
        return command;
    }

    public static async Task<int> RunAsync(IDictionary<string, string?> overrides, string? urls, string[] hostArgs, CancellationToken ct)
    {
        await using var app = ArchiveWebApp.Build(overrides, urls, hostArgs);
        var migration = Task.Run(() => ArchiveWebApp.MigrateAsync(app.Services, ct), ct);
        app.Services.GetRequiredService<MigrationGate>().Track(migration);
        // While the server is still starting, the other core compiles the home page's queries once.
        _ = migration.ContinueWith(_ => ArchiveWebApp.WarmUpAsync(app.Services, ct), ct, TaskContinuationOptions.OnlyOnRanToCompletion, TaskScheduler.Default);
        await app.RunAsync();
        return 0;
    }
}
