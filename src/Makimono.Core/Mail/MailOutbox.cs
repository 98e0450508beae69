using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Makimono.Mail;

/// <summary>
/// Mail that a page asks for (confirmation and reset links) is sent after the answer, not during it: a reply that took
/// as long as an SMTP conversation only when the address exists would tell who has an account, and a slow or broken
/// mail server must not hold up or fail the page. A link lost with a node that stops is asked for again.
/// </summary>
public sealed class MailOutbox
{
    /// <summary>Far more than a rate-limited site queues; beyond it mail is dropped and logged, never piled up in memory.</summary>
    private const int Capacity = 10_000;

    private readonly Channel<OutgoingMail> _queue = Channel.CreateBounded<OutgoingMail>(
        new BoundedChannelOptions(Capacity) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true });

    public bool TryQueue(OutgoingMail mail) => _queue.Writer.TryWrite(mail);

    internal ChannelReader<OutgoingMail> Reader => _queue.Reader;
}

/// <summary>Sends what <see cref="MailOutbox"/> holds, one SMTP connection for whatever has gathered.</summary>
public sealed partial class MailOutboxSender(MailOutbox outbox, SmtpMailSender sender, ILogger<MailOutboxSender> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!sender.IsConfigured)
        {
            return;
        }
        try
        {
            while (await outbox.Reader.WaitToReadAsync(stoppingToken))
            {
                var batch = new List<OutgoingMail>();
                while (batch.Count < 100 && outbox.Reader.TryRead(out var mail))
                {
                    batch.Add(mail);
                }
                try
                {
                    await sender.SendAsync(batch, stoppingToken);
                }
                catch (Exception error) when (error is not OperationCanceledException)
                {
                    LogFailed(error, batch.Count, string.Join(", ", batch.Select(m => m.Subject).Distinct()));
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The archive is stopping (or never finished starting): a stop, not a failure.
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Sending {Count} mail(s) failed ({Subjects}); the people waiting for them can ask again.")]
    private partial void LogFailed(Exception error, int count, string subjects);
}
