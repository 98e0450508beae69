using System.Xml;
using System.Xml.Linq;

namespace Makimono.Import.Formats;

/// <summary>One XHTML document of an EPUB's spine, with the zip path it lives at.</summary>
internal sealed record EpubDocument(string Id, string Path, string Properties);

/// <summary>
/// An EPUB 2 or 3 package document (the OPF), found through META-INF/container.xml: its Dublin Core metadata,
/// calibre's series, and the spine in reading order. Elements are matched by local name, because EPUB makers
/// are loose with namespaces.
/// </summary>
internal sealed class EpubPackage
{
    public string? Title { get; private set; }
    public List<string> Creators { get; } = [];
    public string? Description { get; private set; }
    public string? Language { get; private set; }
    public List<string> Subjects { get; } = [];
    public List<string> Series { get; } = [];
    public List<EpubDocument> Spine { get; } = [];
    /// <summary>Paths the guide names as table of contents, title page or cover.</summary>
    public Dictionary<string, string> GuideTypes { get; } = new(StringComparer.Ordinal);

    private static readonly XmlReaderSettings Safe = new()
    {
        DtdProcessing = DtdProcessing.Ignore,
        XmlResolver = null,
        MaxCharactersFromEntities = 1024,
    };

    /// <summary>A part of the EPUB as XML: a DOCTYPE is ignored, but one that declares entities is refused by name.</summary>
    public static XDocument ParseXml(SafeZip zip, string part, byte[] bytes)
    {
        zip.RefuseDeclaredEntities(bytes, part);
        return XDocument.Load(XmlReader.Create(new MemoryStream(bytes, writable: false), Safe));
    }

    public static EpubPackage Load(SafeZip zip)
    {
        var opfPath = FindPackagePath(zip);
        var opf = zip.Read(opfPath)
            ?? throw new ImportException($"The EPUB's META-INF/container.xml points to \"{opfPath}\", which is not in the file. The EPUB is incomplete; download or export it again.");
        var root = ParseXml(zip, opfPath, opf).Root ?? throw new ImportException("The EPUB's package document is empty. Download or export the EPUB again.");
        var package = new EpubPackage();
        var folder = opfPath.Contains('/', StringComparison.Ordinal) ? opfPath[..(opfPath.LastIndexOf('/') + 1)] : string.Empty;
        if (Child(root, "metadata") is { } metadata)
        {
            package.ReadMetadata(metadata);
        }
        var manifest = (Child(root, "manifest")?.Elements() ?? []).Where(e => e.Name.LocalName == "item")
            .Select(e => (Id: (string?)e.Attribute("id"), Href: (string?)e.Attribute("href"), Properties: (string?)e.Attribute("properties") ?? string.Empty))
            .Where(i => i.Id is not null && i.Href is not null)
            .GroupBy(i => i.Id!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        foreach (var reference in (Child(root, "guide")?.Elements() ?? []).Where(e => e.Name.LocalName == "reference"))
        {
            if ((string?)reference.Attribute("href") is { } href && (string?)reference.Attribute("type") is { } type)
            {
                package.GuideTypes.TryAdd(Resolve(folder, href), type.ToLowerInvariant());
            }
        }
        var spine = Child(root, "spine");
        foreach (var itemref in (spine?.Elements() ?? []).Where(e => e.Name.LocalName == "itemref"))
        {
            var idref = (string?)itemref.Attribute("idref") ?? string.Empty;
            if (!manifest.TryGetValue(idref, out var item))
            {
                throw new ImportException($"The EPUB's spine names \"{idref}\", which its manifest does not list. The EPUB is damaged; download or export it again.");
            }
            package.Spine.Add(new EpubDocument(item.Id!, Resolve(folder, item.Href!), item.Properties));
        }
        if (package.Spine.Count == 0)
        {
            throw new ImportException("The EPUB's package document has no spine, so there are no chapters to read. Download or export the EPUB again.");
        }
        return package;
    }

    private static string FindPackagePath(SafeZip zip)
    {
        var container = zip.Read("META-INF/container.xml");
        if (container is null)
        {
            // Some hand-made EPUBs leave out the container; one package document is unambiguous.
            var packages = zip.Names.Where(n => n.EndsWith(".opf", StringComparison.OrdinalIgnoreCase)).ToList();
            return packages.Count == 1 ? packages[0]
                : throw new ImportException("The EPUB has no META-INF/container.xml to say where its package document (.opf) is. Download or export the EPUB again.");
        }
        var rootfile = ParseXml(zip, "META-INF/container.xml", container).Descendants().FirstOrDefault(e => e.Name.LocalName == "rootfile" && e.Attribute("full-path") is not null);
        return (string?)rootfile?.Attribute("full-path")
            ?? throw new ImportException("The EPUB's META-INF/container.xml names no package document (.opf). Download or export the EPUB again.");
    }

    private void ReadMetadata(XElement metadata)
    {
        // EPUB 3 says what a creator did in a separate <meta refines="#id" property="role">.
        var roles = metadata.Elements().Where(e => e.Name.LocalName == "meta" && (string?)e.Attribute("property") == "role")
            .Select(e => (Id: ((string?)e.Attribute("refines") ?? string.Empty).TrimStart('#'), Role: e.Value.Trim()))
            .ToLookup(r => r.Id, r => r.Role, StringComparer.Ordinal);
        foreach (var element in metadata.Elements())
        {
            var value = element.Value.Trim();
            switch (element.Name.LocalName)
            {
                case "title" when Title is null && value.Length > 0:
                    Title = value;
                    break;
                case "creator" when value.Length > 0 && IsAuthor(element, roles):
                    Creators.Add(value);
                    break;
                case "description" when value.Length > 0:
                    Description = Description is null ? value : Description + "\n\n" + value;
                    break;
                case "language" when Language is null && value.Length > 0:
                    Language = value;
                    break;
                case "subject" when value.Length > 0:
                    Subjects.Add(value);
                    break;
                case "meta" when (string?)element.Attribute("name") == "calibre:series" && (string?)element.Attribute("content") is { Length: > 0 } series:
                    Series.Add(series.Trim());
                    break;
                case "meta" when (string?)element.Attribute("property") == "belongs-to-collection" && value.Length > 0:
                    Series.Add(value);
                    break;
            }
        }
    }

    /// <summary>Translators, editors and illustrators are creators too in Dublin Core, but not the work's authors.</summary>
    private static bool IsAuthor(XElement creator, ILookup<string, string> roles)
    {
        var role = creator.Attributes().FirstOrDefault(a => a.Name.LocalName == "role")?.Value
            ?? ((string?)creator.Attribute("id") is { } id ? roles[id].FirstOrDefault() : null);
        return role is null || role == "aut";
    }

    private static XElement? Child(XElement parent, string localName) => parent.Elements().FirstOrDefault(e => e.Name.LocalName == localName);

    /// <summary>An href relative to the package document, as a zip entry name: fragment dropped, %20 decoded, "../" applied.</summary>
    public static string Resolve(string folder, string href)
    {
        var path = Uri.UnescapeDataString(href.Split('#')[0]);
        var parts = new List<string>();
        foreach (var part in (path.StartsWith('/') ? path.TrimStart('/') : folder + path).Split('/'))
        {
            if (part == "..")
            {
                if (parts.Count > 0)
                {
                    parts.RemoveAt(parts.Count - 1);
                }
            }
            else if (part is not ("." or ""))
            {
                parts.Add(part);
            }
        }
        return string.Join("/", parts);
    }
}
