using System.Net;
using Makimono.Tests.Database;

namespace Makimono.Tests.Hosting;

/// <summary>
/// /metrics on a real server (the test server has no network addresses): Prometheus text for the machine itself,
/// and nothing for anyone else, including readers who come through a reverse proxy on the same machine.
/// </summary>
public sealed class MetricsEndpointTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("makimono-metrics-").FullName;

    [Fact]
    public async Task Metrics_are_served_to_loopback_with_request_latency_by_route_and_refused_to_others()
    {
        var port = PostgresServer.FreePort();
        await using var node = MakimonoProcess.Start(["serve", "--urls", $"http://127.0.0.1:{port}", "--data", _folder], new Dictionary<string, string>());
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(30) };
        await WaitUntilServingAsync(http, node);
        using (var page = await http.GetAsync(new Uri("/tags/Gen/works", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        }

        using var metrics = await http.GetAsync(new Uri("/metrics", UriKind.Relative));
        var text = await metrics.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, metrics.StatusCode);
        Assert.StartsWith("text/plain", metrics.Content.Headers.ContentType?.MediaType, StringComparison.Ordinal);
        Assert.Contains("# TYPE http_server_request_duration_seconds histogram", text, StringComparison.Ordinal);
        Assert.Contains(text.Split('\n'), line => line.StartsWith("http_server_request_duration_seconds_count{", StringComparison.Ordinal)
            && line.Contains("http_route=\"tags/{name}/works\"", StringComparison.Ordinal)
            && line.Contains("http_response_status_code=\"200\"", StringComparison.Ordinal));
        Assert.Contains("dotnet_gc_collections_total", text, StringComparison.Ordinal);
        Assert.Contains("dotnet_process_memory_working_set_bytes", text, StringComparison.Ordinal);

        using var forwarded = new HttpRequestMessage(HttpMethod.Get, new Uri("/metrics", UriKind.Relative));
        forwarded.Headers.Add("X-Forwarded-For", "203.0.113.7");
        using var refused = await http.SendAsync(forwarded);
        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        Assert.DoesNotContain("http_server_request_duration", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static async Task WaitUntilServingAsync(HttpClient http, MakimonoProcess node)
    {
        var deadline = DateTime.UtcNow.AddMinutes(1);
        while (true)
        {
            try
            {
                using var health = await http.GetAsync(new Uri("/health", UriKind.Relative));
                if (health.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException) when (!node.HasExited && DateTime.UtcNow < deadline)
            {
            }
            if (node.HasExited || DateTime.UtcNow > deadline)
            {
                throw new InvalidOperationException($"The server did not start. It printed:\n{node.Stdout}\n{node.Stderr}");
            }
            await Task.Delay(100);
        }
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless.
        }
    }
}
