using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Makimono.Mail;

/// <summary>Sends mail through the configured SMTP server with MailKit.</summary>
public sealed class SmtpMailSender(IOptions<MailOptions> options)
{
    public bool IsConfigured => options.Value.IsConfigured;

    public MailOptions Options => options.Value;

    public async Task SendAsync(IReadOnlyList<OutgoingMail> mails, CancellationToken ct = default)
    {
        if (mails.Count == 0)
        {
            return;
        }
        await using var session = await ConnectAsync(ct);
        foreach (var mail in mails)
        {
            await session.SendAsync(mail, ct);
        }
    }

    /// <summary>One connection for many mails, so a caller can tell which of them went.</summary>
    public async Task<Session> ConnectAsync(CancellationToken ct = default)
    {
        var settings = options.Value;
        if (!settings.IsConfigured)
        {
            throw new InvalidOperationException("No SMTP server is configured (Mail:Host); callers check IsConfigured first.");
        }
        var client = new SmtpClient();
        try
        {
            var security = settings.SecurityMode switch
            {
                SmtpSecurity.None => SecureSocketOptions.None,
                SmtpSecurity.Tls => SecureSocketOptions.SslOnConnect,
                _ => SecureSocketOptions.StartTls,
            };
            await client.ConnectAsync(settings.Host!, settings.Port, security, ct);
            if (!string.IsNullOrEmpty(settings.UserName))
            {
                await client.AuthenticateAsync(settings.UserName, settings.Password ?? "", ct);
            }
            return new Session(client, settings);
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    public static MimeMessage Message(MailOptions settings, OutgoingMail mail)
    {
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(settings.From!));
        message.To.Add(MailboxAddress.Parse(mail.To));
        message.Subject = mail.Subject;
        message.Body = new BodyBuilder { TextBody = mail.Text, HtmlBody = mail.Html }.ToMessageBody();
        return message;
    }

    public sealed class Session(SmtpClient client, MailOptions settings) : IAsyncDisposable
    {
        public async Task SendAsync(OutgoingMail mail, CancellationToken ct = default) =>
            await client.SendAsync(Message(settings, mail), ct);

        public async ValueTask DisposeAsync()
        {
            try
            {
                if (client.IsConnected)
                {
                    await client.DisconnectAsync(quit: true);
                }
            }
            catch (Exception error) when (error is IOException or MailKit.ProtocolException or MailKit.CommandException)
            {
                // The mails are sent (or their failure reported) by now; a QUIT that fails changes nothing.
            }
            finally
            {
                client.Dispose();
            }
        }
    }
}
