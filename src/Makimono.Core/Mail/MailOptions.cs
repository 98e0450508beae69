namespace Makimono.Mail;

/// <summary>How the SMTP connection is secured.</summary>
public enum SmtpSecurity
{
    /// <summary>Plain text: only for a relay on this machine or a trusted network.</summary>
    None,
    /// <summary>Plain connection upgraded with STARTTLS, which the server must offer (usually port 587).</summary>
    StartTls,
    /// <summary>TLS from the first byte ("SMTPS", usually port 465).</summary>
    Tls,
}

/// <summary>
/// The "Mail" settings, validated at start (<see cref="MailOptionsValidator"/>). Without <see cref="Host"/> the
/// archive sends no mail, and every page that would send some says what to do instead.
/// </summary>
public sealed class MailOptions
{
    public const string Section = "Mail";

    /// <summary>The SMTP server; empty means "send no mail".</summary>
    public string? Host { get; set; }

    public int Port { get; set; } = 587;

    /// <summary>"None", "StartTls" or "Tls", read as text so a typo gets a message rather than a binder's stack trace.</summary>
    public string Security { get; set; } = nameof(SmtpSecurity.StartTls);

    /// <summary>For servers that want a login; give the password through the environment or a settings file, never in code.</summary>
    public string? UserName { get; set; }

    public string? Password { get; set; }

    /// <summary>The sender of every mail, e.g. "Makimono &lt;archive@example.org&gt;".</summary>
    public string? From { get; set; }

    /// <summary>The archive's public address, e.g. https://fic.example.org: links in mail cannot come from a request.</summary>
    public string? BaseUrl { get; set; }

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Host);

    /// <summary>Valid once validation has passed.</summary>
    public SmtpSecurity SecurityMode => Enum.Parse<SmtpSecurity>(Security, ignoreCase: true);

    /// <summary>An absolute link to <paramref name="pathAndQuery"/> on the archive.</summary>
    public string Link(string pathAndQuery) => BaseUrl!.TrimEnd('/') + pathAndQuery;
}
