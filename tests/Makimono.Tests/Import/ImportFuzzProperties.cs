using System.Text;
using FsCheck.Fluent;
using FsCheck.Xunit;
using FsCheck;
using Makimono.Import.Formats;
using Makimono.Import;

namespace Makimono.Tests.Import;

/// <summary>
/// FsCheck properties over the text and HTML paths: whatever the bytes, the importer gives a work or an
/// <see cref="ImportException"/>, and structured text or malformed HTML loses no word.
/// </summary>
public sealed class ImportFuzzProperties
{
    private static readonly string[] Lines =
    [
        "Chapter 1", "Chapter Two: Rain", "Ch. 3", "IV", "II: The Thaw", "Prologue", "Epilogue", "* * *", "oOo", "~~~", "-----", "#",
        "xXx", "o0o", "❦", "", "", "", "", "Summary: a thing happens.", "Summary:", "Notes:", "Disclaimer: not mine", "A/N: hi",
        "Author’s Note: hello", "AN: hey", "Rated M", "Rated K+", "Rated T for swearing.", "no lemons or limes", "boy x boy",
        "girl/girl", "Ana x Ben", "Cara/Dev", "Warnings: none", "Contents: a storm", "Spoiler warning: book two", "Review?",
        "Please review!", "R&R", "Work Text:", "Work Header", "Chapter Text", "By someone", "Title: Foo", "Pairing: Ana/Ben",
        "Written to: a song", "\"Quoted line,\" she said.", "— Somebody", "Hey guys this is my first story lol, enjoy",
        "Ana walked to the market and bought three apples.", "Ben did not.", "Café crème, naïve Zoë.", "猫が好き", "   ", "\t",
    ];

    private static readonly string[] HtmlPieces =
    [
        "<p>", "</p>", "<div>", "</div>", "<p class=note>", "<span style=color:red>", "<i>", "</i>", "<b>", "<em>", "</em>",
        "<br>", "<br/>", "<hr>", "<h2>", "</h2>", "<blockquote>", "<center>", "<p align=center>", "<table><tr><td>", "</td>",
        "<li>", "<ul>", "<a href=x>", "</a>", "<!-- a comment -->", "&nbsp;", "&amp;", "<", ">", "<p <p>", "</span></b>",
        "<script>ignored()</script>", "<style>p{}</style>", "<title>Page</title>",
    ];

    private static readonly Encoding Windows1252 = CodePagesEncoding(1252);

    private static Gen<string> Word =>
        Gen.Elements("Ana", "ben", "apples", "storm", "Zoë", "naïve", "rain", "Tuesday", "the", "I", "42", "x", "o", "it's");

    private static Gen<string> Line =>
        Gen.Frequency(
            (3, Gen.Elements(Lines)),
            (2, Gen.ListOf(Word).Select(words => string.Join(" ", words))));

    private static Gen<string> StructuredText =>
        Gen.Zip(Gen.ListOf(Line), Gen.Elements("\n", "\r\n", "\r"))
            .Select(t => string.Join(t.Item2, t.Item1));

    private static Gen<byte[]> AnyBytes =>
        Gen.Zip(
            Gen.Elements<byte[]>([], [0xEF, 0xBB, 0xBF], [0xFF, 0xFE], [0xFE, 0xFF]),
            Gen.ArrayOf(Gen.Choose(0, 255).Select(b => (byte)b)))
        .Select(t => t.Item1.Concat(t.Item2).ToArray());

    private static Gen<byte[]> EncodedText =>
        Gen.Zip(StructuredText, Gen.Elements("utf-8", "utf-8-bom", "utf-16le", "utf-16be", "windows-1252"))
            .Select(t => Encode(t.Item1, t.Item2));

    [Property(MaxTest = 200)]
    public Property Any_bytes_as_any_file_give_a_work_or_an_import_exception() =>
        Prop.ForAll(
            Gen.Zip(Gen.OneOf(AnyBytes, EncodedText), Gen.Elements(".txt", ".html", ".md", ".dat", "")).ToArbitrary(),
            file => GivesAWorkOrAnImportException(() => FileImport.Read("fuzz" + file.Item2, file.Item2, file.Item1)));

