using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Makimono.Mail;

public static class MailSetup
{
    /// <summary>The "Mail" settings (validated at start), the SMTP sender and the outbox that pages queue links in.</summary>
    public static IServiceCollection AddArchiveMail(this IServiceCollection services)
    {
        services.AddOptions<MailOptions>().BindConfiguration(MailOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<MailOptions>, MailOptionsValidator>();
        services.AddSingleton<SmtpMailSender>();
        services.AddSingleton<MailOutbox>();
        services.AddSingleton<InboxDigests>();
        // Run by the inbox worker after each pass, wherever the host registers that worker.
        services.AddSingleton<Inbox.IInboxWorkerStep, InboxDigestStep>();
        services.AddHostedService<MailOutboxSender>();
        return services;
    }
}
