using Makimono.Hosting;
using Microsoft.Extensions.Hosting;

namespace Makimono.Cli;

/// <summary>The services the non-web verbs need: configuration, logging and the database.</summary>
internal static class ConsoleHost
{
    public static IHost Build(IDictionary<string, string?> overrides)
    {
        var builder = Host.CreateApplicationBuilder(new Microsoft.Extensions.Hosting.HostApplicationBuilderSettings { ContentRootPath = AppContext.BaseDirectory });
        builder.Configuration.AddArchiveSources(overrides);
        builder.Logging.AddArchiveFilters();
        builder.Logging.AddFilter("Microsoft.EntityFrameworkCore", LogLevel.Warning);
        // Standard output belongs to the verb's results (ids, JSON) so other tools can read them; logs go to stderr.
        builder.Logging.AddArchiveConsole(builder.Configuration, toStandardError: true);
        builder.Services.AddArchiveDatabase(builder.Configuration);
        return builder.Build();
    }
}
