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
        builder.Services.AddArchiveDatabase(builder.Configuration);
        return builder.Build();
    }
}
