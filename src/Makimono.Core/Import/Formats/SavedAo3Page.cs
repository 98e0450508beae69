using AngleSharp.Dom;
using AngleSharp.Html.Dom;

using Makimono.Import.Html;
using Makimono.Import.Structure;

namespace Makimono.Import.Formats;

/// <summary>
/// An AO3 work page saved from the browser, not the Download file: the tag list in dl.work.meta, then #workskin
/// with the preface (title, byline, summary, notes), the chapters (each with its title, notes and end notes, or one
/// text for a one-shot) and the work's end notes. Only those are read; the rest of the page is the site around the
/// work (greeting and menus, skip links, work navigation, kudos, comments, footer, scripts) and is left out.
/// </summary>
public static class SavedAo3Page
{
    public static bool IsSavedAo3Page(IHtmlDocument document) =>
        document.GetElementById("workskin") is { } skin
        && document.QuerySelector("dl.work.meta") is not null
        && skin.QuerySelector(".preface") is not null;

    public static ImportedWork Read(string source, IHtmlDocument document)
    {
        var work = new ImportedWork { Source = source, Format = "ao3-page" };
        var meta = document.QuerySelector("dl.work.meta")!;
        Ao3HtmlImport.ReadTags(meta.Children.Where(e => e.LocalName == "dt"), work);
        var skin = document.GetElementById("workskin")!;
        var preface = skin.Children.FirstOrDefault(e => e.ClassList.Contains("preface")) ?? skin.QuerySelector(".preface")!;
        ReadPreface(preface, work);
        var chapters = skin.QuerySelector("#chapters");
        if (chapters is not null)
        {
            ReadChapters(chapters, work);
        }
        foreach (var end in skin.Children.Where(e => e.ClassList.Contains("end") && e.ClassList.Contains("notes")))
        {
            work.EndNotes = JoinBlocks(work.EndNotes, end, work.Markers);
        }
        if (work.Chapters.Count == 0)
        {
            throw new ImportException("This saved AO3 page has the work's tags but no chapter text. Save the work page again once it has loaded, or use AO3's Download button.");
        }
        return work;
    }

    private static void ReadPreface(IElement preface, ImportedWork work)
    {
        work.Title = preface.QuerySelector(".title")?.TextContent.Trim();
        if (preface.QuerySelector(".byline") is { } byline)
        {
            var authors = byline.QuerySelectorAll("a[rel=author]");
            foreach (var author in authors.Length > 0 ? authors : byline.QuerySelectorAll("a"))
            {
                var name = author.TextContent.Trim();
                if (name.Length > 0 && !work.Creators.Contains(name))
                {
                    work.Creators.Add(name);
                }
            }
            // An anonymous or orphaned work names no one with a link; the byline's own words are then the creator.
            if (work.Creators.Count == 0 && byline.TextContent.Trim() is { Length: > 0 } plain)
            {
                work.Creators.Add(plain);
            }
            else
            {
                work.Markers.AddRange(byline.ChildNodes.Where(n => n is IText).Select(n => n.TextContent));
            }
        }
        foreach (var module in preface.Children)
        {
            if (module.ClassList.Contains("summary"))
            {
                work.Summary = JoinBlocks(work.Summary, module, work.Markers);
            }
            else if (module.ClassList.Contains("notes") && !module.ClassList.Contains("end"))
            {
                work.Notes = JoinBlocks(work.Notes, module, work.Markers);
            }
        }
    }

    private static void ReadChapters(IElement chapters, ImportedWork work)
    {
        var parts = chapters.Children.Where(e => e.ClassList.Contains("chapter") && !e.ClassList.Contains("preface")).ToList();
        foreach (var landmark in chapters.Children.Where(e => e.ClassList.Contains("landmark")))
        {
            work.Markers.Add(landmark.TextContent.Trim());
        }
        if (parts.Count == 0)
        {
            // A one-shot: "Work Text:" and one userstuff.
            var chapter = new ImportedChapter();
            var text = chapters.Children.FirstOrDefault(e => e.ClassList.Contains("userstuff")) ?? chapters;
            Ao3HtmlImport.Render(text, chapter, work);
            work.Chapters.Add(chapter);
            return;
        }
        foreach (var part in parts)
        {
            var chapter = new ImportedChapter();
            foreach (var child in part.Children)
            {
                if (child.ClassList.Contains("userstuff"))
                {
                    Ao3HtmlImport.Render(child, chapter, work);
                }
                else if (child.ClassList.Contains("preface"))
                {
                    ReadChapterPreface(child, chapter, work);
                }
            }
            work.Chapters.Add(chapter);
        }
    }

    /// <summary>A chapter's preface before its text holds its title, summary and notes; the one after, its end notes.</summary>
    private static void ReadChapterPreface(IElement preface, ImportedChapter chapter, ImportedWork work)
    {
        foreach (var child in preface.Children)
        {
            if (child.ClassList.Contains("title"))
            {
                chapter.Title = Ao3HtmlImport.ChapterTitle(child.TextContent.Trim(), work.Markers);
            }
            else if (child.ClassList.Contains("summary"))
            {
                chapter.Summary = JoinBlocks(chapter.Summary, child, work.Markers);
            }
            else if (child.ClassList.Contains("end") && child.ClassList.Contains("notes"))
            {
                chapter.EndNotes = JoinBlocks(chapter.EndNotes, child, work.Markers);
            }
            else if (child.ClassList.Contains("notes"))
            {
                chapter.Notes = JoinBlocks(chapter.Notes, child, work.Markers);
            }
        }
    }

    /// <summary>
    /// A module's blockquotes joined onto the field; its heading ("Summary:", "Notes:") and the pointer to the end
    /// notes ("See the end of the work for more notes") are markers.
    /// </summary>
    private static string? JoinBlocks(string? field, IElement module, List<string> markers)
    {
        foreach (var child in module.Children)
        {
            if (child.LocalName == "blockquote")
            {
                var text = HtmlLines.TextOf(child).Trim();
                if (text.Length > 0)
                {
                    field = FrontMatter.Join(field, text);
                }
            }
            else
            {
                markers.Add(child.TextContent.Trim());
            }
        }
        return field;
    }
}
