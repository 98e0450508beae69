using System.Diagnostics;
using System.Text;
using Makimono.Exports;
using Makimono.Exports.Pdf;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Outline;
using UglyToad.PdfPig.Tokens;

namespace Makimono.Tests.Exports;

/// <summary>The PDF download, read back by an independent reader (PdfPig) and checked by qpdf.</summary>
public sealed class PdfWriterTests
{
    /// <summary>All words of the PDF, page by page, as PdfPig finds them, split as the source's words are.</summary>
    private static List<string> PdfWords(PdfDocument pdf) =>
        pdf.GetPages().SelectMany(p => p.GetWords()).SelectMany(w => PdfSample.Words(w.Text)).ToList();

    [Fact]
    public void Every_word_of_the_work_is_in_the_pdf_in_order()
    {
        var work = PdfSample.Work();
        using var pdf = PdfDocument.Open(PdfWriter.Write(work));
        var found = PdfWords(pdf);
        var expected = PdfSample.ExpectedWords(work);
        Assert.True(expected.Count > 300, $"only {expected.Count} words to look for");
        // Each word must come soon after the one before: labels ("Rating:"), the stats line, page numbers and
        // "[Image: …]" may stand between two, but a dropped or moved paragraph would not be found within that distance.
        const int MostBetween = 24;
        var at = -1;
        for (var i = 0; i < expected.Count; i++)
        {
            var next = found.FindIndex(at + 1, Math.Min(MostBetween, found.Count - at - 1), w => w == expected[i]);
            Assert.True(next >= 0, $"word {i} \"{expected[i]}\" not found after \"{string.Join(' ', found.Skip(Math.Max(0, at - 8)).Take(20))}\"");
            at = next;
        }
        // List markers follow the list's start and type: 3. and 4., then iv.
        Assert.Contains("3 Third item 4 Fourth item iv Roman item", string.Join(' ', found), StringComparison.Ordinal);
    }

    [Fact]
    public void The_word_check_catches_a_dropped_paragraph()
    {
        // The check above can fail: the PDF of a work without its second chapter's text misses words of the first.
        var work = PdfSample.Work();
        var expected = PdfSample.ExpectedWords(work);
        var cut = new ExportedWork
        {
            Id = work.Id, Title = work.Title, Creators = work.Creators, CreatorUrls = work.CreatorUrls, Language = work.Language,
            Summary = work.Summary, Notes = work.Notes, EndNotes = work.EndNotes, Tags = work.Tags, Series = work.Series,
            PublishedOn = work.PublishedOn, Modified = work.Modified, ShowsUpdated = true, IsComplete = false, Words = work.Words,
            ChapterFraction = work.ChapterFraction, Site = work.Site,
            Chapters = [work.Chapters[0], work.Chapters[1] with { Body = "<p>Nothing.</p>" }, work.Chapters[2]],
        };
        using var pdf = PdfDocument.Open(PdfWriter.Write(cut));
        var found = PdfWords(pdf);
        Assert.DoesNotContain("Съешь", found);
        Assert.Contains("Съешь", expected);
    }

