using System.Text;
using Makimono.Import;
using Makimono.Import.Formats;

namespace Makimono.Tests.Import;

/// <summary>Front matter built to explode when read gets a clear per-file error, fast, and never fills the memory.</summary>
public sealed class FrontMatterBombTests
{
    /// <summary>"Billion laughs": each anchor lists the one before it nine times, so a few lines stand for 9^levels values.</summary>
    private static string Laughs(int levels)
    {
        var yaml = new StringBuilder("---\ntitle: Laughs\nl0: &l0 [\"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\"]\n");
        for (var level = 1; level < levels; level++)
        {
            yaml.Append($"l{level}: &l{level} [{string.Join(", ", Enumerable.Repeat($"*l{level - 1}", 9))}]\n");
        }
        return yaml.Append($"tags: *l{levels - 1}\n---\n# One\n\nThe story.\n").ToString();
    }

    [Theory]
    [InlineData(6)]
    [InlineData(9)]
    [InlineData(12)]
    public void Aliases_that_multiply_into_millions_of_values_are_refused(int levels)
    {
        var error = Assert.Throws<ImportException>(() => FileImport.Read("laughs.md", ".md", Encoding.UTF8.GetBytes(Laughs(levels))));

        Assert.Contains("more than", error.Message, StringComparison.Ordinal);
        Assert.Contains("front matter", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Front_matter_with_a_few_aliases_still_reads()
    {
        var markdown = "---\ntitle: Shared\nbase: &base [\"Fluff\", \"Angst\"]\ntags: *base\n---\n# One\n\nThe story.\n";

        var work = FileImport.Read("shared.md", ".md", Encoding.UTF8.GetBytes(markdown));

        Assert.Equal("Shared", work.Title);
    }
}
