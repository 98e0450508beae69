using System.Xml.Linq;
using Makimono.Accounts;
using Makimono.Database;
using Makimono.Tags;
using Makimono.Works;
using Microsoft.EntityFrameworkCore;

namespace Makimono.Feeds;

/// <summary>
/// The Atom feeds (RFC 4287): new works in a tag, a user's new works, a series' new parts and a work's new chapters.
/// Every work passes through <see cref="WorkAccess.VisibleTo"/>, so a feed shows what the page it follows shows.
/// </summary>
/// <remarks>
/// A saved search's feed (issue 10) is one more caller of <see cref="OfWorks"/>: it hands over the works its
/// WorkQuery answers, already filtered for the viewer, with its own title and path.
/// </remarks>
public static class WorkFeeds
{
    /// <summary>How many entries a feed carries: enough for a reader who checks weekly.</summary>
    public const int EntryCount = 20;

    /// <summary>A feed of works, newest first; <paramref name="since"/> dates an empty feed.</summary>
    public static XElement OfWorks(string feedId, string title, string path, string pagePath, DateTime since, IReadOnlyList<Work> works, FeedIds ids, FeedLinks links) =>
        Atom.Feed(feedId, title, works.Count == 0 ? since : works.Max(w => w.UpdatedAt),
            Atom.Link("self", links.To(path), Atom.MediaType),
            Atom.Link("alternate", links.To(pagePath), Atom.Html),
            works.Select(w => WorkEntries.Entry(w, ids, links)));

    public static async Task<XElement?> TagAsync(ArchiveDbContext db, Viewer viewer, string segment, FeedIds ids, FeedLinks links, CancellationToken ct = default)
    {
        var normalized = TagName.Normalize(TagUrl.FromSegment(segment));
        var tag = await db.Tags.KnownTo(db, viewer).Include(t => t.Merger).FirstOrDefaultAsync(t => t.NormalizedName == normalized, ct);
        if (tag is null)
        {
            return null;
        }
        // A synonym's works are its canonical tag's works, as on its page.
        var canonical = tag.Merger ?? tag;
        var works = await NewestAsync(WorkListing.TaggedWith(db, canonical.Id).VisibleTo(viewer), ct);
        return OfWorks(ids.For($"feeds/tags/{canonical.Id}"), $"New works in {canonical.Name}", Paths.Tag(canonical.Name), TagUrl.WorksPath(canonical.Name), canonical.CreatedAt, works, ids, links);
    }