    [Fact]
    public void Every_script_is_set_in_a_font_that_has_it()
    {
        var fonts = PdfFonts.Installed;
        Assert.True(fonts.Has(PdfTypeface.Cjk) && fonts.Has(PdfTypeface.Korean), $"The CJK fonts are not installed: {PdfFonts.InstallHint}");
        using var pdf = PdfDocument.Open(PdfWriter.Write(PdfSample.Work()));
        var letters = pdf.GetPages().SelectMany(p => p.Letters).ToList();
        var text = string.Concat(letters.Select(l => l.Value));
        // Which font each script is set in: the serif for European scripts, the sans for Hebrew and Arabic (shown
        // unshaped, left to right), Droid Sans Fallback for Chinese and Japanese, Nanum Myeongjo for Korean.
        var expectedFont = new Dictionary<string, string>
        {
            ["Latin with diacritics"] = "DejaVu Serif", ["Cyrillic"] = "DejaVu Serif", ["Greek"] = "DejaVu Serif",
            ["Typographic punctuation"] = "DejaVu Serif", ["Japanese"] = "Droid Sans Fallback", ["Chinese"] = "Droid Sans Fallback",
            ["Korean"] = "NanumMyeongjo", ["Hebrew"] = "DejaVu Sans", ["Arabic"] = "DejaVu Sans",
        };
        foreach (var (script, sentence) in PdfSample.Scripts)
        {
            foreach (var c in sentence.Where(c => !char.IsWhiteSpace(c) && !char.IsAsciiLetterOrDigit(c) && c is not ('.' or ',' or ':')))
            {
                var letter = letters.FirstOrDefault(l => l.Value == c.ToString());
                Assert.True(letter is not null, $"{script}: '{c}' (U+{(int)c:X4}) is not in the PDF's text");
                Assert.True(letter!.FontName?.Contains(expectedFont[script], StringComparison.Ordinal) == true, $"{script}: '{c}' is set in {letter.FontName}");
            }
        }
        Assert.Contains("Съешь", text.Replace(" ", "", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public void Metadata_and_outline_name_the_work_and_its_chapters()
    {
        var work = PdfSample.Work();
        using var pdf = PdfDocument.Open(PdfWriter.Write(work));
        Assert.Equal(work.Title, pdf.Information.Title);
        Assert.Equal("Ana, Bea (bea_writes)", pdf.Information.Author);
        Assert.Equal("Two strangers light lanterns. One of them stays.", pdf.Information.Subject);
        Assert.Equal(string.Join(", ", work.Tags.SelectMany(t => t.Names)), pdf.Information.Keywords);
        Assert.Equal("en", ((StringToken)pdf.Structure.Catalog.CatalogDictionary.Data["Lang"]).Data);
        Assert.True(pdf.TryGetBookmarks(out var bookmarks));
        var nodes = bookmarks.GetNodes().OfType<DocumentBookmarkNode>().ToList();
        Assert.Equal([work.Title, "Chapter 1: Dusk", "Chapter 2", "Chapter 3: Dawn", "End Notes"], nodes.Select(n => n.Title));
        Assert.Equal(1, nodes[0].PageNumber);
        Assert.True(nodes[1].PageNumber < nodes[2].PageNumber && nodes[2].PageNumber < nodes[3].PageNumber);
    }

    [Fact]
    public void Creators_tags_series_the_address_and_the_authors_links_are_links()
    {
        var work = PdfSample.Work();
        using var pdf = PdfDocument.Open(PdfWriter.Write(work));
        var links = pdf.GetPages().SelectMany(p => p.GetHyperlinks()).ToList();
        var expected = work.CreatorUrls.Concat(work.Tags.SelectMany(t => t.Urls)).Concat(work.Series.Select(s => s.Url)).Append(work.Url).ToList();
        Assert.All(expected, url => Assert.Contains(url, links.Select(l => l.Uri)));
        // A link the author wrote covers its words.
        var map = links.Single(l => l.Uri == "https://example.org/map");
        Assert.Contains("linked map", map.Text, StringComparison.Ordinal);
        var slowBurn = links.First(l => l.Uri == work.Tags.Single(t => t.Label == "Additional Tags").Urls[0]);
        Assert.Contains("Slow Burn", slowBurn.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Chapters_start_new_pages_and_a_long_work_has_many()
    {
        var work = PdfSample.Work(paragraphsPerChapter: 60);
        using var pdf = PdfDocument.Open(PdfWriter.Write(work));
        Assert.True(pdf.NumberOfPages > 8, $"{pdf.NumberOfPages} pages");
        Assert.True(pdf.TryGetBookmarks(out var bookmarks));
        var chapters = bookmarks.GetNodes().OfType<DocumentBookmarkNode>().Where(n => n.Title.StartsWith("Chapter", StringComparison.Ordinal)).ToList();
        Assert.Equal(3, chapters.Count);
        foreach (var chapter in chapters)
        {
            // The chapter's heading is the top line of the page its bookmark points at.
            var words = pdf.GetPage(chapter.PageNumber).GetWords().OrderByDescending(w => w.BoundingBox.Top).ToList();
            Assert.Equal("Chapter", words[0].Text);
            // And the page before ends with the end of the previous part, not with this chapter's first words.
            var before = pdf.GetPage(chapter.PageNumber - 1).GetWords().Select(w => w.Text).ToList();
            Assert.DoesNotContain(chapter.Title, string.Join(' ', before), StringComparison.Ordinal);
        }
    }

    public static TheoryData<string> Works() => [.. SampleExports.All().Select(w => w.Name)];

    [Theory]
    [MemberData(nameof(Works))]
    public async Task Qpdf_finds_no_error(string name)
    {
        var work = SampleExports.All().Single(w => w.Name == name).Work;
        var (status, output) = await QpdfCheckAsync(PdfWriter.Write(work));
        Assert.True(status == 0, $"{name}: qpdf --check says\n{output}");
        using var pdf = PdfDocument.Open(PdfWriter.Write(work));
        Assert.Contains(work.Title.Split(' ')[0], string.Join(' ', pdf.GetPage(1).GetWords().Select(w => w.Text)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Qpdf_passes_the_rich_work_and_catches_a_broken_file()
    {
        var bytes = PdfWriter.Write(PdfSample.Work(paragraphsPerChapter: 30));
        var (status, output) = await QpdfCheckAsync(bytes);
        Assert.True(status == 0, $"qpdf --check says\n{output}");
        var (brokenStatus, _) = await QpdfCheckAsync(bytes[..(bytes.Length / 2)]);
        Assert.NotEqual(0, brokenStatus);
    }

    [Fact]
    public async Task Characters_no_font_has_leave_the_words_around_them_and_a_sound_file()
    {
        // An emoji and a supplementary-plane ideograph no installed font maps, and a control character.
        var work = SampleExports.Work(41, "Odd Characters", "en", ("Odd", "<p>Before 😀 the 𠀋 odd \u0001 characters after.</p>"));
        var bytes = PdfWriter.Write(work);
        var (status, output) = await QpdfCheckAsync(bytes);
        Assert.True(status == 0, $"qpdf --check says\n{output}");
        using var pdf = PdfDocument.Open(bytes);
        var found = PdfWords(pdf);
        var at = found.IndexOf("Before");
        Assert.True(at >= 0, string.Join(' ', found));
        Assert.Equal(["the", "odd", "characters", "after"], found.Skip(at + 1).Where(w => w is "the" or "odd" or "characters" or "after").Take(4));
    }

    [Fact]
    public void Deeply_nested_quotations_keep_their_words_inside_the_page()
    {
        var nested = string.Concat(Enumerable.Repeat("<blockquote>", 30)) + "<p>Deep words stay readable here.</p>" + string.Concat(Enumerable.Repeat("</blockquote>", 30));
        using var pdf = PdfDocument.Open(PdfWriter.Write(SampleExports.Work(42, "Nested", "en", ("Nest", nested))));
        var page = pdf.GetPages().Single(p => p.GetWords().Any(w => w.Text == "Deep"));
        var words = page.GetWords().SkipWhile(w => w.Text != "Deep").Take(5).ToList();
        Assert.Equal(["Deep", "words", "stay", "readable", "here."], words.Select(w => w.Text));
        Assert.All(words, w => Assert.True(w.BoundingBox.Right < page.Width, $"{w.Text} ends at {w.BoundingBox.Right} of {page.Width}"));
    }

    [Fact]
    public async Task Pdfs_are_written_in_parallel()
    {
        // Downloads are made on request threads side by side; PDFsharp's font caches and ours are shared.
        var works = SampleExports.All().Select(w => w.Work).Append(PdfSample.Work()).ToList();
        var files = await Task.WhenAll(works.Concat(works).Select(w => Task.Run(() => PdfWriter.Write(w))));
        for (var i = 0; i < files.Length; i++)
        {
            using var pdf = PdfDocument.Open(files[i]);
            Assert.Equal(works[i % works.Count].Title, pdf.Information.Title);
        }
    }

    [Fact]
    public void Missing_fonts_are_a_clear_error()
    {
        var empty = Directory.CreateTempSubdirectory("makimono-nofonts").FullName;
        try
        {
            var error = Assert.Throws<PdfFontsMissingException>(() => PdfFonts.Locate([empty]));
            Assert.Contains("DejaVuSerif.ttf", error.Message, StringComparison.Ordinal);
            Assert.Contains("fonts-dejavu-core", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(empty);
        }
    }

    private static async Task<(int Status, string Output)> QpdfCheckAsync(byte[] pdf)
    {
        Assert.True(File.Exists("/usr/bin/qpdf"), "qpdf is not installed; scripts/test installs it (apt-get install qpdf)");
        var path = Path.GetTempFileName();
        try
        {
            await File.WriteAllBytesAsync(path, pdf);
            using var qpdf = Process.Start(new ProcessStartInfo("/usr/bin/qpdf", ["--check", path])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            })!;
            var output = new StringBuilder();
            var stdout = qpdf.StandardOutput.ReadToEndAsync();
            var stderr = qpdf.StandardError.ReadToEndAsync();
            await qpdf.WaitForExitAsync();
            output.Append(await stdout).Append(await stderr);
            return (qpdf.ExitCode, output.ToString());
        }
        finally
        {
            File.Delete(path);
        }
    }
}
