using System.Net;
using Makimono.Hosting;
using OpenTelemetry.Metrics;

namespace Makimono.Web.Monitoring;

/// <summary>
/// /metrics in Prometheus text, through OpenTelemetry's exporter: request rate and latency by route (ASP.NET Core's
/// own meters), the database connection pool (Npgsql's meter) and EF Core's, and GC and memory (the runtime's meter).
/// Only Metrics:AllowedNetworks may read it (loopback when unset); anyone else gets the 404 page, so the endpoint
/// does not announce itself. Behind a reverse proxy the reader's forwarded address is what is checked.
/// </summary>
internal static class MetricsEndpoint
{
    public const string Path = "/metrics";

    private static readonly IPNetwork[] Loopback = [IPNetwork.Parse("127.0.0.0/8"), IPNetwork.Parse("::1/128")];

    public static void AddArchiveMetrics(this IServiceCollection services)
    {
        services.AddOpenTelemetry().WithMetrics(metrics => metrics
            .AddMeter("Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Server.Kestrel", "System.Runtime", "Npgsql", "Microsoft.EntityFrameworkCore")
            .AddPrometheusExporter());
    }

    public static void UseMetricsAccess(this WebApplication app)
    {
        var allowed = AllowedNetworks(app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<ArchiveOptions>>().Value.Metrics);
        app.Use((context, next) =>
        {
            if (context.Request.Path.StartsWithSegments(Path)
                && !(context.Connection.RemoteIpAddress is { } from && allowed.Any(network => network.Contains(Normalize(from)))))
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return Task.CompletedTask;
            }
            return next(context);
        });
    }

    public static void MapMetrics(this WebApplication app) => app.MapPrometheusScrapingEndpoint(Path);

    /// <summary>Already validated at start (ArchiveOptionsValidator): each entry is an address or a network.</summary>
    private static IPNetwork[] AllowedNetworks(MetricsOptions metrics) =>
        metrics.AllowedNetworks.Count == 0
            ? Loopback
            : metrics.AllowedNetworks.Select(entry => IPAddress.TryParse(entry, out var address)
                ? new IPNetwork(address, address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? 32 : 128)
                : IPNetwork.Parse(entry)).ToArray();

    /// <summary>An IPv4 reader on a dual-stack socket arrives as ::ffff:a.b.c.d.</summary>
    private static IPAddress Normalize(IPAddress address) => address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;
}
