using System.Text;
using Makimono.Import.Formats;
using Makimono.Import;

namespace Makimono.Tests.Import.Formats;

public sealed class TextDecodingTests
{
    private const string Story = "Chapter 1\n\nCafé crème, naïve façade — “quoted” and ‘single’.\n";

    static TextDecodingTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    [Fact]
    public void Utf8_without_a_bom_is_not_a_guess()
    {
        var decoded = TextDecoding.Decode(Encoding.UTF8.GetBytes(Story));

        Assert.Equal((Story, "utf-8", false), (decoded.Text, decoded.Encoding, decoded.Guessed));
    }

    [Fact]
    public void Utf8_bom_is_removed()
    {
        var decoded = TextDecoding.Decode([.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(Story)]);

        Assert.Equal((Story, "utf-8", false), (decoded.Text, decoded.Encoding, decoded.Guessed));
    }

    [Theory]
    [InlineData(false, "utf-16le")]
    [InlineData(true, "utf-16be")]
    public void Utf16_with_a_bom(bool bigEndian, string name)
    {
        var encoding = new UnicodeEncoding(bigEndian, byteOrderMark: true);

        var decoded = TextDecoding.Decode([.. encoding.GetPreamble(), .. encoding.GetBytes(Story)]);

        Assert.Equal((Story, name, false), (decoded.Text, decoded.Encoding, decoded.Guessed));
    }

    [Theory]
    [InlineData(false, "utf-16le")]
    [InlineData(true, "utf-16be")]
    public void Utf16_without_a_bom_is_found_by_its_nul_bytes_and_reported_as_a_guess(bool bigEndian, string name)
    {
        var decoded = TextDecoding.Decode(new UnicodeEncoding(bigEndian, byteOrderMark: false).GetBytes(Story));

        Assert.Equal((Story, name, true), (decoded.Text, decoded.Encoding, decoded.Guessed));
    }

    [Fact]
    public void Windows_1252_is_the_guess_when_the_bytes_are_not_utf8()
    {
        var decoded = TextDecoding.Decode(Encoding.GetEncoding(1252).GetBytes(Story));

        Assert.Equal((Story, "windows-1252", true), (decoded.Text, decoded.Encoding, decoded.Guessed));
    }

    [Fact]
    public void Nul_bytes_in_text_are_refused()
    {
        var e = Assert.Throws<ImportException>(() => TextDecoding.Decode("Once upon\0 a time there was a file"u8));

        Assert.Contains("NUL", e.Message, StringComparison.Ordinal);
    }
}
