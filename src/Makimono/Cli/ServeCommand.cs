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
        command.SetAction(async (parse, ct) =>
        {
            var app = ArchiveWebApp.Build(CommandLine.Overrides(parse), parse.GetValue(urls));
            await ArchiveWebApp.MigrateAsync(app.Services, ct);
            await app.RunAsync();
            return 0;
        });
        return command;
    }
}
