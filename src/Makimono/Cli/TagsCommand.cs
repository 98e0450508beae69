using Makimono.Web.Pipeline;
using System.CommandLine;
using Makimono.Database;
using Makimono.Tags.StarterSets;
using Makimono.Web;

namespace Makimono.Cli;

internal static class TagsCommand
{
    public static Command Create()
    {
        var file = new Argument<FileInfo>("FILE") { Description = "A .json or .csv file of canonical tags with synonyms and parents (see README)." };
        var load = new Command("load", "Load canonical tags with their synonyms and parents. Loading the same file again changes nothing.");
        load.Arguments.Add(file);
        load.SetAction(async (parse, ct) =>
        {
            var path = parse.GetValue(file)!;
            if (!path.Exists)
            {
                await Console.Error.WriteLineAsync($"There is no file {path.FullName}.");
                return 2;
            }
            var (starters, parseErrors) = StarterTagFile.Parse(path.Name, await File.ReadAllTextAsync(path.FullName, ct));
            if (await ReportAsync(parseErrors))
            {
                return 1;
            }
            using var host = ConsoleHost.Build(CommandLine.Overrides(parse));
            await ArchiveStartup.MigrateAsync(host.Services, ct);
            using var scope = host.Services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<ArchiveDbContext>();
            var clock = scope.ServiceProvider.GetRequiredService<TimeProvider>();
            var (summary, errors) = await LoadStarterTags.RunAsync(db, clock, starters, ct);
            if (await ReportAsync(errors))
            {
                return 1;
            }
            Console.WriteLine($"Loaded {starters.Count} canonical tags: {summary!.Created} new tags, {summary.MadeCanonical} made canonical, {summary.Merged} synonyms merged, {summary.Linked} parent links added.");
            return 0;
        });
        var command = new Command("tags", "Manage tags.");
        command.Subcommands.Add(load);
        return command;
    }

    private static async Task<bool> ReportAsync(List<string> errors)
    {
        foreach (var error in errors)
        {
            await Console.Error.WriteLineAsync(error);
        }
        if (errors.Count > 0)
        {
            await Console.Error.WriteLineAsync("Nothing was loaded; fix the file and run the command again.");
        }
        return errors.Count > 0;
    }
}
