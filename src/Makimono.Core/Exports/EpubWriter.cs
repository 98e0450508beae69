using System.Globalization;
using System.IO.Compression;
using System.Text;

namespace Makimono.Exports;

/// <summary>
/// Writes a work as an EPUB 3 that passes epubcheck: the mimetype entry first and stored, the container, a package
/// document with the work's metadata (identifier, title, creators, language, dcterms:modified, a subject per tag,
/// the summary, series as belongs-to-collection and calibre:series), a nav document, a title page with the
/// preface, one XHTML file per chapter, the end notes and a stylesheet.
/// </summary>
public static class EpubWriter
{
    private const string ContentFolder = "EPUB/";

    public static byte[] Write(ExportedWork work)
    {
        using var buffer = new MemoryStream(capacity: 64 * 1024 + work.Chapters.Sum(c => c.Body.Length) / 2);
        Write(work, buffer);
        return buffer.ToArray();
    }

    public static void Write(ExportedWork work, Stream output)
    {
        var timestamp = new DateTimeOffset(work.Modified, TimeSpan.Zero);
        using var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true, entryNameEncoding: Encoding.UTF8);
        // Readers find the type from the first bytes of the file: uncompressed, and first. The rest is deflated at the
        // fastest level: a tenth of the time of the default level (which was most of the time), for a file about 1.6 times as large.
        Add(zip, "mimetype", "application/epub+zip", CompressionLevel.NoCompression, timestamp);
        Add(zip, "META-INF/container.xml", """
            <?xml version="1.0" encoding="UTF-8"?>
            <container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
              <rootfiles>
                <rootfile full-path="EPUB/package.opf" media-type="application/oebps-package+xml"/>
              </rootfiles>
            </container>
            """, CompressionLevel.Fastest, timestamp);

        var documents = new List<(string Id, string File, string Title)> { ("preface", "preface.xhtml", work.Title) };
        documents.Add(("nav", "nav.xhtml", "Contents"));
        documents.AddRange(work.Chapters.Select(c => (ChapterFileId(c), ChapterFile(c), c.Heading)));
        var hasAfterword = !string.IsNullOrWhiteSpace(work.EndNotes);
        if (hasAfterword)
        {
            documents.Add(("afterword", "afterword.xhtml", "End Notes"));
        }

