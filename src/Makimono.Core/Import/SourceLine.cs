using System.Net;

namespace Makimono.Import;

/// <summary>
/// One line of input as the recogniser sees it, whatever the format: its plain text and its inline HTML.
/// A rule stands for an explicit scene break such as HTML's &lt;hr&gt;.
/// </summary>
public readonly record struct SourceLine(string Text, string Html, bool IsRule = false)
{
    public static readonly SourceLine Blank = new(string.Empty, string.Empty);
    public static readonly SourceLine Rule = new(string.Empty, string.Empty, IsRule: true);

    public bool IsBlank => !IsRule && string.IsNullOrWhiteSpace(Text);

    public static SourceLine FromText(string text) => new(text, WebUtility.HtmlEncode(text));

    public static IReadOnlyList<SourceLine> FromPlainText(string text) =>
        text.Replace("\r\n", "\n").Replace('\r', '\n').Split('\n').Select(l => FromText(l.TrimEnd())).ToList();
}

/// <summary>Consecutive non-blank lines, and how many blank lines came before them.</summary>
internal sealed record Paragraph(IReadOnlyList<SourceLine> Lines, int GapBefore)
{
    public int GapAfter { get; set; }
    /// <summary>The lines trimmed and joined; worked out once, as the rules ask for it many times.</summary>
    public string Text { get; } = JoinTrimmed(Lines);
    public bool IsSingleLine => Lines.Count == 1;
    public bool IsRule => Lines.Count == 1 && Lines[0].IsRule;

    private static string JoinTrimmed(IReadOnlyList<SourceLine> lines) =>
        lines.Count == 1 ? lines[0].Text.Trim() : string.Join("\n", lines.Select(l => l.Text.Trim()));

    public static List<Paragraph> Split(IEnumerable<SourceLine> lines)
    {
        var paragraphs = new List<Paragraph>();
        var current = new List<SourceLine>();
        var gap = 0;
        void Flush()
        {
            if (current.Count > 0)
            {
                if (paragraphs.Count > 0)
                {
                    paragraphs[^1].GapAfter = gap;
                }
                paragraphs.Add(new Paragraph(current, gap));
                current = [];
                gap = 0;
            }
        }
        foreach (var line in lines)
        {
            if (line.IsRule)
            {
                Flush();
                current.Add(line);
                Flush();
            }
            else if (line.IsBlank)
            {
                Flush();
                gap++;
            }
            else
            {
                current.Add(line);
            }
        }
        Flush();
        if (paragraphs.Count > 0)
        {
            paragraphs[^1].GapAfter = gap;
        }
        return paragraphs;
    }
}
