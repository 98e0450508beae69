using MimeKit;

namespace Makimono.Mail;

/// <summary>The one rule for an e-mail address a person types, and the form it is compared in.</summary>
public static class MailAddresses
{
    /// <summary>RFC 5321's limit on a forward path.</summary>
    public const int MaxLength = 320;

    /// <summary>
    /// Upper-cased, so "Kiri@Example.org" and "kiri@example.org" are one address. Strictly the local part may be
    /// case-sensitive, but no mail provider people use treats it so, and two accounts differing only there would be a
    /// trap for whoever types the other one.
    /// </summary>
    public static string Normalize(string address) => address.Trim().ToUpperInvariant();

    /// <summary>The typed address's problem, or null when it is one plain address (name@domain) that mail can go to.</summary>
    public static string? Validate(string? address)
    {
        var trimmed = address?.Trim();
        return string.IsNullOrEmpty(trimmed) || trimmed.Length > MaxLength
            || !MailboxAddress.TryParse(trimmed, out var parsed) || parsed.Address != trimmed
            || trimmed.IndexOf('@', StringComparison.Ordinal) is var at && (at <= 0 || at != trimmed.LastIndexOf('@') || at == trimmed.Length - 1)
            ? "Enter an email address such as name@example.org."
            : null;
    }
}
