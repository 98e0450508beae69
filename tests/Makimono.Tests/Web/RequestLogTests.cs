using System.Globalization;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Xunit;

namespace Makimono.Tests.Web;

public sealed class RequestLogTests(RequestLogTests.LoggedArchive archive) : IClassFixture<RequestLogTests.LoggedArchive>
{
    [Fact]
    public async Task Each_request_logs_one_line_with_method_path_status_time_and_user()
    {
        var user = await archive.CreateUserAsync("logged");
        using var reader = await archive.LoggedInAsync("logged");

        var (status, _) = await reader.GetAsync("/no/such/page");

        var lines = archive.Log.Entries.Where(e => e.Fields.TryGetValue("Path", out var path) && "/no/such/page".Equals(path)).ToList();
        var line = Assert.Single(lines);
        Assert.Equal("GET", line.Fields["Method"]);
        Assert.Equal((int)status, line.Fields["StatusCode"]);
        Assert.Equal(user.Id.ToString(CultureInfo.InvariantCulture), line.Fields["UserId"]);
        Assert.IsType<double>(line.Fields["ElapsedMs"]);
        Assert.Matches(@"^GET /no/such/page 404 in \d+(\.\d+)? ms by user \d+$", line.Message);
    }

    public sealed class LoggedArchive : ArchiveFactory
    {
        public LogCapture Log { get; } = new();

        protected override void ConfigureArchive(IWebHostBuilder builder) =>
            builder.ConfigureServices(services => services.AddLogging(logging => logging.AddProvider(Log)));
    }
}
