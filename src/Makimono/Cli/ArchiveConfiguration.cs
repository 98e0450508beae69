using Microsoft.Extensions.Configuration;

namespace Makimono.Cli;

internal static class ArchiveConfiguration
{
    /// <summary>
    /// Every verb reads settings the same way: appsettings.json beside the program, then one in the working
    /// directory (the operator's), then MAKIMONO_ environment variables, then command-line options.
    /// </summary>
    public static void AddArchiveSources(this IConfigurationManager configuration, IDictionary<string, string?> overrides)
    {
        configuration.AddJsonFile(Path.Combine(Directory.GetCurrentDirectory(), "appsettings.json"), optional: true, reloadOnChange: false);
        configuration.AddEnvironmentVariables("MAKIMONO_");
        configuration.AddInMemoryCollection(overrides);
    }
}
