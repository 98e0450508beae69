using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Makimono.Works;
using Makimono.Import.Html;
using Makimono.Import.Structure;

namespace Makimono.Import.Formats;

/// <summary>
/// AO3's HTML download: the preface's title, byline, tag list (rating, warnings, categories, fandoms,
/// relationships, characters, additional tags, language, series), summary and notes; then each chapter
/// with its own summary, notes and end notes; then the afterword's end notes.
/// </summary>
public static partial class Ao3HtmlImport
{
    public static bool IsAo3Download(IHtmlDocument document) =>
        document.GetElementById("preface") is not null && document.GetElementById("chapters") is not null
        && document.QuerySelector("#preface dl.tags, #preface .meta") is not null;

    /// <param name="format">"ao3-html", or "epub" for an AO3 EPUB, whose spine documents hold the same markup.</param>
    public static ImportedWork Read(string source, IHtmlDocument document, string format = "ao3-html")
    {
        var work = new ImportedWork { Source = source, Format = format };
        var preface = document.GetElementById("preface")!;
        HtmlLines.From(preface);
        work.Title = preface.QuerySelector("h1")?.TextContent.Trim() ?? document.Title?.Trim();
        // AO3's page title and "Posted originally on the Archive of Our Own" repeat the preface; they are set aside.
        if (preface.QuerySelector("h1") is not null && document.Title is { Length: > 0 } pageTitle)
        {
            work.Markers.Add(pageTitle);
        }
        foreach (var message in preface.QuerySelectorAll(".message"))
        {
            work.Markers.Add(HtmlLines.TextOf(message));
        }
        foreach (var byline in preface.QuerySelectorAll(".byline"))
        {
            work.Markers.AddRange(byline.ChildNodes.Where(n => n is IText).Select(n => n.TextContent));
        }
        foreach (var author in preface.QuerySelectorAll(".byline a[rel=author], .byline a"))
        {
            var name = author.TextContent.Trim();
            if (name.Length > 0 && !work.Creators.Contains(name))
            {
                work.Creators.Add(name);
            }
        }
        ReadTags(preface.QuerySelectorAll("dl.tags dt"), work);
        var (summary, notes, endNotes) = ReadLabelledBlocks(preface.QuerySelector(".meta") ?? preface, work.Markers);
        work.Summary = summary;
        work.Notes = notes;
        work.EndNotes = endNotes;
        ReadChapters(document.GetElementById("chapters")!, work);
        if (document.GetElementById("afterword") is { } afterword)
        {
            var (_, _, workEnd) = ReadLabelledBlocks(afterword, work.Markers);
            work.EndNotes = workEnd is null ? work.EndNotes : FrontMatter.Join(work.EndNotes, workEnd);
        }
        return work;
    }

    /// <summary>The tag list's dt/dd pairs, which an AO3 work page's dl.work.meta holds as the download's preface does.</summary>
    internal static void ReadTags(IEnumerable<IElement> terms, ImportedWork work)
    {
        foreach (var dt in terms)
        {
            if (dt.NextElementSibling is not { LocalName: "dd" } dd)
            {
                continue;
            }
            // The tag list is read into tags, not text fields: it is set aside like a text file's "Rating: T".
            // Text node by text node: a list's items may touch ("<li>A</li><li>B</li>"), and their words must not run together.
            work.Markers.Add(string.Join(' ', dt.Descendants<IText>().Select(t => t.Data)));
            work.Markers.Add(string.Join(' ', dd.Descendants<IText>().Select(t => t.Data)));
            var links = dd.QuerySelectorAll("a").Select(a => a.TextContent.Trim()).Where(t => t.Length > 0).ToList();
            var values = links.Count > 0 ? links : Tags.TagName.SplitList(dd.TextContent).ToList();
            switch (dt.TextContent.Trim().TrimEnd(':').ToLowerInvariant())
            {
                case "rating":
                    work.Rating = values.Select(v => StructureRules.RatingName(v) ?? v).FirstOrDefault();
                    break;
                case "archive warning" or "archive warnings":
                    work.ArchiveWarnings.AddRange(values);
                    break;
                case "category" or "categories":
                    work.Categories.AddRange(values);
                    break;
                case "fandom" or "fandoms":
                    work.Fandoms.AddRange(values);
                    break;
                case "relationship" or "relationships":
                    work.Relationships.AddRange(values);
                    break;
                case "character" or "characters":
                    work.Characters.AddRange(values);
                    break;
                case "additional tags" or "freeform" or "freeforms":
                    work.Freeforms.AddRange(values);
                    break;
                case "language":
                    work.Language = LanguageCode(dd.TextContent.Trim());
                    break;
                case "series":
                    work.Series.AddRange(SeriesTitles(dd));
                    break;
            }
        }
    }

