using System.Text;
using Makimono.Import.Formats;
using Makimono.Import;

namespace Makimono.Tests.Import.Formats;

public sealed class FileImportTests
{
    private const string Story = "Hollow Hill\n\nSummary: A fox and a hare share a burrow for one winter.\n\nThe fox came first, and the hare came second, and neither would leave.\n\nBy spring they had stopped arguing about whose burrow it was.\n";

    static FileImportTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    [Fact]
    public void A_windows_1252_file_is_read_and_its_encoding_reported_as_guessed()
    {
        var text = Story.Replace("The fox", "The café fox", StringComparison.Ordinal).Replace("whose", "“whose”", StringComparison.Ordinal);

        var work = FileImport.Read("hill.txt", ".txt", Encoding.GetEncoding(1252).GetBytes(text));

        Assert.Equal(("windows-1252", true), (work.Encoding, work.EncodingGuessed));
        Assert.Contains("The café fox", work.Chapters[0].Text, StringComparison.Ordinal);
        Assert.Contains("“whose”", work.Chapters[0].Text, StringComparison.Ordinal);
        NothingLost.Assert(text, work);
    }

    [Fact]
    public void A_utf16_file_with_a_bom_is_read_the_same_as_utf8()
    {
        var encoding = new UnicodeEncoding(bigEndian: false, byteOrderMark: true);

        var work = FileImport.Read("hill.txt", ".txt", [.. encoding.GetPreamble(), .. encoding.GetBytes(Story)]);
        var same = FileImport.Read("hill.txt", ".txt", Encoding.UTF8.GetBytes(Story));

        Assert.Equal(("utf-16le", false), (work.Encoding, work.EncodingGuessed));
        Assert.Equal("Hollow Hill", work.Title);
        Assert.Equal(same.Summary, work.Summary);
        Assert.Equal(same.Chapters[0].Html, work.Chapters[0].Html);
        NothingLost.Assert(Story, work);
    }

    [Theory]
    [InlineData("")]
    [InlineData(" \n\r\n\t ")]
    public void Empty_files_are_refused(string content)
    {
        var e = Assert.Throws<ImportException>(() => FileImport.Read("empty.txt", ".txt", Encoding.UTF8.GetBytes(content)));

        Assert.Contains("empty", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_just_over_the_limit_is_refused_with_sizes_that_show_it_is_larger()
    {
        var justOver = Encoding.ASCII.GetBytes(new string('a', (10 * 1024 * 1024) + (20 * 1024)));

        var e = Assert.Throws<ImportException>(() => FileImport.Read("long.txt", ".txt", justOver));

        Assert.StartsWith("The file is 10.02 MB; the limit is 10 MB.", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Binary_files_are_refused_by_their_magic_number()
    {
        byte[] png = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13];

        var e = Assert.Throws<ImportException>(() => FileImport.Read("story.txt", ".txt", png));

        Assert.Contains("PNG", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_old_word_document_is_refused_with_the_advice_to_save_it_as_docx()
    {
        byte[] doc = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0, 0, 0];

        var e = Assert.Throws<ImportException>(() => FileImport.Read("story.doc", ".doc", doc));

        Assert.Contains("old Word (.doc) file", e.Message, StringComparison.Ordinal);
        Assert.Contains("Save the story as .docx", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Binary_files_are_refused_by_their_control_characters()
    {
        var bytes = Enumerable.Range(0, 4000).Select(i => (byte)(i % 32 == 0 ? 1 : 'a' + (i % 7))).ToArray();
        bytes = [.. bytes.Select(b => b == 1 ? (byte)0x02 : b)];

        var e = Assert.Throws<ImportException>(() => FileImport.Read("data.bin", ".bin", bytes));

        Assert.Contains("binary", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Text_with_nul_bytes_is_refused()
    {
        var bytes = Encoding.UTF8.GetBytes(Story);
        bytes[20] = 0;

        var e = Assert.Throws<ImportException>(() => FileImport.Read("story.txt", ".txt", bytes));

        Assert.Contains("NUL", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Files_over_the_size_limit_are_refused_before_they_are_read()
    {
        var path = Path.Combine(Path.GetTempPath(), $"makimono-import-{Guid.NewGuid():N}.txt");
        await File.WriteAllTextAsync(path, Story + new string('a', 3000));
        try
        {
            var e = await Assert.ThrowsAsync<ImportException>(() => FileImport.ReadAsync(path, "big.txt", new ImportOptions { MaxBytes = 2048 }));

            Assert.Contains("limit", e.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void An_unknown_extension_is_sniffed_as_text_or_html()
    {
        var asText = FileImport.Read("story.fic", ".fic", Encoding.UTF8.GetBytes(Story));
        var asHtml = FileImport.Read("story.fic", ".fic", Encoding.UTF8.GetBytes("<html><body><p>One line of a story about a fox.</p><p>And another about the hare.</p></body></html>"));

        Assert.Equal("text", asText.Format);
        Assert.Equal("html", asHtml.Format);
    }

    [Theory]
    [InlineData(".docx")]
    [InlineData(".epub")]
    public void A_docx_or_epub_that_is_not_a_zip_says_what_to_do(string extension)
    {
        var e = Assert.Throws<ImportException>(() => FileImport.Read("story" + extension, extension, Encoding.UTF8.GetBytes(Story)));

        Assert.Contains("not a zip archive", e.Message, StringComparison.Ordinal);
        Assert.Contains("save it as " + extension, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Deeply_nested_html_is_refused()
    {
        var html = "<html><body>" + string.Concat(Enumerable.Repeat("<div>", 2000)) + "deep" + "</body></html>";

        var e = Assert.Throws<ImportException>(() => FileImport.Read("deep.html", ".html", Encoding.UTF8.GetBytes(html)));

        Assert.Contains("nested", e.Message, StringComparison.Ordinal);
    }
}
