using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Makimono.Import.Html;
using Makimono.Import.Structure;
using Makimono.Tags;

namespace Makimono.Import.Formats;

/// <summary>
/// An EPUB's title page. FanFicFare lists the story's metadata there as "&lt;b&gt;Label:&lt;/b&gt; value" lines
/// (Category, Genre, Characters, Relationships, Rating, Warnings, Status, Summary…); each known label goes to its
/// field. The rest of the page (the "Title by Author" line, dates, counts) is kept among the markers, as are
/// the lines read into tags, so nothing on it is lost.
/// </summary>
internal static class EpubTitlePage
{
    public static void Read(IHtmlDocument page, ImportedWork work)
    {
        var body = (INode?)page.Body ?? page.DocumentElement;
        var labels = page.QuerySelectorAll("b, strong").Where(IsLabel).ToList();
        foreach (var label in labels)
        {
            var value = new List<INode>();
            for (var next = label.NextSibling; next is not null && !(next is IElement e && labels.Contains(e)); next = next.NextSibling)
            {
                value.Add(next);
            }
            var name = label.TextContent.Trim().TrimEnd(':').Trim();
            var holder = page.CreateElement("div");
            foreach (var node in value)
            {
                holder.AppendChild(node.Clone(deep: true));
                node.Parent?.RemoveChild(node);
            }
            label.Remove();
            Apply(name, HtmlLines.TextOf(holder).Trim(), work);
        }
        var rest = HtmlLines.TextOf(body).Trim();
        if (rest.Length > 0)
        {
            work.Markers.Add(rest);
        }
    }

    private static bool IsLabel(IElement element) =>
        element.TextContent.Trim() is { Length: > 1 and <= 40 } text && text.EndsWith(':');

    private static void Apply(string label, string value, ImportedWork work)
    {
        var line = $"{label}: {value}";
        switch (label.ToLowerInvariant())
        {
            case "category" or "categories" or "fandom" or "fandoms":
                work.Markers.Add(line);
                foreach (var tag in TagName.SplitList(value))
                {
                    var category = EpubMetadata.Named(FixedTags.Categories, tag);
                    AddOnce(category is null ? work.Fandoms : work.Categories, category ?? tag);
                }
                break;
            case "genre" or "genres" or "additional tags" or "freeform" or "freeforms" or "tags":
                AddAll(work.Freeforms, value, line, work);
                break;
            case "character" or "characters":
                AddAll(work.Characters, value, line, work);
                break;
            case "relationship" or "relationships" or "pairing" or "pairings" or "ship" or "ships":
                AddAll(work.Relationships, value, line, work);
                break;
            case "rating":
                work.Markers.Add(line);
                work.Rating ??= EpubMetadata.Named(FixedTags.Ratings, value) ?? StructureRules.RatingName(value);
                break;
            case "warning" or "warnings" or "archive warning" or "archive warnings":
                var warnings = TagName.SplitList(value);
                if (warnings.Count > 0 && warnings.All(w => EpubMetadata.Named(FixedTags.ArchiveWarnings, w) is not null))
                {
                    work.Markers.Add(line);
                    warnings.ToList().ForEach(w => AddOnce(work.ArchiveWarnings, EpubMetadata.Named(FixedTags.ArchiveWarnings, w)!));
                }
                else
                {
                    work.ContentNotes = FrontMatter.Join(work.ContentNotes, line);
                }
                break;
            case "summary" or "description":
                work.Markers.Add(label);
                work.Summary = work.Summary is null ? value : FrontMatter.Join(work.Summary, value);
                break;
            case "notes" or "author's notes" or "author's note" or "a/n":
                work.Markers.Add(label);
                work.Notes = work.Notes is null ? value : FrontMatter.Join(work.Notes, value);
                break;
            case "language":
                work.Markers.Add(line);
                work.Language = Ao3HtmlImport.LanguageCode(value);
                break;
            case "series":
                AddAll(work.Series, value, line, work);
                break;
            default:
                // Status, dates, counts, the site: facts about the download, not fields of the work.
                work.Markers.Add(line);
                break;
        }
    }

    private static void AddAll(List<string> list, string value, string line, ImportedWork work)
    {
        work.Markers.Add(line);
        foreach (var tag in TagName.SplitList(value))
        {
            AddOnce(list, tag);
        }
    }

    private static void AddOnce(List<string> list, string tag)
    {
        if (!list.Contains(tag, StringComparer.OrdinalIgnoreCase))
        {
            list.Add(tag);
        }
    }
}