        Add(zip, ContentFolder + "package.opf", Package(work, documents), CompressionLevel.Fastest, timestamp);
        Add(zip, ContentFolder + "style.css", ExportStyles.Css, CompressionLevel.Fastest, timestamp);
        Add(zip, ContentFolder + "nav.xhtml", Nav(work, hasAfterword), CompressionLevel.Fastest, timestamp);
        Add(zip, ContentFolder + "preface.xhtml", Document(work, work.Title, markup => markup.Preface()), CompressionLevel.Fastest, timestamp);
        foreach (var chapter in work.Chapters)
        {
            Add(zip, ContentFolder + ChapterFile(chapter), Document(work, chapter.Heading, markup => markup.Chapter(chapter), wrapper: "chapters"),
                CompressionLevel.Fastest, timestamp);
        }
        if (hasAfterword)
        {
            Add(zip, ContentFolder + "afterword.xhtml", Document(work, "End Notes", markup => markup.Afterword()), CompressionLevel.Fastest, timestamp);
        }
    }

    private static string ChapterFile(ExportedChapter chapter) => $"chapter-{chapter.Number.ToString("000", CultureInfo.InvariantCulture)}.xhtml";

    private static string ChapterFileId(ExportedChapter chapter) => $"chapter-{chapter.Number.ToString("000", CultureInfo.InvariantCulture)}";

    private static void Add(ZipArchive zip, string name, string text, CompressionLevel level, DateTimeOffset timestamp)
    {
        var entry = zip.CreateEntry(name, level);
        entry.LastWriteTime = timestamp;
        using var stream = entry.Open();
        var bytes = Encoding.UTF8.GetBytes(text);
        stream.Write(bytes);
    }

    private static string Package(ExportedWork work, List<(string Id, string File, string Title)> documents)
    {
        var opf = new StringBuilder(4096);
        opf.Append("""
            <?xml version="1.0" encoding="UTF-8"?>
            <package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="book-id" xml:lang="
            """).Append(E(work.Language)).Append("""
            ">
              <metadata xmlns:dc="http://purl.org/dc/elements/1.1/">

            """);
        opf.Append("    <dc:identifier id=\"book-id\">urn:uuid:").Append(work.Identifier.ToString("D")).Append("</dc:identifier>\n");
        opf.Append("    <dc:title>").Append(E(work.Title)).Append("</dc:title>\n");
        for (var i = 0; i < work.Creators.Count; i++)
        {
            var id = $"creator-{(i + 1).ToString(CultureInfo.InvariantCulture)}";
            opf.Append("    <dc:creator id=\"").Append(id).Append("\">").Append(E(work.Creators[i])).Append("</dc:creator>\n");
            opf.Append("    <meta refines=\"#").Append(id).Append("\" property=\"role\" scheme=\"marc:relators\">aut</meta>\n");
        }
        opf.Append("    <dc:language>").Append(E(work.Language)).Append("</dc:language>\n");
        opf.Append("    <dc:date>").Append(work.PublishedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).Append("</dc:date>\n");
        opf.Append("    <dc:source>").Append(E(work.Url)).Append("</dc:source>\n");
        foreach (var name in work.Tags.SelectMany(t => t.Names))
        {
            opf.Append("    <dc:subject>").Append(E(name)).Append("</dc:subject>\n");
        }
        if (!string.IsNullOrWhiteSpace(work.Summary))
        {
            // As calibre writes it: the summary's HTML, escaped, so readers can show its paragraphs.
            opf.Append("    <dc:description>").Append(E(work.Summary)).Append("</dc:description>\n");
        }
        opf.Append("    <meta property=\"dcterms:modified\">")
            .Append(work.Modified.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)).Append("</meta>\n");
        for (var i = 0; i < work.Series.Count; i++)
        {
            var series = work.Series[i];
            var id = $"series-{(i + 1).ToString(CultureInfo.InvariantCulture)}";
            var position = series.Position.ToString(CultureInfo.InvariantCulture);
            opf.Append("    <meta property=\"belongs-to-collection\" id=\"").Append(id).Append("\">").Append(E(series.Title)).Append("</meta>\n");
            opf.Append("    <meta refines=\"#").Append(id).Append("\" property=\"collection-type\">series</meta>\n");
            opf.Append("    <meta refines=\"#").Append(id).Append("\" property=\"group-position\">").Append(position).Append("</meta>\n");
            if (i == 0)
            {
                // calibre and the readers built on it know only one series, the first.
                opf.Append("    <meta name=\"calibre:series\" content=\"").Append(E(series.Title)).Append("\"/>\n");
                opf.Append("    <meta name=\"calibre:series_index\" content=\"").Append(position).Append("\"/>\n");
            }
        }
        opf.Append("  </metadata>\n  <manifest>\n");
        opf.Append("    <item id=\"style\" href=\"style.css\" media-type=\"text/css\"/>\n");
        foreach (var (id, file, _) in documents)
        {
            opf.Append("    <item id=\"").Append(id).Append("\" href=\"").Append(file).Append("\" media-type=\"application/xhtml+xml\"")
                .Append(id == "nav" ? " properties=\"nav\"" : "").Append("/>\n");
        }
        opf.Append("  </manifest>\n  <spine>\n");
        foreach (var (id, _, _) in documents)
        {
            opf.Append("    <itemref idref=\"").Append(id).Append("\"/>\n");
        }
        opf.Append("  </spine>\n</package>\n");
        return opf.ToString();
    }

    private static string Nav(ExportedWork work, bool hasAfterword)
    {
        var nav = new StringBuilder(1024 + work.Chapters.Count * 96);
        Open(nav, work, "Contents");
        nav.Append("<nav epub:type=\"toc\" id=\"toc\">\n<h1>Contents</h1>\n<ol>\n");
        nav.Append("<li><a href=\"preface.xhtml\">").Append(E(work.Title)).Append("</a></li>\n");
        foreach (var chapter in work.Chapters)
        {
            nav.Append("<li><a href=\"").Append(ChapterFile(chapter)).Append("\">").Append(E(chapter.Heading)).Append("</a></li>\n");
        }
        if (hasAfterword)
        {
            nav.Append("<li><a href=\"afterword.xhtml\">End Notes</a></li>\n");
        }
        nav.Append("</ol>\n</nav>\n<nav epub:type=\"landmarks\" id=\"landmarks\" hidden=\"hidden\">\n<h2>Landmarks</h2>\n<ol>\n")
            .Append("<li><a epub:type=\"titlepage\" href=\"preface.xhtml\">Title page</a></li>\n")
            .Append("<li><a epub:type=\"toc\" href=\"nav.xhtml#toc\">Contents</a></li>\n");
        if (work.Chapters.Count > 0)
        {
            nav.Append("<li><a epub:type=\"bodymatter\" href=\"").Append(ChapterFile(work.Chapters[0])).Append("\">Start of the text</a></li>\n");
        }
        nav.Append("</ol>\n</nav>\n");
        Close(nav);
        return nav.ToString();
    }

    private static string Document(ExportedWork work, string title, Action<WorkMarkup> body, string? wrapper = null)
    {
        var builder = new StringBuilder(4096);
        Open(builder, work, title);
        if (wrapper is not null)
        {
            builder.Append("<div id=\"").Append(wrapper).Append("\">\n");
        }
        var ids = new HashSet<string>(StringComparer.Ordinal) { "chapters", "preface", "afterword" };
        WorkMarkup.ReserveIds(work, ids);
        body(new WorkMarkup(work, builder, ids, imagesAsLinks: true));
        if (wrapper is not null)
        {
            builder.Append("</div>\n");
        }
        Close(builder);
        return builder.ToString();
    }

    private static void Open(StringBuilder builder, ExportedWork work, string title)
    {
        var language = E(work.Language);
        builder.Append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE html>\n")
            .Append("<html xmlns=\"http://www.w3.org/1999/xhtml\" xmlns:epub=\"http://www.idpf.org/2007/ops\" xml:lang=\"")
            .Append(language).Append("\" lang=\"").Append(language).Append("\">\n<head>\n<title>")
            .Append(E(string.IsNullOrWhiteSpace(title) ? work.Title : title))
            .Append("</title>\n<link rel=\"stylesheet\" type=\"text/css\" href=\"style.css\"/>\n</head>\n<body>\n");
    }

    private static void Close(StringBuilder builder) => builder.Append("</body>\n</html>\n");

    private static string E(string text) => XhtmlFragment.Escape(text);
}
