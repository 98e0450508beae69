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

    public static string ToHtml(string markdown) => Markdown.ToHtml(markdown, Pipeline);
}
