using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Makimono.Import.Html;
using Makimono.Import.Structure;

namespace Makimono.Import.Formats;

/// <summary>
/// EPUB 2 and 3: metadata from the package document, then the spine in order, each document a chapter titled by
/// its first heading and read through the same HTML pipeline as an HTML file. The table of contents is skipped;
/// a FanFicFare title page is read for its metadata; an AO3 EPUB (preface, chapters, afterword) is read by the
/// AO3 download reader, whose markup it shares.
/// </summary>
public static partial class EpubImport
{
    public static ImportedWork Read(string source, byte[] bytes, long maxFileBytes)
    {
        using var zip = SafeZip.Open(bytes, maxFileBytes, "EPUB");
        return Read(source, zip);
    }

    internal static ImportedWork Read(string source, SafeZip zip) => SafeZip.Guard("EPUB", () =>
    {
        var package = EpubPackage.Load(zip);
        var documents = package.Spine.Select(item => (Item: item, Html: Parse(zip, item))).ToList();
        var story = documents.Where(d => !IsTableOfContents(d.Item, d.Html, package)).ToList();
        var work = story.Any(d => IsAo3Preface(d.Html))
            ? Ao3HtmlImport.Read(source, CombineAo3(story.Select(d => d.Html)), format: "epub")
            : ReadChapters(source, story, package);
        EpubMetadata.Apply(package, work);
        return work;
    });

    private static IHtmlDocument Parse(SafeZip zip, EpubDocument item)
    {
        var bytes = zip.Read(item.Path)
            ?? throw new ImportException($"The EPUB's spine points at \"{item.Path}\", which is not in the file. The EPUB is incomplete; download or export it again.");
        zip.RefuseDeclaredEntities(bytes, item.Path);
        var text = TextDecoding.Decode(bytes).Text;
        // A chapter is HTML like any imported file, so the same nesting check comes before the parser.
        HtmlNesting.Check(text);
        return new HtmlParser().ParseDocument(text);
    }

    private static ImportedWork ReadChapters(string source, List<(EpubDocument Item, IHtmlDocument Html)> documents, EpubPackage package)
    {
        var work = new ImportedWork { Source = source, Format = "epub" };
        var lines = new List<SourceLine>();
        var hasTitlePage = false;
        var chapterNumber = 0;
        foreach (var (item, html) in documents)
        {
            var body = (INode?)html.Body ?? html.DocumentElement;
            if (IsTitlePage(item, package))
            {
                EpubTitlePage.Read(html, work);
                hasTitlePage = true;
                continue;
            }
            var title = TakeChapterTitle(html, package.Title, work);
            // FanFicFare numbers its chapter headings ("1. Wicks") as its text output does: the number, in
            // sequence after a title page, is FanFicFare's, and the title is the rest.
            if (title.Length > 0 && hasTitlePage && FanFicFareText.NumberedTitle(title) is { Success: true } numbered
                && numbered.Groups["title"].Success && numbered.Groups["number"].Value == (chapterNumber + 1).ToString(System.Globalization.CultureInfo.InvariantCulture))
            {
                work.Markers.Add(numbered.Groups["number"].Value);
                title = numbered.Groups["title"].Value.Trim();
            }
            if (title.Length > 0)
            {
                chapterNumber++;
            }
            // A first document without a heading holds what comes before the chapters (pandoc puts the
            // author's note there), so it is read as the work's front matter; later ones are untitled chapters.
            if (title.Length > 0 || lines.Count > 0)
            {
                lines.Add(SourceLine.Heading(title));
            }
            lines.AddRange(HtmlLines.From(body));
            lines.Add(SourceLine.Blank);
        }
        StructureRecogniser.Recognise(lines, work);
        return work;
    }

    /// <summary>
    /// The document's first heading, removed from its text, is the chapter's title; a heading that repeats the
    /// book's title (a first chapter that opens with it) is set aside and the next one taken.
    /// </summary>
    private static string TakeChapterTitle(IHtmlDocument html, string? bookTitle, ImportedWork work)
    {
        foreach (var heading in html.QuerySelectorAll("h1, h2, h3, h4, h5, h6").ToList())
        {
            var text = Whitespace().Replace(heading.TextContent, " ").Trim();
            heading.Remove();
            if (text.Length == 0)
            {
                continue;
            }
            if (bookTitle is not null && string.Equals(text, bookTitle.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                work.Markers.Add(text);
                continue;
            }
            return text;
        }
        return string.Empty;
    }

    /// <summary>The EPUB 3 nav document, the NCX's XHTML twin, or a page the guide or its name calls the contents.</summary>
    private static bool IsTableOfContents(EpubDocument item, IHtmlDocument html, EpubPackage package) =>
        item.Properties.Split(' ').Contains("nav")
        || package.GuideTypes.GetValueOrDefault(item.Path) == "toc"
        || ContentsFileName().IsMatch(Path.GetFileName(item.Path))
        || html.QuerySelectorAll("nav").Any(n => (n.GetAttribute("epub:type") ?? string.Empty).Split(' ').Contains("toc"));

    private static bool IsTitlePage(EpubDocument item, EpubPackage package) =>
        package.GuideTypes.GetValueOrDefault(item.Path) is "title-page" or "titlepage" or "cover"
        || TitlePageFileName().IsMatch(Path.GetFileName(item.Path));

    private static bool IsAo3Preface(IHtmlDocument html) =>
        html.GetElementById("preface") is { } preface && preface.QuerySelector("dl.tags, .meta") is not null;

    /// <summary>
    /// An AO3 EPUB is AO3's HTML download split into files: the preface, the chapters (each still inside
    /// div#chapters) and the afterword. Put back together, the download reader reads it as it reads the download.
    /// </summary>
    private static IHtmlDocument CombineAo3(IEnumerable<IHtmlDocument> documents)
    {
        var preface = new List<string>();
        var chapters = new List<string>();
        var afterword = new List<string>();
        foreach (var html in documents)
        {
            if (html.GetElementById("preface") is { } p)
            {
                preface.Add(p.OuterHtml);
            }
            else if (html.GetElementById("afterword") is { } a)
            {
                afterword.Add(a.OuterHtml);
            }
            else
            {
                var content = html.GetElementById("chapters") ?? html.Body;
                chapters.Add(content?.InnerHtml ?? string.Empty);
            }
        }
        var combined = $"<html><body>{string.Concat(preface)}<div id=\"chapters\">{string.Concat(chapters)}</div>{string.Concat(afterword)}</body></html>";
        return new HtmlParser().ParseDocument(combined);
    }

    [GeneratedRegex(@"^(?:toc|nav|contents|table[-_ ]?of[-_ ]?contents)(?:[-_ ]?page)?\.x?html?$", RegexOptions.IgnoreCase)]
    private static partial Regex ContentsFileName();

    [GeneratedRegex(@"^(?:title[-_ ]?page|cover)\d*\.x?html?$", RegexOptions.IgnoreCase)]
    private static partial Regex TitlePageFileName();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
