using Makimono.Import.Formats;
using Makimono.Import;
using Xunit.Abstractions;

namespace Makimono.Tests.Import;

/// <summary>
/// The three sample works in ../shared/samples, read from disk as a new user would import them (they are other
/// people's writing, so they are not copied into the repository). These are the works the importer is judged by: CI
/// must have them; a clone without them says so in the test output (see <see cref="SharedSamples"/>).
/// </summary>
public sealed class SampleTests(SharedSamples samples, ITestOutputHelper output) : IClassFixture<SharedSamples>
{
    [Fact]
    public void Ao3_text_dump_sets_the_markers_aside_and_keeps_every_scene_break()
    {
        if (!samples.Available(output))
        {
            return;
        }
        var (text, work) = Import("ao3-text-dump.txt");

        NothingLost.Assert(text, work);
        Assert.Equal(["Work Header", "Work Text:"], work.Markers.Take(2));
        Assert.Null(work.Title);
        Assert.Null(work.Summary);
        Assert.Null(work.Notes);
        Assert.Null(work.EndNotes);
        var chapter = Assert.Single(work.Chapters);
        Assert.DoesNotContain("Work Text", chapter.Text, StringComparison.Ordinal);
        Assert.Equal(BlankRunsInsideTheStory(text, firstStoryLine: 6), CountOf("<hr>", chapter.Html));
        Assert.Equal(Makimono.Text.WordCounter.CountText(text) - Makimono.Text.WordCounter.CountText("Work Header Work Text:"), work.Words);
    }

    [Fact]
    public void Authors_note_then_summary_puts_each_in_its_field()
    {
        if (!samples.Available(output))
        {
            return;
        }
        var (text, work) = Import("authors-note-then-summary.txt");
        var paragraphs = NonBlankLines(text);

        NothingLost.Assert(text, work);
        Assert.Null(work.Title);
        Assert.Equal(paragraphs[0].Trim(), work.Notes);
        Assert.Equal(paragraphs[1].Trim(), work.Summary);
        Assert.Null(work.EndNotes);
        var chapter = Assert.Single(work.Chapters);
        Assert.StartsWith(paragraphs[2].Trim(), chapter.Text, StringComparison.Ordinal);
        Assert.EndsWith(paragraphs[^1].Trim(), chapter.Text, StringComparison.Ordinal);
        Assert.Equal(BlankRunsInsideTheStory(text, firstStoryLine: 4), CountOf("<hr>", chapter.Html));
    }

    [Fact]
    public void Chapter_title_only_takes_the_title_line_and_keeps_the_scene_breaks()
    {
        if (!samples.Available(output))
        {
            return;
        }
        var (text, work) = Import("chapter-title-only.txt");
        var paragraphs = NonBlankLines(text);

        NothingLost.Assert(text, work);
        Assert.Equal(paragraphs[0].Trim(), work.Title);
        Assert.Null(work.Summary);
        Assert.Null(work.Notes);
        Assert.Null(work.EndNotes);
        var chapter = Assert.Single(work.Chapters);
        Assert.StartsWith(paragraphs[1].Trim(), chapter.Text, StringComparison.Ordinal);
        Assert.EndsWith(paragraphs[^1].Trim(), chapter.Text, StringComparison.Ordinal);
        Assert.Equal(BlankRunsInsideTheStory(text, firstStoryLine: 2), CountOf("<hr>", chapter.Html));
        Assert.True(CountOf("<hr>", chapter.Html) > 0);
    }

    private (string Text, ImportedWork Work) Import(string name)
    {
        var bytes = File.ReadAllBytes(samples.PathOf(name));
        return (TextDecoding.Decode(bytes).Text, FileImport.Read(name, Path.GetExtension(name), bytes));
    }

    private static List<string> NonBlankLines(string text) =>
        text.Split('\n').Where(l => !string.IsNullOrWhiteSpace(l)).ToList();

    /// <summary>Runs of two or more blank lines after the given line: the scene breaks the text shows.</summary>
    private static int BlankRunsInsideTheStory(string text, int firstStoryLine)
    {
        var lines = text.Replace("\r\n", "\n").Split('\n').Skip(firstStoryLine).ToList();
        int runs = 0, blank = 0;
        foreach (var line in lines)
        {
            if (string.IsNullOrWhiteSpace(line))
            {
                blank++;
                continue;
            }
            if (blank >= 2)
            {
                runs++;
            }
            blank = 0;
        }
        return runs;
    }

    private static int CountOf(string needle, string haystack) => haystack.Split(needle).Length - 1;
}
