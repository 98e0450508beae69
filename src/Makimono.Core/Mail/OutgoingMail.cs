namespace Makimono.Mail;

/// <summary>One mail to one address, with the same text as plain text and as HTML.</summary>
public sealed record OutgoingMail(string To, string Subject, string Text, string Html);
