using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;

namespace Makimono.Tests.Web;

/// <summary>
/// The test server has no network connection; this header stands for the address a request comes from, for tests of
/// what is counted or limited per address. Register with <c>services.AddSingleton&lt;IStartupFilter, ConnectionFromHeader&gt;()</c>.
/// </summary>
public sealed class ConnectionFromHeader : IStartupFilter
{
    public const string Header = "X-Test-Connection-From";

    /// <summary>The client's requests from now on come from <paramref name="address"/>.</summary>
    public static WebClient From(WebClient client, string address)
    {
        client.Http.DefaultRequestHeaders.Add(Header, address);
        return client;
    }

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((context, then) =>
        {
            if (context.Request.Headers.TryGetValue(Header, out var from))
            {
                context.Connection.RemoteIpAddress = IPAddress.Parse(from.ToString());
            }
            return then(context);
        });
        next(app);
    };
}
