using System.IO.Compression;
using System.Security;
using System.Text;
using Makimono.Import.Formats;

namespace Makimono.Tests.Import.Formats;

/// <summary>
/// Writes a small EPUB with ZipArchive, as EPUB makers do: the stored mimetype first, META-INF/container.xml,
/// a package document in OEBPS/ with Dublin Core metadata, a manifest and a spine, then the XHTML documents;
/// EPUB 2 gets an NCX, EPUB 3 a nav document in the spine. <see cref="Text"/> is the words a reader of the book
/// sees (metadata and documents marked as content), for the nothing-lost check.
/// </summary>
internal sealed class EpubBuilder(int version)
{
    private readonly List<(string Id, string Href, string Body, string? Properties, bool Counted)> _documents = [];
    private readonly List<(string Type, string Href)> _guide = [];
    private readonly StringBuilder _text = new();

    public string Title { get; init; } = "Untitled";
    public List<string> Creators { get; init; } = [];
    /// <summary>Written into the OPF escaped, as calibre writes HTML descriptions.</summary>
    public string? Description { get; init; }
    public string Language { get; init; } = "en";
    public List<string> Subjects { get; init; } = [];
    public string? CalibreSeries { get; init; }
    public string? Collection { get; init; }
    public bool WithoutContainer { get; init; }
    /// <summary>A spine item whose file the zip leaves out, as a broken export does.</summary>
    public string? MissingSpineFile { get; init; }

    public string Text
    {
        get
        {
            var metadata = new[] { Title, Description is null ? null : IndependentHtmlText.Of(Description), CalibreSeries, Collection }
                .Concat(Creators).Concat(Subjects);
            return string.Join("\n", metadata.Where(m => m is not null)) + "\n" + _text;
        }
    }

    /// <param name="counted">False for pages whose words the importer leaves out on purpose (a table of contents).</param>
    public EpubBuilder Document(string href, string body, string? properties = null, bool counted = true)
    {
        _documents.Add(($"item{_documents.Count + 1}", href, body, properties, counted));
        if (counted)
        {
            _text.Append(IndependentHtmlText.Of(Xhtml(body))).Append('\n');
        }
        return this;
    }

    public EpubBuilder Guide(string type, string href)
    {
        _guide.Add((type, href));
        return this;
    }

    public byte[] Build()
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            Write(zip, "mimetype", "application/epub+zip", CompressionLevel.NoCompression);
            if (!WithoutContainer)
            {
                Write(zip, "META-INF/container.xml", """
                    <?xml version="1.0" encoding="UTF-8"?>
                    <container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
                      <rootfiles><rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/></rootfiles>
                    </container>
                    """);
            }
            Write(zip, "OEBPS/content.opf", Opf());
            if (version == 2)
            {
                Write(zip, "OEBPS/toc.ncx", Ncx());
            }
            else
            {
                Write(zip, "OEBPS/nav.xhtml", Xhtml("<nav epub:type=\"toc\"><h1>Contents</h1><ol>" + string.Concat(_documents.Select(d => $"<li><a href=\"{d.Href}\">{d.Id}</a></li>")) + "</ol></nav>"));
            }
            foreach (var document in _documents)
            {
                Write(zip, "OEBPS/" + document.Href, Xhtml(document.Body));
            }
        }
        return stream.ToArray();
    }

    private string Opf()
    {
        var metadata = new StringBuilder();
        metadata.Append($"<dc:title>{Escape(Title)}</dc:title><dc:language>{Language}</dc:language><dc:identifier id=\"id\">urn:uuid:0b7e4ad2-5a57-4b43-9d36-6c3e1f7a9c10</dc:identifier>");
        foreach (var creator in Creators)
        {
            metadata.Append(version == 2 ? $"<dc:creator opf:role=\"aut\">{Escape(creator)}</dc:creator>" : $"<dc:creator>{Escape(creator)}</dc:creator>");
        }
        if (Description is not null)
        {
            metadata.Append($"<dc:description>{Escape(Description)}</dc:description>");
        }
        foreach (var subject in Subjects)
        {
            metadata.Append($"<dc:subject>{Escape(subject)}</dc:subject>");
        }
        if (CalibreSeries is not null)
        {
            metadata.Append($"<meta name=\"calibre:series\" content=\"{Escape(CalibreSeries)}\"/><meta name=\"calibre:series_index\" content=\"2\"/>");
        }
        if (Collection is not null)
        {
            metadata.Append($"<meta property=\"belongs-to-collection\" id=\"c1\">{Escape(Collection)}</meta>");
        }
        if (version == 3)
        {
            metadata.Append("<meta property=\"dcterms:modified\">2026-01-01T00:00:00Z</meta>");
        }
        var manifest = new StringBuilder(version == 2
            ? "<item id=\"ncx\" href=\"toc.ncx\" media-type=\"application/x-dtbncx+xml\"/>"
            : "<item id=\"nav\" href=\"nav.xhtml\" media-type=\"application/xhtml+xml\" properties=\"nav\"/>");
        var spine = new StringBuilder(version == 3 ? "<itemref idref=\"nav\"/>" : string.Empty);
        foreach (var document in _documents)
        {
            manifest.Append($"<item id=\"{document.Id}\" href=\"{document.Href}\" media-type=\"application/xhtml+xml\"/>");
            spine.Append($"<itemref idref=\"{document.Id}\"/>");
        }
        if (MissingSpineFile is not null)
        {
            manifest.Append($"<item id=\"missing\" href=\"{MissingSpineFile}\" media-type=\"application/xhtml+xml\"/>");
            spine.Append("<itemref idref=\"missing\"/>");
        }
        var guide = _guide.Count == 0 ? string.Empty
            : "<guide>" + string.Concat(_guide.Select(g => $"<reference type=\"{g.Type}\" href=\"{g.Href}\" title=\"{g.Type}\"/>")) + "</guide>";
        return $"""
            <?xml version="1.0" encoding="UTF-8"?>
            <package xmlns="http://www.idpf.org/2007/opf" version="{version}.0" unique-identifier="id">
              <metadata xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:opf="http://www.idpf.org/2007/opf">{metadata}</metadata>
              <manifest>{manifest}</manifest>
              <spine{(version == 2 ? " toc=\"ncx\"" : string.Empty)}>{spine}</spine>
              {guide}
            </package>
            """;
    }

    private string Ncx() => $"""
        <?xml version="1.0" encoding="UTF-8"?>
        <ncx xmlns="http://www.daisy.org/z3986/2005/ncx/" version="2005-1">
          <docTitle><text>{Escape(Title)}</text></docTitle>
          <navMap>{string.Concat(_documents.Select((d, i) => $"<navPoint id=\"np{i}\" playOrder=\"{i + 1}\"><navLabel><text>{d.Id}</text></navLabel><content src=\"{d.Href}\"/></navPoint>"))}</navMap>
        </ncx>
        """;

    private static string Xhtml(string body) => $"""
        <?xml version="1.0" encoding="utf-8"?>
        <!DOCTYPE html>
        <html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops">
        <head><meta charset="utf-8"/></head>
        <body>{body}</body>
        </html>
        """;

    private static string Escape(string text) => SecurityElement.Escape(text);

    private static void Write(ZipArchive zip, string name, string content, CompressionLevel level = CompressionLevel.Optimal)
    {
        using var writer = new StreamWriter(zip.CreateEntry(name, level).Open(), new UTF8Encoding(false));
        writer.Write(content);
    }
}
