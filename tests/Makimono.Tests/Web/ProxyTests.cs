using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Makimono.Tests.Web;

/// <summary>
/// The archive behind a load balancer on another machine (10.0.0.0/8 here, as "TrustedProxies" sets): logins are
/// limited per reader, by X-Forwarded-For, and a proxy that is not trusted cannot pick its own address that way.
/// </summary>
public sealed class ProxyTests(ProxyTests.BehindLoadBalancer archive) : IClassFixture<ProxyTests.BehindLoadBalancer>
{
    private const int LoginsPer20Seconds = 3;

    public sealed class BehindLoadBalancer : ArchiveFactory
    {
        protected override void ConfigureArchive(IWebHostBuilder builder)
        {
            builder.UseSetting("TrustedProxies:0", "10.0.0.0/8");
            builder.UseSetting("RateLimits:LoginsPer20Seconds", LoginsPer20Seconds.ToString(System.Globalization.CultureInfo.InvariantCulture));
            builder.ConfigureServices(services => services.AddSingleton<IStartupFilter, ConnectionFromHeader>());
        }
    }

    [Fact]
    public async Task Logins_through_a_trusted_proxy_are_limited_per_reader()
    {
        using var first = Reader(connectionFrom: "10.1.2.3", forwardedFor: "203.0.113.7");
        for (var attempt = 0; attempt < LoginsPer20Seconds; attempt++)
        {
            Assert.Equal(HttpStatusCode.OK, await FailedLoginAsync(first));
        }
        Assert.Equal(HttpStatusCode.TooManyRequests, await FailedLoginAsync(first));

        // Another reader through the same balancer is not held up by the first one's attempts.
        using var second = Reader(connectionFrom: "10.1.2.3", forwardedFor: "203.0.113.8");
        Assert.Equal(HttpStatusCode.OK, await FailedLoginAsync(second));
    }

    [Fact]
    public async Task An_untrusted_proxy_cannot_choose_its_address_with_x_forwarded_for()
    {
        for (var attempt = 0; attempt < LoginsPer20Seconds; attempt++)
        {
            using var client = Reader(connectionFrom: "192.0.2.50", forwardedFor: $"198.51.100.{attempt}");
            Assert.Equal(HttpStatusCode.OK, await FailedLoginAsync(client));
        }
        using var last = Reader(connectionFrom: "192.0.2.50", forwardedFor: "198.51.100.99");
        Assert.Equal(HttpStatusCode.TooManyRequests, await FailedLoginAsync(last));
    }

    private WebClient Reader(string connectionFrom, string forwardedFor)
    {
        var client = archive.Guest();
        client.Http.DefaultRequestHeaders.Add(ConnectionFromHeader.Header, connectionFrom);
        client.Http.DefaultRequestHeaders.Add("X-Forwarded-For", forwardedFor);
        return client;
    }

    private static async Task<HttpStatusCode> FailedLoginAsync(WebClient client)
    {
        using var response = await client.SubmitFormAsync("/login", "Log in", [new("UserName", "nobody_here"), new("Password", "not a password at all")]);
        return response.StatusCode;
    }
}
