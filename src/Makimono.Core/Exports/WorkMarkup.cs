using System.Globalization;
using System.Text;

namespace Makimono.Exports;

/// <summary>
/// The parts of a download that EPUB and HTML share, as XHTML that is also valid HTML5: the preface (everything the
/// work page shows above the text), each chapter with its notes and a link back to it, and the end notes. The
/// markup is AO3's download markup (div#preface with dl.tags, div#chapters, div#afterword), which readers' tools and
/// the archive's own importer already know.
/// </summary>
public sealed class WorkMarkup(ExportedWork work, StringBuilder output, HashSet<string> ids, bool imagesAsLinks)
{
    private readonly XhtmlFragment _html = new(output, ids, imagesAsLinks);
    private readonly Uri _workUrl = new(work.Url);

    public static string ChapterId(ExportedChapter chapter) => "chapter-" + chapter.Number.ToString(CultureInfo.InvariantCulture);

    /// <summary>Reserves the ids the markup itself uses, so an author's anchor cannot take one of them.</summary>
    public static void ReserveIds(ExportedWork work, HashSet<string> ids)
    {
        ids.UnionWith(["preface", "chapters", "afterword", "toc", "toc-heading"]);
        ids.UnionWith(work.Chapters.Select(ChapterId));
    }

    public void Preface(string headingTag = "h1")
    {
        output.Append("<div id=\"preface\">\n<p class=\"message\">Downloaded from <a href=\"").Append(E(work.Url)).Append("\">")
            .Append(E(work.Url)).Append("</a>.</p>\n<div class=\"meta\">\n<dl class=\"tags\">\n");
        foreach (var list in work.Tags)
        {
            output.Append("<dt>").Append(E(list.Label)).Append(":</dt><dd>");
            for (var i = 0; i < list.Names.Count; i++)
            {
                output.Append(i > 0 ? ", " : "").Append("<a href=\"").Append(E(list.Urls[i])).Append("\">").Append(E(list.Names[i])).Append("</a>");
            }
            output.Append("</dd>\n");
        }
        output.Append("<dt>Language:</dt><dd>").Append(E(work.LanguageName)).Append("</dd>\n");
        if (work.Series.Count > 0)
        {
            output.Append("<dt>Series:</dt><dd>");
            for (var i = 0; i < work.Series.Count; i++)
            {
                var series = work.Series[i];
                output.Append(i > 0 ? ", " : "").Append("Part ").Append(series.Position.ToString(CultureInfo.InvariantCulture))
                    .Append(" of <a href=\"").Append(E(series.Url)).Append("\">").Append(E(series.Title)).Append("</a>");
            }
            output.Append("</dd>\n");
        }
        output.Append("<dt>Stats:</dt><dd>").Append(E(Stats(work))).Append("</dd>\n</dl>\n");
        output.Append('<').Append(headingTag).Append(" class=\"title\">").Append(E(work.Title)).Append("</").Append(headingTag).Append(">\n");
        output.Append("<div class=\"byline\">by ");
        if (work.Creators.Count == 0)
        {
            output.Append("Anonymous");
        }
        for (var i = 0; i < work.Creators.Count; i++)
        {
            output.Append(i > 0 ? ", " : "").Append("<a rel=\"author\" href=\"").Append(E(work.CreatorUrls[i])).Append("\">")
                .Append(E(work.Creators[i])).Append("</a>");
        }
        output.Append("</div>\n");
        Labelled("Summary", work.Summary, _workUrl);
        Labelled("Notes", work.Notes, _workUrl);
        output.Append("</div>\n</div>\n");
    }

    /// <summary>"Published: 2024-01-05 Updated: 2024-03-01 Words: 12,345 Chapters: 3/?", as AO3's downloads give them.</summary>
    public static string Stats(ExportedWork work)
    {
        var stats = new StringBuilder();
        stats.Append("Published: ").Append(work.PublishedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        if (work.ShowsUpdated)
        {
            stats.Append(work.IsComplete ? " Completed: " : " Updated: ").Append(work.Modified.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }
        stats.Append(" Words: ").Append(work.Words.ToString("N0", CultureInfo.InvariantCulture))
            .Append(" Chapters: ").Append(work.ChapterFraction);
        return stats.ToString();
    }

    /// <summary>One chapter: its heading (a link back to it), summary and notes, its text, its end notes.</summary>
    public void Chapter(ExportedChapter chapter)
    {
        var url = new Uri(chapter.Url);
        output.Append("<div class=\"meta group\" id=\"").Append(ChapterId(chapter)).Append("\">\n<h2 class=\"heading\"><a href=\"")
            .Append(E(chapter.Url)).Append("\">").Append(E(chapter.Heading)).Append("</a></h2>\n");
        Labelled("Chapter Summary", chapter.Summary, url);
        Labelled("Chapter Notes", chapter.Notes, url);
        output.Append("</div>\n<div class=\"userstuff\">\n");
        _html.Append(chapter.Body, url);
        output.Append("\n</div>\n<div class=\"meta group chapter-end\">\n");
        Labelled("Chapter End Notes", chapter.EndNotes, url);
        output.Append("<p class=\"source\">Read this chapter online: <a href=\"").Append(E(chapter.Url)).Append("\">")
            .Append(E(chapter.Url)).Append("</a></p>\n</div>\n");
    }

    /// <summary>The work's end notes, or nothing when it has none.</summary>
    public void Afterword()
    {
        if (string.IsNullOrWhiteSpace(work.EndNotes))
        {
            return;
        }
        output.Append("<div id=\"afterword\">\n<div class=\"meta\">\n");
        Labelled("End Notes", work.EndNotes, _workUrl);
        output.Append("</div>\n</div>\n");
    }

    /// <summary>AO3's labelled block: the label in a paragraph, the text in the blockquote after it.</summary>
    private void Labelled(string label, string? html, Uri baseUrl)
    {
        if (string.IsNullOrWhiteSpace(html))
        {
            return;
        }
        output.Append("<p class=\"label\">").Append(label).Append("</p>\n<blockquote class=\"userstuff\">\n");
        _html.Append(html, baseUrl);
        output.Append("\n</blockquote>\n");
    }

    private static string E(string text) => XhtmlFragment.Escape(text);
}
