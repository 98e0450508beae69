using System.Net;
using Makimono.Tests.Database;
using Microsoft.AspNetCore.Hosting;
using Xunit;

namespace Makimono.Tests.Web;

/// <summary>
/// The archive on a PostgreSQL server of its own, which the test stops: readers get the error page, not an empty
/// 500, and /health says 503 whoever asks.
/// </summary>
public sealed class DatabaseOutageTests
{
    [Fact]
    public async Task While_the_database_is_down_pages_show_the_error_page_and_health_answers_503_logged_in_or_not_and_sessions_survive_it()
    {
        await using var server = await PostgresServer.StartAsync();
        using var archive = new PostgresArchive(server.ConnectionString("postgres"));
        await archive.CreateUserAsync("reader");
        using var reader = await archive.LoggedInAsync("reader");
        using var guest = archive.Guest();
        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync("/")).Status);

        await server.StopAsync();

        foreach (var client in new[] { reader, guest })
        {
            var (status, body) = await client.GetAsync("/");
            Assert.Equal(HttpStatusCode.InternalServerError, status);
            Assert.Contains("Something went wrong", body, StringComparison.Ordinal);
            Assert.Contains("</html>", body, StringComparison.Ordinal);

            var (healthStatus, health) = await client.GetAsync("/health");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, healthStatus);
            Assert.Equal("database unreachable", health);
        }

        await server.StartAgainAsync();
        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync("/health")).Status);
        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync("/account")).Status);
    }

    private sealed class PostgresArchive(string connectionString) : ArchiveFactory
    {
        protected override void ConfigureArchive(IWebHostBuilder builder)
        {
            builder.UseSetting("Database:Provider", "Postgres");
            builder.UseSetting("Database:ConnectionString", connectionString);
        }
    }
}
