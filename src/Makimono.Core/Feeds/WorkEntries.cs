using System.Globalization;
using System.Xml.Linq;
using Makimono.Exports;
using Makimono.Text;
using Makimono.Works;

namespace Makimono.Feeds;

/// <summary>
/// One Atom entry per work, the same in the Atom feeds and the OPDS acquisition feeds: creators as authors, every tag
/// as a category, the summary as text, language, dates, the work page, and the EPUB as an open-access acquisition.
/// The work must come with its accepted creators (and their pseuds and users) and its tags loaded.
/// </summary>
public static class WorkEntries
{
    public const string OpenAccess = "http://opds-spec.org/acquisition/open-access";

    public static XElement Entry(Work work, FeedIds ids, FeedLinks links)
    {
        var ns = Atom.Ns;
        var epub = DownloadFormat.Epub;
        return new XElement(ns + "entry",
            new XElement(ns + "id", ids.Work(work.Id)),
            new XElement(ns + "title", Atom.Text(work.Title)),
            Atom.Updated(work.UpdatedAt),
            Atom.Published(work.PublishedOn.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc)),
            work.Creators.Where(c => c.Accepted).OrderBy(c => c.Position)
                .Select(c => Atom.Author(c.Pseud.Name, links.Pseud(c.Pseud.User.UserName, c.Pseud.Name))),
            work.Tags.Select(t => t.Tag).OrderBy(t => t.Type).ThenBy(t => t.Id).Select(tag => new XElement(ns + "category",
                new XAttribute("term", Atom.Text(tag.Name)),
                new XAttribute("scheme", links.TagScheme(tag.Type)),
                new XAttribute("label", Atom.Text(tag.Name)))),
            new XElement(Atom.DublinCore + "language", work.Language),
            new XElement(ns + "summary", new XAttribute("type", "text"), Atom.Text(SummaryText(work))),
            Atom.Link("alternate", links.Work(work.Id), Atom.Html, "Read on the archive"),
            Atom.Link(OpenAccess, links.To(DownloadUrls.Path(work.Id, epub)), DownloadUrls.MediaType(epub), DownloadUrls.Label(epub)));
    }

    /// <summary>The summary as plain text (OPDS allows no HTML there), then the stats a reader chooses by.</summary>
    public static string SummaryText(Work work)
    {
        var summary = string.IsNullOrWhiteSpace(work.Summary) ? "" : WordCounter.PlainText(work.Summary).Trim() + "\n\n";
        var chapters = $"{work.PostedChapterCount}/{(work.ExpectedChapters?.ToString(CultureInfo.InvariantCulture) ?? "?")}";
        return summary + string.Create(CultureInfo.InvariantCulture,
            $"Words: {work.WordCount:N0} · Chapters: {chapters} · {(work.IsComplete ? "Complete" : "In progress")}");
    }
}
