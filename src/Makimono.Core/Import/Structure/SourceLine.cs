using System.Net;

namespace Makimono.Import.Structure;

/// <summary>
/// One line of input as the recogniser sees it, whatever the format: its plain text and its inline HTML.
/// A rule stands for an explicit scene break such as HTML's &lt;hr&gt;. A heading starts a chapter whatever its
/// words, as a DOCX heading style or the start of an EPUB spine document does; its text (maybe empty) is the title.
/// A centred line was centred in a format that says so (DOCX, HTML), where a few symbols are a scene break.
/// </summary>
public readonly record struct SourceLine(string Text, string Html, bool IsRule = false, bool IsHeading = false, bool IsCentred = false)
{
    public static readonly SourceLine Blank = new(string.Empty, string.Empty);
    public static readonly SourceLine Rule = new(string.Empty, string.Empty, IsRule: true);

    public bool IsBlank => !IsRule && !IsHeading && string.IsNullOrWhiteSpace(Text);

    public static SourceLine Heading(string text) => new(text, WebUtility.HtmlEncode(text), IsHeading: true);

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
    public bool IsHeading => Lines.Count == 1 && Lines[0].IsHeading;

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
            if (line.IsRule || line.IsHeading)
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
