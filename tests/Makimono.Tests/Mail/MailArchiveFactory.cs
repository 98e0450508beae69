using Makimono.Mail;
using Makimono.Tests.Web;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Makimono.Tests.Mail;

/// <summary>The web archive sending its mail to a loopback SMTP server, on a clock the tests move (unless told not to).</summary>
public class MailArchiveFactory(bool fakeClock) : ArchiveFactory
{
    public MailArchiveFactory()
        : this(fakeClock: true)
    {
    }

    public LoopbackSmtpServer Smtp { get; } = new();

    /// <summary>Starts at the real time (cookies and form tokens are checked against it too) and moves only when told.</summary>
    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    protected override void ConfigureArchive(IWebHostBuilder builder)
    {
        foreach (var (key, value) in Smtp.Settings)
        {
            builder.UseSetting(key, value);
        }
        if (fakeClock)
        {
            builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
        }
    }

    /// <summary>
    /// The links a mail to <paramref name="userName"/> would carry (reset password, confirm address), as paths, for a
    /// crawler that cannot read mail.
    /// </summary>
    public Task<IReadOnlyList<string>> MailedLinksAsync(string userName) => WithDbAsync<IReadOnlyList<string>>(async db =>
    {
        var user = await db.Users.SingleAsync(u => u.UserName == userName);
        var reset = await MailTokens.IssueAsync(db, TimeProvider.System, user.Id, MailTokenPurpose.ResetPassword, user.Email!);
        var confirm = await MailTokens.IssueAsync(db, TimeProvider.System, user.Id, MailTokenPurpose.ConfirmAddress, user.Email!);
        return [$"{AccountMail.ResetPath}?token={reset}", $"{AccountMail.ConfirmPath}?token={confirm}"];
    });

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        Smtp.Dispose();
    }
}
