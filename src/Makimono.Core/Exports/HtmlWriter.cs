using System.Text;

namespace Makimono.Exports;

/// <summary>
/// The work as one HTML file that reads offline: the stylesheet inline, the same preface as the EPUB's title page,
/// a table of contents linking to each chapter, the chapters and the end notes.
/// </summary>
public static class HtmlWriter
{
    public static byte[] Write(ExportedWork work)
    {
        var html = new StringBuilder(16 * 1024 + work.Chapters.Sum(c => c.Body.Length * 11 / 10));
        var language = XhtmlFragment.Escape(work.Language);
        html.Append("<!DOCTYPE html>\n<html lang=\"").Append(language).Append("\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>")
            .Append(XhtmlFragment.Escape($"{work.Title} - {work.Byline}")).Append("</title>\n<style>\n").Append(ExportStyles.Css)
            .Append("\n</style>\n</head>\n<body>\n");
        var ids = new HashSet<string>(StringComparer.Ordinal);
        WorkMarkup.ReserveIds(work, ids);
        var markup = new WorkMarkup(work, html, ids, imagesAsLinks: false);
        markup.Preface();
        html.Append("<nav id=\"toc\" aria-labelledby=\"toc-heading\">\n<h2 id=\"toc-heading\">Contents</h2>\n<ol>\n");
        foreach (var chapter in work.Chapters)
        {
            html.Append("<li><a href=\"#").Append(WorkMarkup.ChapterId(chapter)).Append("\">").Append(XhtmlFragment.Escape(chapter.Heading)).Append("</a></li>\n");
        }
        html.Append("</ol>\n</nav>\n<div id=\"chapters\">\n");
        foreach (var chapter in work.Chapters)
        {
            markup.Chapter(chapter);
        }
        html.Append("</div>\n");
        markup.Afterword();
        html.Append("</body>\n</html>\n");
        return Encoding.UTF8.GetBytes(html.ToString());
    }
}