    public static async Task<XElement?> UserAsync(ArchiveDbContext db, Viewer viewer, string userName, FeedIds ids, FeedLinks links, CancellationToken ct = default)
    {
        var normalized = AccountNames.Normalize(userName);
        var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.NormalizedUserName == normalized, ct);
        if (user is null)
        {
            return null;
        }
        var works = await NewestAsync(WorkListing.ByUser(db, user.Id).VisibleTo(viewer), ct);
        return OfWorks(ids.For($"feeds/users/{user.Id}"), $"New works by {user.UserName}", Paths.User(user.UserName), $"/users/{Uri.EscapeDataString(user.UserName)}", user.CreatedAt, works, ids, links);
    }

    /// <summary>
    /// The works a saved search answers for its owner, newest first: <paramref name="search"/> applies the owner's
    /// access, muting and blocklist, as on the owner's search page. The query's own sort and page give way to "newest
    /// posted, first 20", as a feed of new works means.
    /// </summary>
    public static async Task<XElement> SavedSearchAsync(ArchiveDbContext db, Search.IWorkSearch search, Search.SavedSearch saved, Search.WorkQuery query,
        Viewer owner, Search.ViewerFilters filters, FeedIds ids, FeedLinks links, CancellationToken ct = default)
    {
        var newest = query with { Sort = Search.WorkSort.DatePosted, Descending = true, Page = 1, After = null, FacetTypes = [] };
        var found = await search.FindAsync(newest, owner, filters, ct);
        var pageIds = found.WorkIds.Take(EntryCount).ToList();
        // The ids already passed the access rule; asking it again costs nothing and holds if a work changed meanwhile.
        var loaded = await WithEntryDetails(db.Works.VisibleTo(owner).Where(w => pageIds.Contains(w.Id))).ToDictionaryAsync(w => w.Id, ct);
        var works = pageIds.Where(loaded.ContainsKey).Select(id => loaded[id]).ToList();
        var page = saved.Query.Length == 0 ? "/works/search" : "/works/search?" + saved.Query;
        var feed = OfWorks(ids.For($"feeds/searches/{saved.Id}"), $"Saved search: {saved.Name}", Paths.SavedSearch(saved.Id), page, saved.CreatedAt, works, ids, links);
        if (found.TextError is { } error)
        {
            // Never a silently empty feed: the reader shows the subtitle, which says why and what would run.
            feed.Add(new XElement(Atom.Ns + "subtitle", Atom.Text($"This search could not be read, so it was not run: {error.Message} Try searching for {error.Suggestion} instead.")));
        }
        return feed;
    }

    /// <summary>A series' parts, the last part first; null when the viewer may see none of them, as its page is a 404 then.</summary>
    public static async Task<XElement?> SeriesAsync(ArchiveDbContext db, Viewer viewer, int seriesId, FeedIds ids, FeedLinks links, CancellationToken ct = default)
    {
        var series = await db.Series.AsNoTracking().FirstOrDefaultAsync(s => s.Id == seriesId, ct);
        if (series is null)
        {
            return null;
        }
        var works = await WithEntryDetails(db.Works.VisibleTo(viewer).Where(w => w.Series.Any(s => s.SeriesId == seriesId)))
            .Include(w => w.Series.Where(s => s.SeriesId == seriesId))
            .ToListAsync(ct);
        if (works.Count == 0)
        {
            return null;
        }
        var newestPartFirst = works.OrderByDescending(w => w.Series[0].Position).Take(EntryCount).ToList();
        return OfWorks(ids.For($"feeds/series/{seriesId}"), $"New parts of {series.Title}", Paths.Series(seriesId), $"/series/{seriesId}", series.CreatedAt, newestPartFirst, ids, links);
    }

    /// <summary>A work's chapters that the viewer may read, the newest first, each linked to its page.</summary>
    public static async Task<XElement?> ChaptersAsync(ArchiveDbContext db, Viewer viewer, int workId, FeedIds ids, FeedLinks links, CancellationToken ct = default)
    {
        var work = await WorkQueries.FindVisibleAsync(db, workId, viewer, ct);
        if (work is null)
        {
            return null;
        }
        var ns = Atom.Ns;
        var chapters = WorkAccess.ReadableChapters(work, viewer).ToList();
        var authors = work.Creators.Where(c => c.Accepted).OrderBy(c => c.Position)
            .Select(c => Atom.Author(c.Pseud.Name, links.Pseud(c.Pseud.User.UserName, c.Pseud.Name))).ToList();
        var path = Paths.Chapters(workId);
        return Atom.Feed(ids.For($"feeds/works/{workId}/chapters"), $"New chapters of {work.Title}", chapters.Count == 0 ? work.UpdatedAt : chapters.Max(c => c.UpdatedAt),
            Atom.Link("self", links.To(path), Atom.MediaType),
            Atom.Link("alternate", links.Work(workId), Atom.Html),
            authors,
            chapters.OrderByDescending(c => c.Position).Take(EntryCount).Select(chapter => new XElement(ns + "entry",
                new XElement(ns + "id", ids.Chapter(chapter.Id)),
                new XElement(ns + "title", Atom.Text(ChapterTitle(chapter, work))),
                Atom.Updated(chapter.UpdatedAt),
                Atom.Published(chapter.PublishedOn.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc)),
                new XElement(ns + "summary", new XAttribute("type", "text"), Atom.Text(ChapterSummary(chapter, work))),
                Atom.Link("alternate", links.Chapter(workId, chapter.Id), Atom.Html))));
    }

    private static string ChapterTitle(Chapter chapter, Work work) =>
        string.IsNullOrWhiteSpace(chapter.Title) ? $"{work.Title}, chapter {chapter.Position}" : $"{work.Title}, chapter {chapter.Position}: {chapter.Title}";

    private static string ChapterSummary(Chapter chapter, Work work)
    {
        var summary = string.IsNullOrWhiteSpace(chapter.Summary) ? "" : Text.WordCounter.PlainText(chapter.Summary).Trim() + "\n\n";
        return summary + string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"Chapter {chapter.Position} of {work.Title}, {chapter.WordCount:N0} words.");
    }

    /// <summary>The newest works first, by their publication date, as "new works" means.</summary>
    private static Task<List<Work>> NewestAsync(IQueryable<Work> visible, CancellationToken ct) =>
        WithEntryDetails(visible.OrderByDescending(w => w.PublishedOn).ThenByDescending(w => w.Id).Take(EntryCount)).ToListAsync(ct);

    /// <summary>What <see cref="WorkEntries.Entry"/> needs loaded.</summary>
    public static IQueryable<Work> WithEntryDetails(IQueryable<Work> works) => works
        .Include(w => w.Creators.Where(c => c.Accepted)).ThenInclude(c => c.Pseud).ThenInclude(p => p.User)
        .Include(w => w.Tags).ThenInclude(t => t.Tag)
        .AsSplitQuery()
        .AsNoTracking();

    /// <summary>Where each feed is served; the pages link here, and the feed's id is made from it.</summary>
    public static class Paths
    {
        public static string Tag(string tagName) => $"/tags/{TagUrl.ToSegment(tagName)}/works.atom";

        public static string User(string userName) => $"/users/{Uri.EscapeDataString(userName)}/works.atom";

        public static string Series(int seriesId) => $"/series/{seriesId}/works.atom";

        public static string Chapters(int workId) => $"/works/{workId}/chapters.atom";

        /// <summary>Ends in .atom, so app passwords open it (Web/Auth/AppPasswordAuth); only its owner may read it.</summary>
        public static string SavedSearch(int savedSearchId) => $"/account/searches/{savedSearchId}/works.atom";
    }
}
