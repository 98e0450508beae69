using System.Text;
using System.Text.Encodings.Web;

namespace Makimono.Mail;

/// <summary>
/// Writes one mail as plain text and as HTML from the same parts, so the two never say different things. Every
/// value is encoded for HTML here; callers pass plain text.
/// </summary>
public sealed class MailBody
{
    private readonly StringBuilder _text = new();
    private readonly StringBuilder _html = new("<!DOCTYPE html><html><body style=\"font-family: sans-serif; line-height: 1.5\">");

    public MailBody Paragraph(string text)
    {
        _text.Append(text).Append("\n\n");
        _html.Append("<p>").Append(HtmlEncoder.Default.Encode(text)).Append("</p>");
        return this;
    }

    /// <summary>A link on a line of its own in the text, so any mail program lets it be clicked or copied whole.</summary>
    public MailBody Link(string label, string url)
    {
        _text.Append(label).Append(":\n").Append(url).Append("\n\n");
        _html.Append("<p><a href=\"").Append(HtmlEncoder.Default.Encode(url)).Append("\">").Append(HtmlEncoder.Default.Encode(label)).Append("</a></p>");
        return this;
    }

    public MailBody Heading(string text)
    {
        _text.Append(text).Append('\n').Append(new string('-', Math.Min(text.Length, 72))).Append('\n');
        _html.Append("<h2 style=\"font-size: 1.1em\">").Append(HtmlEncoder.Default.Encode(text)).Append("</h2>");
        return this;
    }

    public MailBody List(IEnumerable<string> items)
    {
        _html.Append("<ul>");
        foreach (var item in items)
        {
            _text.Append("- ").Append(item).Append('\n');
            _html.Append("<li>").Append(HtmlEncoder.Default.Encode(item)).Append("</li>");
        }
        _text.Append('\n');
        _html.Append("</ul>");
        return this;
    }

    public OutgoingMail To(string address, string subject) =>
        new(address, subject, _text.ToString().TrimEnd() + "\n", _html + "</body></html>");
}
