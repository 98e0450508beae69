using System.CommandLine;
using Makimono.Web;
using Makimono.Web.Pipeline;

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
        // Stopped by the verb's handler (SIGINT, SIGTERM) or, without a verb, by the host's own: either ends the wait.
        var hostStopping = app.Lifetime.ApplicationStopping;
        using var stopping = CancellationTokenSource.CreateLinkedTokenSource(ct, hostStopping);
        var migration = Task.Run(() => ArchiveStartup.MigrateAsync(app.Services, stopping.Token), stopping.Token);
        app.Services.GetRequiredService<MigrationGate>().Track(migration);
        // While the server is still starting, the other core compiles the home page's queries once.
        _ = migration.ContinueWith(_ => ArchiveStartup.WarmUpAsync(app.Services, ct), ct, TaskContinuationOptions.OnlyOnRanToCompletion, TaskScheduler.Default);
        _ = migration.ContinueWith(_ => ArchiveStartup.BackfillAsync(app.Services, ct), ct, TaskContinuationOptions.OnlyOnRanToCompletion, TaskScheduler.Default);
        try
        {
            await app.RunAsync();
        }
        // The tokens themselves, not the linked source, which the host's start may outrun; and taken before the
        // host was disposed (RunAsync disposes it as the exception leaves).
        catch (OperationCanceledException) when ((ct.IsCancellationRequested || hostStopping.IsCancellationRequested) && !migration.IsCompletedSuccessfully)
        {
            // Asked to stop before the database was ready: nothing had started, so this is a clean stop (exit code 0,
            // as for a server stopped while serving), not a crash with a stack trace.
            await Console.Error.WriteLineAsync("makimono: stopped while waiting for the database.");
        }
        return 0;
    }
}
