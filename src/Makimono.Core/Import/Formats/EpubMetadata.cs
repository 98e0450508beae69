using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;
using Makimono.Import.Html;
using Makimono.Import.Structure;
using Makimono.Tags;

namespace Makimono.Import.Formats;

/// <summary>
/// The package document's metadata into the work. What the spine already stated (an AO3 preface, a FanFicFare
/// title page) stands; the package's title is the book's own. Subjects become tags: AO3's rating, warning and
/// category names where they match, the site's bookkeeping ("Fanworks", "Completed") set aside, the rest
/// additional tags. As in text files, what is read into a tag is kept among the markers.
/// </summary>
internal static partial class EpubMetadata
{
    public static void Apply(EpubPackage package, ImportedWork work)
    {
        if (package.Title is { } title)
        {
            if (work.Title is not null && !SameText(work.Title, title))
            {
                work.Markers.Add(work.Title);
            }
            else if (work.Title is not null)
            {
                work.Markers.Add(title);
            }
            work.Title = title;
        }
        foreach (var creator in package.Creators)
        {
            if (work.Creators.Contains(creator, StringComparer.OrdinalIgnoreCase))
            {
                work.Markers.Add(creator);
            }
            else
            {
                work.Creators.Add(creator);
            }
        }
        if (package.Description is { } description)
        {
            var summary = PlainText(description);
            if (work.Summary is not null && SameText(work.Summary, summary))
            {
                work.Markers.Add(summary);
            }
            else
            {
                work.Summary = work.Summary is null ? summary : FrontMatter.Join(work.Summary, summary);
            }
        }
        if (package.Language is { Length: > 0 } language && !language.Equals("und", StringComparison.OrdinalIgnoreCase))
        {
            work.Language = language;
        }
        foreach (var series in package.Series)
        {
            work.Markers.Add(series);
            if (!work.Series.Contains(series, StringComparer.OrdinalIgnoreCase))
            {
                work.Series.Add(series);
            }
        }
        foreach (var subject in package.Subjects)
        {
            work.Markers.Add(subject);
            AddSubject(subject.Trim(), work);
        }
    }

    private static void AddSubject(string subject, ImportedWork work)
    {
        if (Bookkeeping().IsMatch(subject) || HasTag(work, subject))
        {
            return;
        }
        if (Named(FixedTags.Ratings, subject) is { } rating)
        {
            work.Rating ??= rating;
        }
        else if (Named(FixedTags.ArchiveWarnings, subject) is { } warning)
        {
            work.ArchiveWarnings.Add(warning);
        }
        else if (Named(FixedTags.Categories, subject) is { } category)
        {
            work.Categories.Add(category);
        }
        else
        {
            work.Freeforms.Add(subject);
        }
    }

    internal static string? Named(IReadOnlyList<FixedTag> tags, string name) =>
        tags.FirstOrDefault(t => string.Equals(t.Name, name.Trim(), StringComparison.OrdinalIgnoreCase))?.Name;

    private static bool HasTag(ImportedWork work, string name) =>
        string.Equals(work.Rating, name, StringComparison.OrdinalIgnoreCase)
        || new[] { work.ArchiveWarnings, work.Categories, work.Fandoms, work.Relationships, work.Characters, work.Freeforms, work.Series }
            .Any(list => list.Contains(name, StringComparer.OrdinalIgnoreCase));

    /// <summary>dc:description is often HTML escaped into the XML (calibre and AO3 write it so); readers want its text.</summary>
    internal static string PlainText(string description)
    {
        if (!description.Contains('<', StringComparison.Ordinal))
        {
            return description.Trim();
        }
        var document = new HtmlParser().ParseDocument($"<html><body>{description}</body></html>");
        return HtmlLines.TextOf(document.Body!).Trim();
    }

    private static bool SameText(string a, string b) =>
        string.Equals(Whitespace().Replace(a, " ").Trim(), Whitespace().Replace(b, " ").Trim(), StringComparison.OrdinalIgnoreCase);

    /// <summary>Subjects that describe the download, not the story: AO3's "Fanworks", FanFicFare's site, status and dates.</summary>
    [GeneratedRegex(@"^(?:fanworks|fanfiction|fan\s?fiction|completed?|in[-\s]progress|work\s+in\s+progress|wip|last\s+update\b.*)$", RegexOptions.IgnoreCase)]
    private static partial Regex Bookkeeping();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
