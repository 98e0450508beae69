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

    private static readonly HashSet<string> Verbs = ["serve", "migrate", "user", "import", "tags", "reindex", "dev", "--help", "-h", "-?", "--version"];

    public static bool HasVerb(string[] args) => args.Any(Verbs.Contains);

    /// <summary>
    /// The first word that is neither an option nor an option's value, when no verb was given: a mistyped verb,
    /// which would otherwise fall through to serving (and create and migrate a database on the way).
    /// </summary>
    public static string? UnknownVerb(string[] args)
    {
        if (HasVerb(args))
        {
            return null;
        }
        for (var i = 0; i < args.Length; i++)
        {
            if (!args[i].StartsWith('-'))
            {
                return args[i];
            }
            // "--key value": the next word is the option's value, not a verb.
            if (!args[i].Contains('=') && i + 1 < args.Length && !args[i + 1].StartsWith('-'))
            {
                i++;
            }
        }
        return null;
    }

    /// <summary>What to print for a mistyped verb: the nearest verb if one is close, and the list of verbs.</summary>
    public static string UnknownVerbMessage(string typed)
    {
        var verbs = Build().Subcommands;
        var message = new System.Text.StringBuilder($"makimono: unknown command '{typed}'.");
        var nearest = verbs.Select(v => (v.Name, Distance: EditDistance(typed.ToLowerInvariant(), v.Name)))
            .OrderBy(v => v.Distance).First();
        if (nearest.Distance <= Math.Max(1, nearest.Name.Length / 3))
        {
            message.Append($" Did you mean '{nearest.Name}'?");
        }
        message.AppendLine().AppendLine("Commands:");
        foreach (var verb in verbs)
        {
            message.AppendLine($"  {verb.Name,-9} {verb.Description}");
        }
        message.Append("Run 'makimono --help' for the options.");
        return message.ToString();
    }

    /// <summary>Levenshtein distance: the fewest single-letter insertions, deletions and substitutions between two words.</summary>
    private static int EditDistance(string a, string b)
    {
        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var current = new int[b.Length + 1];
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
                current[j] = Math.Min(substitution, Math.Min(previous[j], current[j - 1]) + 1);
            }
            previous = current;
        }
        return previous[b.Length];
    }

    public static RootCommand Build()
    {
        var root = new RootCommand("Makimono, a self-hosted fan fiction archive.");
        root.Options.Add(Data);
        root.Subcommands.Add(ServeCommand.Create());
        root.Subcommands.Add(MigrateCommand.Create());
        root.Subcommands.Add(UserCommand.Create());
        root.Subcommands.Add(ImportCommand.Create());
        root.Subcommands.Add(TagsCommand.Create());
        root.Subcommands.Add(ReindexCommand.Create());
        root.Subcommands.Add(DevCommand.Create());
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
