using Markdig;

namespace Makimono.Import;

/// <summary>
/// Markdown through Markdig to HTML, then the same reader as generic HTML: headings mark chapters,
/// thematic breaks (***, ---) become scene breaks, and emphasis survives as italics and bold.
/// </summary>
public static class MarkdownImport
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().Build();

    public static ImportedWork Read(string source, string markdown) =>
        HtmlImport.Read(source, ToHtml(markdown), format: "markdown");

    public static string ToHtml(string markdown)
    {
        try
        {
            return Markdown.ToHtml(markdown, Pipeline);
        }
        catch (ArgumentException e)
        {
            // Markdig refuses input nested past its depth limit (thousands of "> " or list markers) this way.
            throw new ImportException($"The Markdown could not be read: {e.Message} Check the file, or save the story as plain text and import that.");
        }
    }
}
