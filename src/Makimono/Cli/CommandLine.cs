using System.CommandLine;

namespace Makimono.Cli;

/// <summary>The verbs of the one `makimono` executable.</summary>
internal static class CommandLine
{
    public static readonly Option<string?> Data = new("--data")
    {
        Description = "Folder for the SQLite file, the search index and uploads (default ./makimono-data; or MAKIMONO_DATA).",
        Recursive = true,
    };

    private static readonly HashSet<string> Verbs = ["serve", "migrate", "user", "import", "tags", "--help", "-h", "-?", "--version"];

    public static bool HasVerb(string[] args) => args.Any(Verbs.Contains);

    public static RootCommand Build()
    {
        var root = new RootCommand("Makimono, a self-hosted fan fiction archive.");
        root.Options.Add(Data);
        root.Subcommands.Add(ServeCommand.Create());
        root.Subcommands.Add(MigrateCommand.Create());
        root.Subcommands.Add(UserCommand.Create());
        root.Subcommands.Add(ImportCommand.Create());
        root.Subcommands.Add(TagsCommand.Create());
        return root;
    }

    /// <summary>Settings given on the command line, layered over appsettings.json and MAKIMONO_ variables.</summary>
    public static Dictionary<string, string?> Overrides(ParseResult parse)
    {
        var overrides = new Dictionary<string, string?>();
        if (parse.GetValue(Data) is { } data)
        {
            overrides["Data"] = data;
        }
        return overrides;
    }
}
