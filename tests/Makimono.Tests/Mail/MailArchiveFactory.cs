using Makimono.Tests.Web;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Makimono.Tests.Mail;

/// <summary>The web archive sending its mail to a loopback SMTP server, on a clock the tests move.</summary>
public sealed class MailArchiveFactory : ArchiveFactory
{
    public LoopbackSmtpServer Smtp { get; } = new();

    /// <summary>Starts at the real time (cookies and form tokens are checked against it too) and moves only when told.</summary>
    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    protected override void ConfigureArchive(IWebHostBuilder builder)
    {
        foreach (var (key, value) in Smtp.Settings)
        {
            builder.UseSetting(key, value);
        }
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        Smtp.Dispose();
    }
}
