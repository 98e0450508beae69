using Makimono.Hosting;
using Microsoft.AspNetCore.HttpOverrides;

namespace Makimono.Web.Pipeline;

/// <summary>Which proxies' X-Forwarded-For and X-Forwarded-Proto are believed (<see cref="ArchiveOptions.TrustedProxies"/>).</summary>
internal static class ProxyHeaders
{
    /// <summary>Loopback proxies (the defaults) and the configured addresses and networks; both already validated at start.</summary>
    public static ForwardedHeadersOptions OptionsFor(ArchiveOptions archive)
    {
        var options = new ForwardedHeadersOptions { ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto };
        foreach (var proxy in archive.TrustedProxies)
        {
            if (System.Net.IPAddress.TryParse(proxy, out var address))
            {
                options.KnownProxies.Add(address);
            }
            else
            {
                options.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(proxy));
            }
        }
        return options;
    }
}
