using Makimono.Exports;

namespace Makimono.Tests.Exports;

/// <summary>A title the archive stores may hold code points Unicode normalization refuses; the file name still comes out.</summary>
public sealed class FileNameTests
{
    [Theory]
    [InlineData("Odd \uFFFE Title", "Odd Title")]
    [InlineData("Odd \uFFFF\uFDD0 Title", "Odd Title")]
    public void A_title_with_noncharacters_gives_a_clean_file_name(string title, string stem)
    {
        var work = SampleExports.Work(40, title, "en", ("One", "<p>Text.</p>"));

        foreach (var format in DownloadUrls.All)
        {
            var name = DownloadCache.FileName(work, format);

            Assert.StartsWith(stem + " - ", name, StringComparison.Ordinal);
            Assert.True(name.IsNormalized(), name);
        }
    }

    [Fact]
    public void A_lone_surrogate_in_a_title_becomes_the_replacement_character()
    {
        // Built here: a lone surrogate does not survive the theory's serialization of its data.
        var work = SampleExports.Work(41, "Lone " + (char)0xD800 + " Surrogate", "en", ("One", "<p>Text.</p>"));

        Assert.StartsWith("Lone \uFFFD Surrogate - ", DownloadCache.FileName(work, DownloadFormat.Epub), StringComparison.Ordinal);
    }
}
