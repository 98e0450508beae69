using System.Net;
using System.Text;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Xunit;

namespace Makimono.Tests.Web;

/// <summary>
/// Posting a work, with an upload or without, logs no warning: a warning on every post would hide the ones that
/// matter. (Each post used to log two, from the request size and form limit filters of the posting page, which found
/// the form already read by FormGuard.)
/// </summary>
public sealed class QuietPostingTests(QuietPostingTests.LoggedArchive archive) : IClassFixture<QuietPostingTests.LoggedArchive>
{
    [Fact]
    public async Task Importing_a_file_and_posting_a_work_log_no_warning()
    {
        await archive.CreateUserAsync("quietposter");
        using var author = await archive.LoggedInAsync("quietposter");
        var before = archive.Log.Entries.Count;

        var form = (await author.PageAsync("/works/new")).Form("Import from file")
            .Attach("upload", "quiet.txt", Encoding.UTF8.GetBytes("A Quiet Title\n\nThe house was quiet, and so was the log."));
        using var imported = await form.SubmitAsync();
        Assert.Equal(HttpStatusCode.OK, imported.StatusCode);
        var filled = new HtmlPage(author, new Uri(author.Http.BaseAddress!, "/works/new"), await imported.Content.ReadAsStringAsync());
        using var posted = await filled.Form("Post").Set("Work.RatingId", "2").Check("Work.WarningIds", "14")
            .Set("Work.Fandoms", "Original Work").SubmitAsync();
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        await author.PostWorkAsync("Quiet Typed Work");

        var warnings = archive.Log.Entries.Skip(before).Where(e => e.Level >= LogLevel.Warning).Select(e => $"{e.Category}: {e.Message}").ToList();
        Assert.True(warnings.Count == 0, string.Join("\n", warnings));
    }

    /// <summary>On Kestrel, as served: the test server cannot take a request size limit, and says so in a warning of its own.</summary>
    public sealed class LoggedArchive : ArchiveFactory
    {
        public LoggedArchive() => UseKestrel(0);

        /// <summary>Clients call the port Kestrel was given; the factory's own clients (for its test server) would follow redirects here.</summary>
        protected override HttpClient NewHttpClient() =>
            new(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new() })
            {
                BaseAddress = new Uri(Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First()),
            };

        public LogCapture Log { get; } = new();

        protected override void ConfigureArchive(IWebHostBuilder builder) =>
            builder.ConfigureServices(services => services.AddLogging(logging => logging.AddProvider(Log)));
    }
}
