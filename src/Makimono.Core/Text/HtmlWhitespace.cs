using System.Text;

namespace Makimono.Text;

/// <summary>HTML's white space (space, tab, line feed, form feed, carriage return), as a reader sees it in flowing text.</summary>
public static class HtmlWhitespace
{
    /// <summary>
    /// Each run of white space as one space, the way a browser lays out a text node outside &lt;pre&gt;; a run at either
    /// end stays a single space, since it may separate this text from the one beside it.
    /// </summary>
    public static string Collapse(string text)
    {
        var builder = new StringBuilder(text.Length);
        var space = false;
        foreach (var c in text)
        {
            if (c is ' ' or '\t' or '\n' or '\f' or '\r')
            {
                space = true;
                continue;
            }
            if (space)
            {
                builder.Append(' ');
            }
            space = false;
            builder.Append(c);
        }
        if (space)
        {
            builder.Append(' ');
        }
        return builder.ToString();
    }
}