    [Property(MaxTest = 200)]
    public Property Structured_text_in_any_encoding_loses_no_word() =>
        Prop.ForAll(EncodedText.ToArbitrary(), bytes =>
        {
            var text = TextDecoding.Decode(bytes).Text;
            var work = TextImport.Read("fuzz.txt", bytes);
            NothingLost.Assert(text, work);
        });

    [Property(MaxTest = 200)]
    public Property Malformed_html_loses_no_word() =>
        Prop.ForAll(
            Gen.ListOf(Gen.Frequency((3, Gen.Elements(HtmlPieces)), (2, Line.Select(l => System.Net.WebUtility.HtmlEncode(l) ?? string.Empty)), (1, Gen.Elements(" ", "\n"))))
                .Select(parts => string.Concat(parts)).ToArbitrary(),
            html =>
            {
                var work = HtmlImport.Read("fuzz.html", html);
                NothingLost.Assert(IndependentHtmlText.OfTagSoup(html), work);
            });

    // 10,000 deep for the common cases; AngleSharp's list and table building is slower than linear, so those
    // go only well past the importer's limit, which is what the test is about.
    [Theory]
    [InlineData("<div>", "</div>", 10_000)]
    [InlineData("<b>", "</b>", 10_000)]
    [InlineData("<blockquote>", "</blockquote>", 10_000)]
    [InlineData("<span><i>", "</i></span>", 2_000)]
    [InlineData("<ul><li>", "</li></ul>", 1_000)]
    [InlineData("<table><tr><td>", "</td></tr></table>", 1_000)]
    public void Deeply_nested_html_gives_a_clear_error(string open, string close, int depth)
    {
        var html = "<html><body>" + Repeat(open, depth) + "<p>deep words</p>" + Repeat(close, depth) + "</body></html>";

        var error = Assert.Throws<ImportException>(() => FileImport.Read("deep.html", ".html", Encoding.UTF8.GetBytes(html)));

        Assert.Contains("nested", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("<div>", 10_000)]
    [InlineData("<b>", 2_000)]
    [InlineData("<p><i>", 2_000)]
    public void Thousands_of_unclosed_elements_give_a_work_or_a_clear_error(string open, int count)
    {
        var html = "<html><body>" + Repeat(open + "word ", count);

        Assert.True(GivesAWorkOrAnImportException(() => FileImport.Read("unclosed.html", ".html", Encoding.UTF8.GetBytes(html))));
    }

    [Fact]
    public void Thousands_of_unclosed_paragraphs_in_old_html_are_read_as_paragraphs()
    {
        var html = "<html><body>" + Repeat("<p><b>She ran. ", 3_000);

        var work = FileImport.Read("old.html", ".html", Encoding.UTF8.GetBytes(html));

        Assert.Equal(6_000, work.Words);
        Assert.Equal(3_000, work.Chapters.Sum(c => c.Html.Split("<p>").Length - 1));
    }

    [Theory]
    [InlineData("> ", 10_000)]
    [InlineData("* ", 2_000)]
    [InlineData("1. ", 2_000)]
    public void Deeply_nested_markdown_gives_a_clear_error(string marker, int depth)
    {
        var markdown = Repeat(marker, depth) + "deep words\n";

        var error = Assert.Throws<ImportException>(() => FileImport.Read("deep.md", ".md", Encoding.UTF8.GetBytes(markdown)));

        Assert.Contains("nested", error.Message, StringComparison.Ordinal);
    }

    private static bool GivesAWorkOrAnImportException(Func<ImportedWork> import)
    {
        try
        {
            return import().Chapters.Count > 0;
        }
        catch (ImportException e)
        {
            return e.Message.Length > 0;
        }
    }

    private static byte[] Encode(string text, string encoding) => encoding switch
    {
        "utf-8" => Encoding.UTF8.GetBytes(text),
        "utf-8-bom" => [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(text)],
        "utf-16le" => [0xFF, 0xFE, .. Encoding.Unicode.GetBytes(text)],
        "utf-16be" => [0xFE, 0xFF, .. Encoding.BigEndianUnicode.GetBytes(text)],
        // Text that 1252 cannot hold (the Japanese line) is replaced with "?" by the encoder; the check reads back what was written.
        _ => Windows1252.GetBytes(text),
    };

    private static Encoding CodePagesEncoding(int codePage)
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(codePage);
    }

    private static string Repeat(string s, int times) => new StringBuilder(s.Length * times).Insert(0, s, times).ToString();
}
