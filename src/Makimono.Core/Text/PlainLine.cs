using System.Buffers;
using System.Text;

namespace Makimono.Text;

/// <summary>
/// The rule for one-line plain-text fields (work, chapter and series titles, tag names, guest names): they are shown in
/// pages, blurbs, the inbox, Atom feeds, OPDS and mail. Control characters (line breaks and tabs included) cannot be
/// written in XML at all, and direction overrides and isolates (U+202A–U+202E, U+2066–U+2069) make one text read as
/// another. The plain marks right-to-left text needs (U+200E, U+200F) stay allowed.
/// </summary>
public static class PlainLine
{
    private static readonly SearchValues<char> DirectionOverrides = SearchValues.Create("\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069");

    public static bool IsRefused(char c) => char.IsControl(c) || DirectionOverrides.Contains(c);

    public static bool Refuses(string text) => text.Any(IsRefused);

    /// <summary>The message for a field whose text holds a refused character; <paramref name="what"/> is e.g. "the title".</summary>
    public static string Message(string what) =>
        $"Type {what} as plain text on one line: it cannot hold line breaks, tabs, control characters or text-direction overrides.";

    /// <summary>
    /// For text no person typed (an imported file's title): runs of whitespace, line breaks included, become one space
    /// and other refused characters are dropped, so the text passes the rule instead of refusing the whole import.
    /// </summary>
    public static string? Tidy(string? text)
    {
        if (text is null)
        {
            return null;
        }
        var builder = new StringBuilder(text.Length);
        var pendingSpace = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                pendingSpace = builder.Length > 0;
                continue;
            }
            if (IsRefused(c))
            {
                continue;
            }
            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }
            builder.Append(c);
        }
        return builder.ToString();
    }
}
