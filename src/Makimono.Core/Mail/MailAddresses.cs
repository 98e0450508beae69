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
}