    /// <summary>"Part 2 of My Series" names the series "My Series"; a work page's previous and next links are not series.</summary>
    private static List<string> SeriesTitles(IElement dd)
    {
        var positions = dd.QuerySelectorAll(".position a");
        var links = (positions.Length > 0 ? positions : dd.QuerySelectorAll("a")).Select(a => a.TextContent.Trim()).Where(t => t.Length > 0).ToList();
        return links.Count > 0 ? links : [SeriesPart().Replace(dd.TextContent.Trim(), string.Empty)];
    }

    /// <summary>AO3 writes the language's own name; a name the archive does not know leaves the work in English.</summary>
    internal static string LanguageCode(string name) => Languages.CodeOf(name) ?? Languages.DefaultCode;

    /// <summary>AO3 labels blocks with a paragraph ("Summary", "Notes", "Chapter End Notes") before a blockquote.</summary>
    private static (string? Summary, string? Notes, string? EndNotes) ReadLabelledBlocks(IElement container, List<string> markers)
    {
        string? summary = null, notes = null, endNotes = null;
        foreach (var quote in container.QuerySelectorAll("blockquote"))
        {
            var labelText = quote.PreviousElementSibling?.TextContent ?? string.Empty;
            markers.Add(labelText);
            var label = labelText.Trim().TrimEnd(':').ToLowerInvariant();
            var text = HtmlLines.TextOf(quote).Trim();
            if (label.EndsWith("summary", StringComparison.Ordinal))
            {
                summary = FrontMatter.Join(summary, text);
            }
            else if (label.Contains("end notes", StringComparison.Ordinal))
            {
                endNotes = FrontMatter.Join(endNotes, text);
            }
            else if (label.EndsWith("notes", StringComparison.Ordinal))
            {
                notes = FrontMatter.Join(notes, text);
            }
        }
        return (summary, notes, endNotes);
    }

    private static void ReadChapters(IElement chapters, ImportedWork work)
    {
        var headings = chapters.QuerySelectorAll("h2");
        if (headings.Length == 0)
        {
            var single = new ImportedChapter();
            Render(chapters.QuerySelector("div.userstuff") ?? chapters, single, work);
            work.Chapters.Add(single);
            return;
        }
        ImportedChapter? current = null;
        foreach (var child in chapters.Children)
        {
            // The chapter's text is never its heading, even when the author used h2 in it.
            if (!child.ClassList.Contains("userstuff") && (child.LocalName == "h2" || child.QuerySelector("h2") is not null))
            {
                var heading = child.LocalName == "h2" ? child : child.QuerySelector("h2")!;
                current = new ImportedChapter { Title = ChapterTitle(heading.TextContent.Trim(), work.Markers) };
                work.Chapters.Add(current);
                var (summary, notes, _) = ReadLabelledBlocks(child, work.Markers);
                current.Summary = summary;
                current.Notes = notes;
            }
            else if (current is not null && child.ClassList.Contains("userstuff"))
            {
                Render(child, current, work);
            }
            else if (current is not null)
            {
                var (_, _, endNotes) = ReadLabelledBlocks(child, work.Markers);
                current.EndNotes = endNotes is null ? current.EndNotes : FrontMatter.Join(current.EndNotes, endNotes);
            }
        }
    }

    internal static void Render(IElement body, ImportedChapter chapter, ImportedWork work)
    {
        // AO3 adds a hidden "Chapter Text" heading inside the text; it is a marker, not story.
        foreach (var landmark in body.QuerySelectorAll("h3.landmark").ToList())
        {
            work.Markers.Add(landmark.TextContent.Trim());
            landmark.Remove();
        }
        var paragraphs = Paragraph.Split(HtmlLines.From(body));
        ChapterBody.Render(paragraphs, chapter, work.Markers);
    }

    /// <summary>"Chapter 2: The Storm" is titled "The Storm"; a bare "Chapter 2" has no title of its own.</summary>
    internal static string? ChapterTitle(string heading, List<string> markers)
    {
        var m = ChapterPrefix().Match(heading);
        if (!m.Success)
        {
            return heading;
        }
        markers.Add(m.Value);
        var rest = heading[m.Length..].Trim();
        return rest.Length == 0 ? null : rest;
    }

    [GeneratedRegex(@"^Chapter\s+\d+\s*:?\s*", RegexOptions.IgnoreCase)]
    private static partial Regex ChapterPrefix();

    [GeneratedRegex(@"^Part\s+\d+\s+of\s+", RegexOptions.IgnoreCase)]
    private static partial Regex SeriesPart();
}
