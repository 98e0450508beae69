using System.Net;
using Makimono.Mail;
using Makimono.Tests.Hosting;
using Microsoft.AspNetCore.Hosting;

namespace Makimono.Tests.Mail;

/// <summary>The "Mail" settings are checked at start, and the forms that send mail are rate-limited per address.</summary>
public sealed class MailSettingsTests(MailSettingsTests.TwoMailsAnHour archive) : IClassFixture<MailSettingsTests.TwoMailsAnHour>, IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("makimono-mail-settings-").FullName;

    public sealed class TwoMailsAnHour : MailArchiveFactory
    {
        public const int Limit = 2;

        protected override void ConfigureArchive(IWebHostBuilder builder)
        {
            base.ConfigureArchive(builder);
            builder.UseSetting("RateLimits:MailsPerHour", $"{Limit}");
        }
    }

    [Fact]
    public void Settings_that_cannot_send_mail_are_named_with_what_to_do()
    {
        var validator = new MailOptionsValidator();
        Assert.True(validator.Validate(null, new MailOptions()).Succeeded);
        var valid = new MailOptions { Host = "smtp.example.org", From = "Makimono <archive@example.org>", BaseUrl = "https://fic.example.org" };
        Assert.True(validator.Validate(null, valid).Succeeded);

        var failures = validator.Validate(null, new MailOptions
        {
            Host = "smtp.example.org", Port = 0, Security = "ssl", From = "not an address", BaseUrl = "fic.example.org", UserName = "archive",
        }).Failures!.ToList();

        Assert.Equal(5, failures.Count);
        Assert.Contains(failures, f => f.StartsWith("Mail:Port is 0", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("Mail:Security is \"ssl\": set it to None, StartTls, Tls", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("Mail:From is \"not an address\"", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("Mail:BaseUrl is \"fic.example.org\"", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("Mail:UserName and Mail:Password go together", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Serve_with_an_smtp_host_but_no_sender_stops_at_start_with_one_line()
    {
        var (exit, _, stderr) = await MakimonoProcess.RunAsync(["serve", "--urls", "http://127.0.0.1:0", "--data", Path.Combine(_folder, "data")],
            new Dictionary<string, string> { ["Mail__Host"] = "smtp.example.org", ["Mail__BaseUrl"] = "https://fic.example.org" });

        Assert.Equal(2, exit);
        var line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        Assert.Contains("Mail:From is \"\"", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Mail_forms_past_the_hourly_limit_get_a_429_page_and_send_nothing()
    {
        using var guest = archive.Guest();
        for (var i = 1; i <= TwoMailsAnHour.Limit; i++)
        {
            using var asked = await (await guest.PageAsync("/password/forgot")).Form("Send me a link").Set("Email", $"someone{i}@example.org").SubmitAsync();
            Assert.Equal(HttpStatusCode.Redirect, asked.StatusCode);
        }

        using var refused = await (await guest.PageAsync("/password/forgot")).Form("Send me a link").Set("Email", "one-too-many@example.org").SubmitAsync();

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Contains("Too many requests for mail from your address", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        // Reading the form is not limited.
        Assert.Equal(HttpStatusCode.OK, (await guest.GetAsync("/password/forgot")).Status);
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
