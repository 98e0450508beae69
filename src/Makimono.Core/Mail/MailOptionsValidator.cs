using Microsoft.Extensions.Options;
using MimeKit;

namespace Makimono.Mail;

/// <summary>Checked at start, so an archive that cannot send mail as configured refuses to run and says what to fix.</summary>
public sealed class MailOptionsValidator : IValidateOptions<MailOptions>
{
    public ValidateOptionsResult Validate(string? name, MailOptions options)
    {
        if (!options.IsConfigured)
        {
            return ValidateOptionsResult.Success;
        }
        var failures = new List<string>();
        if (options.Port is < 1 or > 65535)
        {
            failures.Add($"Mail:Port is {options.Port}: set it to the SMTP server's port, usually 587 (StartTls), 465 (Tls) or 25.");
        }
        if (!Enum.TryParse<SmtpSecurity>(options.Security, ignoreCase: true, out var security) || !Enum.IsDefined(security)
            || int.TryParse(options.Security, out _))
        {
            failures.Add($"Mail:Security is \"{options.Security}\": set it to {string.Join(", ", Enum.GetNames<SmtpSecurity>())}.");
        }
        if (string.IsNullOrWhiteSpace(options.From) || !MailboxAddress.TryParse(options.From, out _))
        {
            failures.Add($"Mail:From is \"{options.From}\": set it to the address mail comes from, e.g. \"Makimono <archive@example.org>\".");
        }
        if (!Uri.TryCreate(options.BaseUrl, UriKind.Absolute, out var baseUrl) || baseUrl.Scheme is not ("http" or "https")
            || !string.IsNullOrEmpty(baseUrl.Query) || !string.IsNullOrEmpty(baseUrl.Fragment))
        {
            failures.Add($"Mail:BaseUrl is \"{options.BaseUrl}\": set it to the archive's public address, e.g. https://fic.example.org, so links in mail lead to it.");
        }
        if (string.IsNullOrEmpty(options.UserName) != string.IsNullOrEmpty(options.Password))
        {
            failures.Add("Mail:UserName and Mail:Password go together: set both (for a server that wants a login) or neither.");
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
