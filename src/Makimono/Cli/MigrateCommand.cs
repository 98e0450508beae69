using Makimono.Web.Pipeline;
using System.CommandLine;
using Makimono.Web;

namespace Makimono.Cli;

internal static class MigrateCommand
{
    public static Command Create()
    {
        var command = new Command("migrate", "Bring the database schema up to date (SQLite files are backed up first), then exit.");
        command.SetAction(async (parse, ct) =>
        {
            using var host = ConsoleHost.Build(CommandLine.Overrides(parse));
            await ArchiveStartup.MigrateAsync(host.Services, ct);
            return 0;
        });
        return command;
    }
}
