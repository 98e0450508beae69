using System.Globalization;
using System.Text;
using System.Xml;
using System.Xml.Linq;

namespace Makimono.Feeds;

/// <summary>The namespaces, media types and small builders every Atom and OPDS document here shares.</summary>
public static class Atom
{
    public static readonly XNamespace Ns = "http://www.w3.org/2005/Atom";
    public static readonly XNamespace Opds = "http://opds-spec.org/2010/catalog";
    public static readonly XNamespace Thread = "http://purl.org/syndication/thread/1.0";
    public static readonly XNamespace DublinCore = "http://purl.org/dc/terms/";
    public static readonly XNamespace OpenSearch = "http://a9.com/-/spec/opensearch/1.1/";

    public const string MediaType = "application/atom+xml";
    public const string ContentType = "application/atom+xml; charset=utf-8";
    public const string Html = "text/html";

    public static XElement Feed(string id, string title, DateTime updated, params object[] content) =>
        new(Ns + "feed",
            new XAttribute(XNamespace.Xmlns + "opds", Opds),
            new XAttribute(XNamespace.Xmlns + "thr", Thread),
            new XAttribute(XNamespace.Xmlns + "dc", DublinCore),
            new XAttribute(XNamespace.Xmlns + "opensearch", OpenSearch),
            new XElement(Ns + "id", id),
            new XElement(Ns + "title", Text(title)),
            Updated(updated),
            content);

    public static XElement Updated(DateTime at) => new(Ns + "updated", Date(at));

    public static XElement Published(DateTime at) => new(Ns + "published", Date(at));

    public static XElement Link(string rel, string href, string? type = null, string? title = null) =>
        new(Ns + "link",
            new XAttribute("rel", rel),
            new XAttribute("href", href),
            type is null ? null : new XAttribute("type", type),
            title is null ? null : new XAttribute("title", Text(title)));

    public static XElement Author(string name, string? uri) =>
        new(Ns + "author", new XElement(Ns + "name", Text(name)), uri is null ? null : new XElement(Ns + "uri", uri));

    /// <summary>RFC 3339 in UTC, as Atom dates are.</summary>
    public static string Date(DateTime at) =>
        DateTime.SpecifyKind(at, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>Text without the control characters XML 1.0 cannot carry, which would stop the whole feed.</summary>
    public static string Text(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }
        var clean = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (XmlConvert.IsXmlChar(c) || char.IsSurrogate(c))
            {
                clean.Append(c);
            }
        }
        return clean.ToString();
    }

    /// <summary>The document as UTF-8 bytes with an XML declaration.</summary>
    public static byte[] Serialize(XElement root)
    {
        using var buffer = new MemoryStream();
        using (var writer = XmlWriter.Create(buffer, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = false }))
        {
            new XDocument(new XDeclaration("1.0", "utf-8", null), root).Save(writer);
        }
        return buffer.ToArray();
    }
}
