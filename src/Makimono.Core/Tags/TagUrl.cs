using System.Text;

namespace Makimono.Tags;

/// <summary>
/// Tag names in URL paths, escaped the way AO3 does it ("A/B" becomes "A*s*B"), because a "/" or "."
/// in a path segment is mangled by proxies and routing even when percent-encoded.
/// </summary>
public static class TagUrl
{
    private static readonly (string Plain, string Escaped)[] Replacements =
    [
        ("/", "*s*"), ("&", "*a*"), (".", "*d*"), ("?", "*q*"), ("#", "*h*"),
    ];

    public static string ToSegment(string tagName)
    {
        var builder = new StringBuilder(tagName);
        foreach (var (plain, escaped) in Replacements)
        {
            builder.Replace(plain, escaped);
        }
        return Uri.EscapeDataString(builder.ToString());
    }

    public static string FromSegment(string segment)
    {
        var builder = new StringBuilder(segment);
        foreach (var (plain, escaped) in Replacements)
        {
            builder.Replace(escaped, plain);
        }
        return builder.ToString();
    }

    public static string WorksPath(string tagName) => $"/tags/{ToSegment(tagName)}/works";
}
