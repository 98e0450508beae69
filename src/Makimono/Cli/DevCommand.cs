using Makimono.Web.Pipeline;
using System.CommandLine;
using System.Diagnostics;
using Makimono.Database;
using Makimono.Dev;
using Makimono.Web;

namespace Makimono.Cli;

/// <summary>`makimono dev generate`: a synthetic AO3-shaped archive for benchmarks and for trying the UI at scale.</summary>
internal static class DevCommand
{
    public static Command Create()
    {
        var works = new Option<int>("--works") { Description = "How many works to generate.", Required = true };
        var seed = new Option<int>("--seed") { Description = "The seed; the same seed gives the same archive.", DefaultValueFactory = _ => 1 };
        var bodies = new Option<int>("--bodies") { Description = "Words of generated text per work (default: a one-line body).", DefaultValueFactory = _ => 0 };
        var generate = new Command("generate", "Fill an empty archive with a deterministic synthetic corpus (about 17 tags a work over 200,000 tags).");
        generate.Options.Add(works);
        generate.Options.Add(seed);
        generate.Options.Add(bodies);
        generate.SetAction(async (parse, ct) =>
        {
            var count = parse.GetValue(works);
            if (count < 1 || parse.GetValue(bodies) < 0)
            {
                await Console.Error.WriteLineAsync("--works must be at least 1 and --bodies at least 0.");
                return 2;
            }
            using var host = ConsoleHost.Build(CommandLine.Overrides(parse));
            await ArchiveStartup.MigrateAsync(host.Services, ct);
            using var scope = host.Services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<ArchiveDbContext>();
            var watch = Stopwatch.StartNew();
            try
            {
                var summary = await CorpusGenerator.RunAsync(db, new GenerateOptions(count, parse.GetValue(seed), parse.GetValue(bodies)),
                    new Progress<int>(done => Console.Error.Write($"\r{done:N0}/{count:N0} works")), ct);
                Console.Error.WriteLine();
                Console.WriteLine($"Generated {summary.Works:N0} works, {summary.Tags:N0} tags, {summary.WorkTags:N0} work tags and {summary.Users:N0} writers in {watch.Elapsed.TotalSeconds:F1} s.");
                return 0;
            }
            catch (InvalidOperationException error) when (error.Message.StartsWith("dev generate", StringComparison.Ordinal))
            {
                await Console.Error.WriteLineAsync(error.Message);
                return 1;
            }
        });
        var command = new Command("dev", "Tools for developers: synthetic data.");
        command.Subcommands.Add(generate);
        return command;
    }
}
