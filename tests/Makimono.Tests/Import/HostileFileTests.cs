using System.Text;
using Makimono.Import;
using Makimono.Import.Formats;
using Xunit.Abstractions;

namespace Makimono.Tests.Import;

/// <summary>
/// What attackers and broken tools bring to import (<see cref="HostileFiles"/>): every file is refused with an
/// <see cref="ImportException"/> whose message names its problem, or read; never another exception, never a
/// server file's contents in the result, and never more memory than a bounded multiple of the file.
/// </summary>
public sealed class HostileFileTests(ITestOutputHelper output)
{
    /// <summary>
    /// Allocations allowed for one file: generous for a 50 MB file read above the default limit (about 560 MB), below what a 2 GB bomb or
    /// an expanded billion laughs would take.
    /// </summary>
    private const long AllocationBound = 1024L * 1024 * 1024;

    [Theory]
    [InlineData(".docx", "word/media/zeros.bin")]
    [InlineData(".epub", "OEBPS/zeros.xhtml")]
    public void A_zip_bomb_that_unpacks_to_gigabytes_is_refused_unopened(string extension, string entry)
    {
        var bomb = HostileFiles.ZipBomb(Valid(extension), entry, gigabytes: 2);

        var message = Refused("bomb" + extension, bomb);

        Assert.Contains("zip bomb", message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(".docx", "word/document.xml")]
    [InlineData(".epub", "OEBPS/c1.xhtml")]
    public void A_zip_bomb_whose_headers_claim_a_small_size_is_stopped_at_the_claimed_size(string extension, string entry)
    {
        // The bomb replaces a part the reader must open.
        var bomb = HostileFiles.ZipBomb(HostileFiles.Without(Valid(extension), entry), entry, gigabytes: 2, declaredSize: 4000);

        var message = Refused("bomb" + extension, bomb);

        Assert.Contains($"\"{entry}\"", message, StringComparison.Ordinal);
        Assert.Contains("damaged", message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(".docx")]
    [InlineData(".epub")]
    public void A_zip_of_a_hundred_thousand_entries_is_refused(string extension)
    {
        var many = HostileFiles.ManyEntries(Valid(extension), 100_000);

        var message = Refused("many" + extension, many);

        Assert.Contains("100,0", message, StringComparison.Ordinal);
        Assert.Contains("zip bomb", message, StringComparison.Ordinal);
    }

    /// <summary>Every XML part a reader opens, and the NCX, which none does (so it is read, entities and all, without them).</summary>
    public static TheoryData<string, string, string, bool> XmlParts => new()
    {
        { ".docx", "word/document.xml", "w:document", true },
        { ".docx", "word/styles.xml", "w:styles", true },
        { ".docx", "[Content_Types].xml", "Types", true },
        { ".epub", "META-INF/container.xml", "container", true },
        { ".epub", "OEBPS/content.opf", "package", true },
        { ".epub", "OEBPS/c1.xhtml", "html", true },
        { ".epub2", "OEBPS/toc.ncx", "ncx", false },
    };

    [Theory, MemberData(nameof(XmlParts))]
    public void An_external_entity_never_brings_a_server_file_into_the_work(string extension, string part, string root, bool opened)
    {
        var file = HostileFiles.Changed(Valid(extension), part, xml => HostileFiles.WithExternalEntity(xml, root));

        var result = ReadOrRefuse("xxe" + Ext(extension), file);

        Assert.DoesNotContain(HostileFiles.SecretMarker, result, StringComparison.Ordinal);
        Assert.DoesNotContain("/bin/bash", result, StringComparison.Ordinal);
        AssertRefusedByName(result, part, opened);
    }

    [Theory, MemberData(nameof(XmlParts))]
    public void Billion_laughs_entity_expansion_is_never_expanded(string extension, string part, string root, bool opened)
    {
        var file = HostileFiles.Changed(Valid(extension), part, xml => HostileFiles.WithBillionLaughs(xml, root));

        var result = ReadOrRefuse("laughs" + Ext(extension), file);

        Assert.DoesNotContain("lollollol", result, StringComparison.Ordinal);
        AssertRefusedByName(result, part, opened);
    }

    private static void AssertRefusedByName(string result, string part, bool opened)
    {
        if (opened)
        {
            Assert.Contains($"\"{part}\" declares its own XML entities", result, StringComparison.Ordinal);
        }
        else
        {
            Assert.Contains("The barometer in the hall", result, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void An_epub_whose_names_climb_out_of_its_folder_reads_only_its_own_entries_and_writes_nothing()
    {
        var escaped = Path.GetFullPath("/tmp/makimono-escaped.xhtml");
        File.Delete(escaped);

        var result = ReadOrRefuse("climb.epub", HostileFiles.EpubWithTraversal());

        Assert.DoesNotContain(HostileFiles.SecretMarker, result, StringComparison.Ordinal);
        Assert.False(File.Exists(escaped));
        Assert.False(File.Exists("/tmp/makimono-absolute.xhtml"));
    }

    [Theory]
    [InlineData("div")]
    [InlineData("b")]
    [InlineData("blockquote")]
    [InlineData("span")]
    public void Html_nested_a_hundred_thousand_deep_is_refused_before_it_is_parsed(string tag)
    {
        var html = Encoding.UTF8.GetBytes(HostileFiles.NestedHtml(tag, 100_000));

        Assert.Contains("nested more than 256 elements", Refused("deep.html", html), StringComparison.Ordinal);
    }

    [Fact]
    public void A_saved_page_whose_scripts_and_comments_hold_many_less_than_signs_is_still_read()
    {
        var script = "<script>" + string.Concat(Enumerable.Repeat("for (var i = 0; i<n; i++) { if (a<b) { s += '<b>'; } }\n", 1000)) + "</script>";
        var comment = "<!--[if IE]>" + string.Concat(Enumerable.Repeat("<b><span>", 300)) + "<![endif]-->";
        var html = Encoding.UTF8.GetBytes($"<html><head>{script}<style>a<b {{}}</style></head><body>{comment}<h1>Harbour Lights</h1><p>The lamps came on one by one along the quay.</p></body></html>");

        var work = Measure(() => FileImport.Read("saved.html", ".html", html));

        Assert.Contains("The lamps came on", work.Chapters[0].Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Old_html_with_an_unclosed_bold_in_every_paragraph_is_still_read()
    {
        var paragraphs = string.Concat(Enumerable.Range(1, 2000).Select(i => $"<p><b>Line {i}. <font face=Arial>The rain kept on.\n"));
        var html = Encoding.UTF8.GetBytes($"<html><body><h1>Rainy Season</h1>{paragraphs}</body></html>");

        var work = Measure(() => FileImport.Read("old.html", ".html", html));

        Assert.Equal("Rainy Season", work.Title);
        Assert.Contains("Line 2000.", work.Chapters[^1].Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("div", 100_000)]
    [InlineData("b", 100_000)]
    [InlineData("div", 60_000)] // 300 KB unpacked: under the size from which the zip's packing ratio is checked
    [InlineData("i", 60_000)]
    public void An_epub_chapter_nested_tens_of_thousands_deep_is_refused(string tag, int depth)
    {
        var epub = HostileFiles.Changed(Valid(".epub"), "OEBPS/c1.xhtml", _ => HostileFiles.NestedHtml(tag, depth));

        var message = Refused("deep.epub", epub);

        Assert.True(message.Contains("nested more than", StringComparison.Ordinal) || message.Contains("zip bomb", StringComparison.Ordinal), message);
    }

    [Fact]
    public void A_50_mb_file_of_one_line_is_refused_at_the_default_limit_and_read_within_bounds_above_it()
    {
        var line = HostileFiles.SingleLine(50);

        var message = Refused("line.txt", line);
        Assert.Contains("limit is 10 MB", message, StringComparison.Ordinal);

        var work = Measure(() => FileImport.Read("line.txt", ".txt", line, new ImportOptions { MaxBytes = 60L * 1024 * 1024 }));
        Assert.True(work.Words > 8_000_000, $"{work.Words} words");
    }

    [Theory]
    [InlineData("nul.txt")]
    [InlineData("nul.html")]
    [InlineData("nul.md")]
    public void A_file_with_nul_bytes_is_refused_by_name(string name)
    {
        var bytes = Encoding.UTF8.GetBytes("A story\n\nIt was a dark night.\0\0\0 And then\0 it was not.\n");

        var message = Refused(name, bytes);

        Assert.Contains("NUL", message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(".docx", 0.1)]
    [InlineData(".docx", 0.9)]
    [InlineData(".epub", 0.1)]
    [InlineData(".epub", 0.9)]
    public void A_truncated_zip_is_refused_as_damaged(string extension, double kept)
    {
        var valid = Valid(extension);

        var message = Refused("cut" + extension, valid[..(int)(valid.Length * kept)]);

        Assert.Contains("damaged or incomplete", message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("word/document.xml", "word/document.xml")]
    [InlineData("[Content_Types].xml", "damaged")]
    [InlineData("_rels/.rels", "damaged")]
    [InlineData("word/_rels/document.xml.rels", null)]
    [InlineData("word/styles.xml", null)]
    public void A_docx_with_a_part_missing_is_refused_by_name_or_read(string missing, string? named)
    {
        var docx = HostileFiles.Without(Valid(".docx"), missing);

        var result = ReadOrRefuse("parts.docx", docx);

        if (named is not null)
        {
            Assert.Contains(named, result, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_docx_whose_document_is_not_xml_is_refused_as_damaged()
    {
        var docx = HostileFiles.Changed(Valid(".docx"), "word/document.xml", _ => "this is not <xml");

        Assert.Contains("damaged", Refused("garbled.docx", docx), StringComparison.Ordinal);
    }

    public static TheoryData<string, string> BrokenSpines => new()
    {
        { "<itemref idref=\"nowhere\"/>", "\"nowhere\"" },
        { "", "no spine" },
    };

    [Theory, MemberData(nameof(BrokenSpines))]
    public void An_epub_whose_spine_points_nowhere_is_refused_by_name(string spine, string named)
    {
        var epub = HostileFiles.Changed(Valid(".epub"), "OEBPS/content.opf", opf =>
            System.Text.RegularExpressions.Regex.Replace(opf, "<spine>.*</spine>", $"<spine>{spine}</spine>"));

        Assert.Contains(named, Refused("spine.epub", epub), StringComparison.Ordinal);
    }

    [Fact]
    public void An_epub_whose_spine_file_is_missing_is_refused_by_name()
    {
        var epub = HostileFiles.Without(Valid(".epub"), "OEBPS/c1.xhtml");

        Assert.Contains("OEBPS/c1.xhtml", Refused("missing.epub", epub), StringComparison.Ordinal);
    }

    [Fact]
    public void An_epub_without_its_package_document_is_refused_by_name()
    {
        var epub = HostileFiles.Without(Valid(".epub"), "OEBPS/content.opf");

        Assert.Contains("OEBPS/content.opf", Refused("nopackage.epub", epub), StringComparison.Ordinal);
    }

    private static byte[] Valid(string extension) => extension switch
    {
        ".docx" => HostileFiles.Docx(),
        ".epub2" => HostileFiles.Epub(version: 2),
        _ => HostileFiles.Epub(),
    };

    private static string Ext(string extension) => extension == ".epub2" ? ".epub" : extension;

    /// <summary>The refusal's message; fails if the file was read or something other than an ImportException was thrown.</summary>
    private string Refused(string name, byte[] bytes)
    {
        var e = Assert.Throws<ImportException>(() => Measure(() => FileImport.Read(name, Path.GetExtension(name), bytes)));
        output.WriteLine($"{name}: {e.Message}");
        Assert.DoesNotContain(HostileFiles.SecretMarker, e.Message, StringComparison.Ordinal);
        return e.Message;
    }

    /// <summary>The work's fields and markers as one text, or the refusal's message: either way, what the person would be shown.</summary>
    private string ReadOrRefuse(string name, byte[] bytes)
    {
        try
        {
            var work = Measure(() => FileImport.Read(name, Path.GetExtension(name), bytes));
            var text = string.Join("\n", NothingLost.FieldTexts(work).Concat(work.Markers).Concat(work.Warnings)
                .Concat(work.Chapters.Select(c => c.Html)));
            output.WriteLine($"{name}: read, {work.Chapters.Count} chapters, {work.Words} words");
            return text;
        }
        catch (ImportException e)
        {
            output.WriteLine($"{name}: {e.Message}");
            return e.Message;
        }
    }

    /// <summary>Runs one import and checks it allocated within <see cref="AllocationBound"/>.</summary>
    private T Measure<T>(Func<T> read)
    {
        var before = GC.GetAllocatedBytesForCurrentThread();
        try
        {
            return read();
        }
        finally
        {
            var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            output.WriteLine($"allocated {allocated / 1024 / 1024} MB");
            Assert.True(allocated < AllocationBound, $"allocated {allocated / 1024 / 1024} MB");
        }
    }
}
