using System.Globalization;
using System.Text;

namespace Makimono.Exports.Pdf;

/// <summary>A word, or a part of one in one style: the text between two places a line may break.</summary>
internal sealed record PdfWord(string Text, PdfStyle Style, string? Link);

/// <summary>Words that no line may break between ("un" + italic "believ" + "able"), with the space before them.</summary>
internal sealed class PdfCluster
{
    public List<PdfWord> Words { get; } = [];
    public double Width { get; set; }
    /// <summary>The style of the space before the cluster, or null when it follows the previous one without a space.</summary>
    public PdfStyle? SpaceBefore { get; set; }
    /// <summary>How many line breaks the author put before it.</summary>
    public int BreaksBefore { get; set; }
}

internal sealed record PdfLine(IReadOnlyList<PdfCluster> Clusters, double Width);

/// <summary>
/// First-fit line breaking: at spaces, after each Chinese or Japanese character and after a dash; a word wider than
/// the line is cut between characters rather than run past the margin.
/// </summary>
internal static class PdfLineBreaker
{
    public static List<PdfCluster> Clusters(IEnumerable<PdfSpan> spans, bool keepSpaces)
    {
        var clusters = new List<PdfCluster>();
        PdfCluster? current = null;
        PdfStyle? pendingSpace = null;
        var pendingBreaks = 0;
        var breakBeforeNext = false;
        foreach (var span in spans)
        {
            var word = new StringBuilder();
            void EndWord()
            {
                if (word.Length == 0)
                {
                    return;
                }
                if (current is null || pendingSpace is not null || pendingBreaks > 0 || breakBeforeNext)
                {
                    current = new PdfCluster { SpaceBefore = pendingSpace, BreaksBefore = pendingBreaks };
                    clusters.Add(current);
                    pendingSpace = null;
                    pendingBreaks = 0;
                }
                current.Words.Add(new PdfWord(word.ToString(), span.Style, span.Link));
                breakBeforeNext = false;
                word.Clear();
            }
            foreach (var rune in span.Text.EnumerateRunes())
            {
                if (rune.Value == '\n')
                {
                    EndWord();
                    pendingBreaks++;
                    pendingSpace = null;
                }
                else if (rune.Value == ' ' && !keepSpaces)
                {
                    EndWord();
                    if (pendingBreaks == 0 && clusters.Count > 0)
                    {
                        pendingSpace = span.Style;
                    }
                }
                else
                {
                    var wide = IsWide(rune.Value);
                    if (wide)
                    {
                        // A line may break before a wide character as well as after it.
                        EndWord();
                        breakBeforeNext = true;
                    }
                    word.Append(rune.ToString());
                    if (wide || rune.Value is '—' or '–' or '-' or '/' or '\u200B')
                    {
                        EndWord();
                        breakBeforeNext = true;
                    }
                }
            }
            EndWord();
        }
        return clusters;
    }

    /// <param name="width">Measures a run of text in a style.</param>
    public static List<PdfLine> Lines(List<PdfCluster> clusters, double available, Func<string, PdfStyle, double> width)
    {
        foreach (var cluster in clusters)
        {
            cluster.Width = cluster.Words.Sum(w => width(w.Text, w.Style));
        }
        var lines = new List<PdfLine>();
        var line = new List<PdfCluster>();
        var lineWidth = 0.0;
        void EndLine()
        {
            lines.Add(new PdfLine([.. line], lineWidth));
            line.Clear();
            lineWidth = 0;
        }
        foreach (var cluster in clusters)
        {
            for (var i = 0; i < cluster.BreaksBefore; i++)
            {
                EndLine();
            }
            var space = line.Count > 0 && cluster.SpaceBefore is { } style ? width(" ", style) : 0;
            if (line.Count > 0 && lineWidth + space + cluster.Width > available)
            {
                EndLine();
                space = 0;
                cluster.SpaceBefore = null;
            }
            if (line.Count == 0)
            {
                cluster.SpaceBefore = null;
                space = 0;
            }
            if (cluster.Width > available)
            {
                foreach (var piece in Cut(cluster, available, width))
                {
                    if (line.Count > 0)
                    {
                        EndLine();
                    }
                    line.Add(piece);
                    lineWidth = piece.Width;
                }
                continue;
            }
            line.Add(cluster);
            lineWidth += space + cluster.Width;
        }
        if (line.Count > 0)
        {
            EndLine();
        }
        return lines;
    }

    /// <summary>A cluster too wide for a line (a long address) in pieces that fit, cut between characters.</summary>
    private static IEnumerable<PdfCluster> Cut(PdfCluster cluster, double available, Func<string, PdfStyle, double> width)
    {
        var piece = new PdfCluster();
        var text = new StringBuilder();
        PdfWord? last = null;
        foreach (var word in cluster.Words)
        {
            if (last is not null && text.Length > 0)
            {
                piece.Words.Add(last with { Text = text.ToString() });
                text.Clear();
            }
            last = word;
            var elements = StringInfo.GetTextElementEnumerator(word.Text);
            while (elements.MoveNext())
            {
                var element = elements.GetTextElement();
                var pieceWidth = piece.Words.Sum(w => width(w.Text, w.Style)) + width(text + element, word.Style);
                if (pieceWidth > available && (text.Length > 0 || piece.Words.Count > 0))
                {
                    if (text.Length > 0)
                    {
                        piece.Words.Add(word with { Text = text.ToString() });
                    }
                    piece.Width = piece.Words.Sum(w => width(w.Text, w.Style));
                    yield return piece;
                    piece = new PdfCluster();
                    text.Clear();
                }
                text.Append(element);
            }
        }
        if (last is not null && text.Length > 0)
        {
            piece.Words.Add(last with { Text = text.ToString() });
        }
        piece.Width = piece.Words.Sum(w => width(w.Text, w.Style));
        yield return piece;
    }

    /// <summary>Chinese, Japanese and Korean characters, which are written without spaces and may break anywhere.</summary>
    public static bool IsWide(int v) =>
        (v >= 0x2E80 && v <= 0x9FFF) || (v >= 0xF900 && v <= 0xFAFF) || (v >= 0xFF00 && v <= 0xFF60)
        || (v >= 0x20000 && v <= 0x3FFFD);
}
