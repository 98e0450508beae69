using Makimono.Import;

namespace Makimono.Tests.Import;

/// <summary>
/// The three sample works in ../shared/samples, read from disk as a new user would import them (they are other
/// people's writing, so they are not copied into the repository). A missing folder fails: these are the works the
/// importer is judged by.
/// </summary>
public sealed class SampleTests
{
    [Fact]
    public void Ao3_text_dump_sets_the_markers_aside_and_keeps_every_scene_break()
    {
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

    private static (string Text, ImportedWork Work) Import(string name)
    {
        var path = Path.Combine(SamplesFolder(), name);
        Assert.True(File.Exists(path), $"The sample {path} is missing; restore ../shared/samples beside the repository.");
        var bytes = File.ReadAllBytes(path);
        return (TextDecoding.Decode(bytes).Text, FileImport.Read(name, Path.GetExtension(name), bytes));
    }

    /// <summary>../shared/samples beside the repository (or worktree) the tests were built from.</summary>
    private static string SamplesFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Makimono.slnx")))
            {
                var samples = Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "samples"));
                Assert.True(Directory.Exists(samples), $"The sample works are missing: expected them in {samples}.");
                return samples;
            }
        }
        Assert.Fail($"Could not find the repository (Makimono.slnx) above {AppContext.BaseDirectory}, so not the samples beside it either.");
        return string.Empty;
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
