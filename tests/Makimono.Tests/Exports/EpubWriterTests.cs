using System.IO.Compression;
using System.Reflection;
using System.Text;
using System.Xml.Linq;
using Makimono.Exports;
using Makimono.Text;
using Xunit;

namespace Makimono.Tests.Exports;

public sealed class EpubWriterTests
{
    private static readonly XNamespace Opf = "http://www.idpf.org/2007/opf";
    private static readonly XNamespace Dc = "http://purl.org/dc/elements/1.1/";

    public static TheoryData<string> Works() => [.. SampleExports.All().Select(w => w.Name)];

    [Theory]
    [MemberData(nameof(Works))]
    public async Task Epubcheck_finds_no_error_and_no_warning(string name)
    {
        var work = SampleExports.All().Single(w => w.Name == name).Work;
        await EpubCheck.AssertValidAsync(EpubWriter.Write(work), name);
    }

    [Fact]
    public async Task Epubcheck_catches_a_broken_book()
    {
        // The check itself can fail: a book without its package document is refused.
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var stream = zip.CreateEntry("mimetype", CompressionLevel.NoCompression).Open();
            stream.Write("application/epub+zip"u8);
        }
        Assert.NotEmpty(await EpubCheck.ProblemsAsync(buffer.ToArray()));
    }

    [Fact]
    public void The_sample_uses_every_element_the_sanitizer_allows()
    {
        var allowed = (string[])typeof(UserHtml).GetField("AllowedTags", BindingFlags.NonPublic | BindingFlags.Static)!.GetValue(null)!;
        var stored = SampleExports.Html(SampleExports.EveryAllowedElement);
        Assert.All(allowed, tag => Assert.Contains($"<{tag}", stored, StringComparison.Ordinal));
    }

    [Fact]
    public void Mimetype_comes_first_and_is_stored()
    {
        var epub = EpubWriter.Write(SampleExports.SeveralChapters());
        // The local file header: signature, then the compression method at offset 8 (0 = stored), the name at 30.
        Assert.Equal("PK\u0003\u0004", Encoding.ASCII.GetString(epub, 0, 4));
        Assert.Equal(0, BitConverter.ToUInt16(epub, 8));
        Assert.Equal("mimetypeapplication/epub+zip", Encoding.ASCII.GetString(epub, 30, 28));
    }

    [Fact]
    public void Package_document_holds_the_work_metadata()
    {
        var work = SampleExports.SeveralChapters();
        var package = Package(EpubWriter.Write(work));
        var metadata = package.Root!.Element(Opf + "metadata")!;
        Assert.Equal(work.Title, metadata.Element(Dc + "title")!.Value);
        Assert.Equal(["Ana", "Bea (bea_writes)"], metadata.Elements(Dc + "creator").Select(e => e.Value));
        Assert.Equal("en", metadata.Element(Dc + "language")!.Value);
        Assert.Equal(work.Tags.SelectMany(t => t.Names), metadata.Elements(Dc + "subject").Select(e => e.Value));
        Assert.Equal(work.Summary, metadata.Element(Dc + "description")!.Value);
        var metas = metadata.Elements(Opf + "meta").ToList();
        Assert.Equal("2024-03-01T12:30:05Z", metas.Single(m => (string?)m.Attribute("property") == "dcterms:modified").Value);
        Assert.Equal(["The Long Way", "Side Stories"], metas.Where(m => (string?)m.Attribute("property") == "belongs-to-collection").Select(m => m.Value));
        Assert.Equal("The Long Way", (string?)metas.Single(m => (string?)m.Attribute("name") == "calibre:series").Attribute("content"));
        Assert.Equal("2", (string?)metas.Single(m => (string?)m.Attribute("name") == "calibre:series_index").Attribute("content"));
        // One document per chapter, in order, between the title page and nav and the end notes.
        Assert.Equal(["preface", "nav", "chapter-001", "chapter-002", "chapter-003", "afterword"],
            package.Root.Element(Opf + "spine")!.Elements().Select(e => (string?)e.Attribute("idref")));
    }

    [Fact]
    public void Identifier_is_stable_per_work_and_differs_between_works_and_archives()
    {
        static string Identifier(ExportedWork work) =>
            Package(EpubWriter.Write(work)).Root!.Element(Opf + "metadata")!.Element(Dc + "identifier")!.Value;
        var first = Identifier(SampleExports.SeveralChapters());
        Assert.StartsWith("urn:uuid:", first, StringComparison.Ordinal);
        Assert.Equal(first, Identifier(SampleExports.SeveralChapters()));
        var edited = SampleExports.SeveralChapters();
        Assert.Equal(first, Identifier(new ExportedWork
        {
            Id = edited.Id, Title = "A New Title", Creators = edited.Creators, CreatorUrls = edited.CreatorUrls, Language = edited.Language,
            Tags = edited.Tags, Series = edited.Series, PublishedOn = edited.PublishedOn, Modified = DateTime.UtcNow, ShowsUpdated = true,
            IsComplete = true, Words = 1, ChapterFraction = "3/3", Chapters = edited.Chapters, Site = edited.Site,
        }));
        Assert.NotEqual(first, Identifier(SampleExports.NonAsciiTitle()));
        Assert.NotEqual(first, Identifier(new ExportedWork
        {
            Id = edited.Id, Title = edited.Title, Creators = edited.Creators, CreatorUrls = edited.CreatorUrls, Language = edited.Language,
            Tags = edited.Tags, Series = edited.Series, PublishedOn = edited.PublishedOn, Modified = edited.Modified, ShowsUpdated = true,
            IsComplete = false, Words = 1, ChapterFraction = "3/?", Chapters = edited.Chapters, Site = "https://other.example",
        }));
    }

    [Fact]
    public void Chapters_carry_their_notes_and_a_link_back()
    {
        var work = SampleExports.SeveralChapters();
        using var zip = new ZipArchive(new MemoryStream(EpubWriter.Write(work)));
        var first = Read(zip, "EPUB/chapter-001.xhtml");
        Assert.Contains("Chapter 1: The Storm", first, StringComparison.Ordinal);
        Assert.Contains("The first chapter&#39;s summary.", first.Replace("’", "&#39;", StringComparison.Ordinal).Replace("'", "&#39;", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains("Chapter notes.", first, StringComparison.Ordinal);
        Assert.Contains("Chapter end notes.", first, StringComparison.Ordinal);
        Assert.Contains("href=\"https://archive.example/works/1/chapters/100\"", first, StringComparison.Ordinal);
        var nav = Read(zip, "EPUB/nav.xhtml");
        Assert.Contains(">Chapter 1: The Storm</a>", nav, StringComparison.Ordinal);
        Assert.Contains(">Chapter 2</a>", nav, StringComparison.Ordinal);
        Assert.Contains("Notes after the work.", Read(zip, "EPUB/afterword.xhtml"), StringComparison.Ordinal);
        var preface = Read(zip, "EPUB/preface.xhtml");
        foreach (var shown in new[] { "Teen And Up Audiences", "No Archive Warnings Apply", "F/M", "Original Work", "Ana/Ben", "Slow Burn",
                     "Fluff &amp; Angst", "English", "Part 2 of", "The Long Way", "Published: 2024-01-05", "Words:", "Chapters: 3/?",
                     "A summary with <em>emphasis</em>.", "Notes before the work." })
        {
            Assert.Contains(shown, preface, StringComparison.Ordinal);
        }
        Assert.DoesNotContain("font-family", Read(zip, "EPUB/style.css"), StringComparison.Ordinal);
    }

    [Fact]
    public void Images_on_the_web_become_links_to_them()
    {
        using var zip = new ZipArchive(new MemoryStream(EpubWriter.Write(SampleExports.Images())));
        var chapter = Read(zip, "EPUB/chapter-001.xhtml");
        Assert.DoesNotContain("<img", chapter, StringComparison.Ordinal);
        Assert.Contains("<a class=\"image-link\" href=\"https://example.org/cat.jpg\">[Image: a cat]</a>", chapter, StringComparison.Ordinal);
        Assert.Contains("<a class=\"image-link\" href=\"https://example.org/map.png\">[Image]</a>", chapter, StringComparison.Ordinal);
    }

    private static XDocument Package(byte[] epub)
    {
        using var zip = new ZipArchive(new MemoryStream(epub));
        return XDocument.Parse(Read(zip, "EPUB/package.opf"));
    }

    private static string Read(ZipArchive zip, string name)
    {
        using var reader = new StreamReader(zip.GetEntry(name)!.Open());
        return reader.ReadToEnd();
    }
}
