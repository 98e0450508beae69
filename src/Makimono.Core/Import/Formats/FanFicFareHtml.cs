using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Makimono.Import.Html;
using Makimono.Import.Structure;

namespace Makimono.Import.Formats;

/// <summary>
/// FanFicFare's HTML output: an h3 with the title and "by" the authors, a div of "&lt;b&gt;Label:&lt;/b&gt; value"
/// lines (the same header as its text output and its EPUB title page), a table of contents under
/// &lt;a name="TOCTOP"&gt;, then each chapter after an &lt;h2&gt;&lt;a name="sectionNNNN"&gt;N. Title&lt;/a&gt;&lt;/h2&gt;.
/// </summary>
public static class FanFicFareHtml
{
    public static bool IsFanFicFareHtml(IHtmlDocument document) =>
        document.Body?.QuerySelector("h2 > a[name^='section']") is not null
        && document.Body.Children.FirstOrDefault(e => e.LocalName == "h3") is not null;

    public static ImportedWork Read(string source, IHtmlDocument document)
    {
        var work = new ImportedWork { Source = source, Format = "fanficfare-html" };
        var body = document.Body!;
        var heading = body.Children.First(e => e.LocalName == "h3");
        var links = heading.QuerySelectorAll("a");
        work.Title = (links.Length > 0 ? links[0].TextContent : heading.TextContent).Trim();
        foreach (var author in links.Skip(1))
        {
            work.Creators.Add(author.TextContent.Trim());
        }
        work.Markers.AddRange(heading.ChildNodes.OfType<IText>().Select(t => t.Data));
        if (heading.NextElementSibling is { LocalName: "div" } header)
        {
            EpubTitlePage.Read(new HtmlParser().ParseDocument(header.OuterHtml), work);
        }
        var sections = body.QuerySelectorAll("h2").Where(h => h.QuerySelector("a[name^='section']") is not null).ToList();
        if (body.QuerySelector("a[name='TOCTOP']") is { } contents)
        {
            // The contents repeat the chapter titles: structure, not text.
            for (INode? node = contents; node is not null && node != sections[0]; node = node.NextSibling)
            {
                work.Markers.Add(node.TextContent);
            }
        }
        for (var i = 0; i < sections.Count; i++)
        {
            var section = sections[i];
            var numbered = FanFicFareText.NumberedTitle(section.TextContent);
            var title = numbered.Success ? numbered.Groups["title"].Value.Trim() : section.TextContent.Trim();
            if (numbered.Success)
            {
                work.Markers.Add(numbered.Groups["number"].Value);
            }
            var chapter = new ImportedChapter { Title = Ao3HtmlImport.ChapterTitle(title, work.Markers) };
            var holder = document.CreateElement("div");
            for (var node = section.NextSibling; node is not null && (i + 1 == sections.Count || node != sections[i + 1]); node = section.NextSibling)
            {
                holder.AppendChild(node);
            }
            FanFicFareText.ReadChapterBody(Paragraph.Split(HtmlLines.From(holder)), title, chapter, work, isLast: i == sections.Count - 1);
            work.Chapters.Add(chapter);
        }
        return work;
    }
}
