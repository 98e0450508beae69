using Markdig;

namespace Makimono.Import.Formats;

/// <summary>
/// Markdown through Markdig to HTML, then the same reader as generic HTML: headings mark chapters,
/// thematic breaks (***, ---) and runs of two or more blank lines become scene breaks, and emphasis survives as
/// italics and bold.
/// </summary>
public static class MarkdownImport
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().Build();

    /// <summary>
    /// An empty paragraph, which the HTML reader takes as one more blank line, as it does a word processor's, so
    /// the run of blank lines Markdig would collapse still reaches the recogniser as a run.
    /// </summary>
    private const string BlankLineKept = "<p></p>";

    public static ImportedWork Read(string source, string markdown) =>
        HtmlImport.Read(source, ToHtml(markdown), format: "markdown");

    public static string ToHtml(string markdown)
    {
        try
        {
            return Markdown.ToHtml(KeepBlankRuns(markdown), Pipeline);
        }
        catch (ArgumentException e)
        {
            // Markdig refuses input nested past its depth limit (thousands of "> " or list markers) this way.
            throw new ImportException($"The Markdown could not be read: {e.Message} Check the file, or save the story as plain text and import that.");
        }
    }

    /// <summary>
    /// Marks each run of two or more blank lines between blocks, as in a text file a scene break. Runs inside a
    /// fenced code block are the code's own, and a run before an indented line may sit inside a list item, so
    /// those are left as they are.
    /// </summary>
    internal static string KeepBlankRuns(string markdown)
    {
        var lines = markdown.Split('\n');
        var kept = new List<string>(lines.Length + 8);
        string? fence = null;
        var blanks = 0;
        foreach (var line in lines)
        {
            if (string.IsNullOrWhiteSpace(line))
            {
                blanks++;
                kept.Add(line);
                continue;
            }
            if (fence is null && blanks >= 2 && kept.Count > blanks && !char.IsWhiteSpace(line[0]))
            {
                kept.Add(BlankLineKept);
                kept.Add(string.Empty);
            }
            blanks = 0;
            fence = NextFence(fence, line);
            kept.Add(line);
        }
        return string.Join('\n', kept);
    }

    /// <summary>The fence a code block is open with after this line, or null outside one.</summary>
    private static string? NextFence(string? open, string line)
    {
        var trimmed = line.TrimStart(' ');
        if (line.Length - trimmed.Length > 3 || trimmed.Length < 3 || trimmed[0] is not ('`' or '~'))
        {
            return open;
        }
        var length = 0;
        while (length < trimmed.Length && trimmed[length] == trimmed[0])
        {
            length++;
        }
        if (length < 3)
        {
            return open;
        }
        if (open is null)
        {
            return trimmed[..length];
        }
        // Only a fence of the same character, at least as long and with nothing after it, closes the block.
        return trimmed[0] == open[0] && length >= open.Length && trimmed[length..].Trim().Length == 0 ? null : open;
    }
}
