using Makimono.Import.Formats;


namespace Makimono.Tests.Import.Formats;

public sealed class MarkdownImportTests
{
    [Fact]
    public void A_run_of_blank_lines_between_paragraphs_is_a_scene_break()
    {
        var work = MarkdownImport.Read("run.md", Story("\n\n\n\n"));

        var chapter = Assert.Single(work.Chapters);
        Assert.Contains("the step dry.</p>\n<hr>\n<p>The letter came", chapter.Html, StringComparison.Ordinal);
        Assert.Equal(1, chapter.Html.Split("<hr>").Length - 1);
    }

    [Fact]
    public void One_blank_line_between_paragraphs_is_no_scene_break()
    {
        var work = MarkdownImport.Read("one.md", Story("\r\n\r\n"));

        Assert.DoesNotContain("<hr>", work.Chapters[0].Html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Before.\n\n~~~\nline one\n\n\nline two\n~~~\n\nAfter.\n")]
    [InlineData("Before.\n\n````\nline one\n\n\n```\nstill code\n````\n\nAfter.\n")]
    [InlineData("- first item\n\n\n  more of the first item\n- second item\n")]
    public void Blank_runs_in_code_or_list_items_are_left_alone(string markdown)
    {
        Assert.Equal(Markdig.Markdown.ToHtml(markdown), MarkdownImport.ToHtml(markdown));
    }

    /// <summary>Two scenes of a story, the second after <paramref name="gap"/>.</summary>
    private static string Story(string gap) =>
        "Juniper swept the step every morning, whether or not anyone was coming.\n\n"
        + "The wind swept it after her, and between them they kept the step dry." + gap
        + "The letter came at noon, on a Tuesday, in a hand she did not know.\n\n"
        + "She read it on the step, which was clean.\n";
}
