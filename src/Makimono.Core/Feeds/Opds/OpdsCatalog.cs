using System.Globalization;
using System.Xml.Linq;
using Makimono.Accounts;
using Makimono.Database;
using Makimono.Tags;
using Makimono.Works;
using Microsoft.EntityFrameworkCore;

namespace Makimono.Feeds.Opds;

/// <summary>
/// The OPDS 1.2 catalog: a navigation feed at the root, the fandoms, and acquisition feeds of works with paging and
/// facets. Every work and every count passes through <see cref="WorkAccess.VisibleTo"/> for the viewer.
/// </summary>
public static class OpdsCatalog
{
    public const string RootPath = "/opds";
    public const string RecentPath = "/opds/recent";
    public const string FandomsPath = "/opds/fandoms";
    public const string MyWorksPath = "/opds/my/works";
    public const string MyBookmarksPath = "/opds/my/bookmarks";
    public const string MarkedForLaterPath = "/opds/my/later";
    public const string SearchPath = "/opds/search";
    public const string SearchDescriptionPath = "/opds/search.xml";

    public const string Navigation = "application/atom+xml;profile=opds-catalog;kind=navigation";
    public const string Acquisition = "application/atom+xml;profile=opds-catalog;kind=acquisition";
    public const string OpenSearchDescription = "application/opensearchdescription+xml";
    public const string Facet = "http://opds-spec.org/facet";

    public static string TagPath(string tagName) => $"/opds/tags/{TagUrl.ToSegment(tagName)}";

    /// <summary>
    /// The root: recent works, the fandoms, and for a signed-in reader their own works, their bookmarked works and
    /// the works they marked for later.
    /// </summary>
    public static XElement Root(Viewer viewer, DateTime updated, FeedIds ids, FeedLinks links)
    {
        var entries = new List<XElement>
        {
            NavigationEntry(ids, links, "opds/recent", "Recent works", "Works, the most recently updated first.", RecentPath, Acquisition, updated),
            NavigationEntry(ids, links, "opds/fandoms", "Fandoms", "Every fandom with works, then each fandom's works.", FandomsPath, Navigation, updated),
        };
        entries.Add(viewer.IsLoggedIn
            ? NavigationEntry(ids, links, "opds/my/works", "Your works", "Works you created, drafts included.", MyWorksPath, Acquisition, updated)
            : NavigationEntry(ids, links, "opds/my/works", "Your works (sign in)",
                "Sign in with your user name and an app password from your account page to see your works and works for members only.",
                MyWorksPath, Acquisition, updated));
        if (viewer.IsLoggedIn)
        {
            entries.Add(NavigationEntry(ids, links, "opds/my/bookmarks", "Your bookmarks", "Works you bookmarked, private bookmarks included.", MyBookmarksPath, Acquisition, updated));
            entries.Add(NavigationEntry(ids, links, "opds/my/later", "Marked for later", "Works you marked for later.", MarkedForLaterPath, Acquisition, updated));
        }
        return Atom.Feed(ids.For("opds"), "Makimono", updated, CommonLinks(links, RootPath, Navigation), entries);
    }

    public const int FandomPageSize = 50;

    /// <summary>Canonical fandoms with works the viewer may see, alphabetically, each leading to its works.</summary>
    public static async Task<XElement> FandomsAsync(ArchiveDbContext db, Viewer viewer, int page, FeedIds ids, FeedLinks links, CancellationToken ct = default)
    {
        page = Math.Max(1, page);
        var visible = db.Works.VisibleTo(viewer).Select(w => w.Id);
        var fandoms = db.Tags.Where(t => t.Type == TagType.Fandom && t.IsCanonical)
            .Select(t => new { t.Id, t.Name, t.CreatedAt, Works = db.WorkFilterTags.Count(f => f.TagId == t.Id && visible.Contains(f.WorkId)) })
            .Where(t => t.Works > 0);
        var total = await fandoms.CountAsync(ct);
        var shown = await fandoms.OrderBy(t => t.Name).ThenBy(t => t.Id).Skip((page - 1) * FandomPageSize).Take(FandomPageSize).ToListAsync(ct);
        var updated = shown.Count == 0 ? DateTime.UnixEpoch : shown.Max(f => f.CreatedAt);
        var pages = Math.Max(1, (total + FandomPageSize - 1) / FandomPageSize);
        return Atom.Feed(ids.For("opds/fandoms"), "Fandoms", updated,
            CommonLinks(links, FandomsPath + PageQuery(page), Navigation),
            PagingLinks(links, p => FandomsPath + PageQuery(p), page, pages, Navigation),
            shown.Select(f => NavigationEntry(ids, links, $"opds/tags/{f.Id}", f.Name,
                string.Create(CultureInfo.InvariantCulture, $"{f.Works:N0} {(f.Works == 1 ? "work" : "works")}"),
                TagPath(f.Name), Acquisition, f.CreatedAt, count: f.Works)));
    }

    /// <summary>
    /// One page of works as an acquisition feed, the most recently updated first, with facet links whose counts are
    /// exact. <paramref name="visible"/> must already be filtered for the viewer (see <see cref="WorkAccess.VisibleTo"/>).
    /// </summary>
    public static async Task<XElement> AcquisitionAsync(IQueryable<Work> visible, AcquisitionFeed feed, OpdsFacets facets, int page,
        FeedIds ids, FeedLinks links, CancellationToken ct = default)
    {
        page = Math.Max(1, page);
        var narrowed = facets.Apply(visible);
        var total = await narrowed.CountAsync(ct);
        var works = await WorkFeeds.WithEntryDetails(narrowed
            .OrderByDescending(w => w.UpdatedAt).ThenByDescending(w => w.Id)
            .Skip((page - 1) * Limits.PageSize).Take(Limits.PageSize)).ToListAsync(ct);
        var pages = Math.Max(1, (total + Limits.PageSize - 1) / Limits.PageSize);
        string PathOf(OpdsFacets f, int p) => feed.Path + f.Query(p, feed.SearchTerms);
        return Atom.Feed(ids.For(feed.IdName), feed.Title, works.Count == 0 ? feed.Since : works.Max(w => w.UpdatedAt),
            CommonLinks(links, PathOf(facets, page), Acquisition),
            PagingLinks(links, p => PathOf(facets, p), page, pages, Acquisition),
            new XElement(Atom.OpenSearch + "totalResults", total),
            new XElement(Atom.OpenSearch + "itemsPerPage", Limits.PageSize),
            await FacetLinksAsync(visible, facets, links, f => PathOf(f, 1), ct),
            works.Select(w => WorkEntries.Entry(w, ids, links)));
    }

    /// <summary>Each facet's link with the number of works it would show; the other groups' choices stay applied.</summary>
    private static async Task<List<XElement>> FacetLinksAsync(IQueryable<Work> visible, OpdsFacets facets, FeedLinks links,
        Func<OpdsFacets, string> pathOf, CancellationToken ct)
    {
        var result = new List<XElement>();
        async Task AddAsync(string group, string title, OpdsFacets choice, bool active)
        {
            var count = await choice.Apply(visible).CountAsync(ct);
            var link = Atom.Link(Facet, links.To(pathOf(choice)), Acquisition, title);
            link.Add(new XAttribute(Atom.Opds + "facetGroup", group), new XAttribute(Atom.Thread + "count", count));
            if (active)
            {
                link.Add(new XAttribute(Atom.Opds + "activeFacet", "true"));
            }
            result.Add(link);
        }
        await AddAsync("Rating", "Any rating", facets with { RatingId = null }, facets.RatingId is null);
        foreach (var rating in FixedTags.Ratings)
        {
            await AddAsync("Rating", rating.Name, facets with { RatingId = rating.Id }, facets.RatingId == rating.Id);
        }
        await AddAsync("Status", "Complete or in progress", facets with { Complete = null }, facets.Complete is null);
        await AddAsync("Status", "Complete", facets with { Complete = true }, facets.Complete == true);
        await AddAsync("Status", "In progress", facets with { Complete = false }, facets.Complete == false);
        await AddAsync("Words", "Any length", facets with { Words = null }, facets.Words is null);
        foreach (var (range, _, label) in OpdsFacets.WordRanges)
        {
            await AddAsync("Words", label, facets with { Words = range }, facets.Words == range);
        }
        return result;
    }

    private static XElement NavigationEntry(FeedIds ids, FeedLinks links, string idName, string title, string content, string path, string type,
        DateTime updated, int? count = null)
    {
        var ns = Atom.Ns;
        var link = Atom.Link("subsection", links.To(path), type, title);
        if (count is int n)
        {
            link.Add(new XAttribute(Atom.Thread + "count", n));
        }
        return new XElement(ns + "entry",
            new XElement(ns + "id", ids.For(idName)),
            new XElement(ns + "title", Atom.Text(title)),
            Atom.Updated(updated),
            new XElement(ns + "content", new XAttribute("type", "text"), Atom.Text(content)),
            link);
    }

    private static IEnumerable<XElement> CommonLinks(FeedLinks links, string selfPath, string selfType) =>
    [
        Atom.Link("self", links.To(selfPath), selfType),
        Atom.Link("start", links.To(RootPath), Navigation, "Makimono"),
        Atom.Link("search", links.To(SearchDescriptionPath), OpenSearchDescription, "Search works"),
    ];

    private static IEnumerable<XElement> PagingLinks(FeedLinks links, Func<int, string> pathOf, int page, int pages, string type)
    {
        yield return Atom.Link("first", links.To(pathOf(1)), type);
        if (page > 1)
        {
            yield return Atom.Link("previous", links.To(pathOf(Math.Min(page - 1, pages))), type);
        }
        if (page < pages)
        {
            yield return Atom.Link("next", links.To(pathOf(page + 1)), type);
        }
        yield return Atom.Link("last", links.To(pathOf(pages)), type);
    }

    private static string PageQuery(int page) => page > 1 ? "?page=" + page.ToString(CultureInfo.InvariantCulture) : "";

    /// <summary>
    /// The OpenSearch description: one template, answered as an acquisition feed. A title, summary or tag match in
    /// the database for now; the search index of issue 10 can answer the same template later.
    /// </summary>
    public static XElement SearchDescription(FeedLinks links)
    {
        XNamespace os = Atom.OpenSearch;
        return new XElement(os + "OpenSearchDescription",
            new XElement(os + "ShortName", "Makimono"),
            new XElement(os + "Description", "Search the works of this Makimono archive by title, summary or tag."),
            new XElement(os + "InputEncoding", "UTF-8"),
            new XElement(os + "OutputEncoding", "UTF-8"),
            new XElement(os + "Url",
                new XAttribute("type", Acquisition),
                new XAttribute("template", links.To(SearchPath) + "?q={searchTerms}")));
    }

    /// <summary>
    /// Works whose title, summary or any tag's name contains the terms, case-insensitively for ASCII letters. A stand-in
    /// for the search index (issue 10), which will answer the same request with its own query language.
    /// </summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Performance", "CA1862", Justification = "EF translates ToLower and Contains to SQL on both providers; the StringComparison overload does not translate.")]
    public static IQueryable<Work> Matching(IQueryable<Work> visible, string terms)
    {
        var needle = terms.Trim().ToLower(CultureInfo.InvariantCulture);
        return visible.Where(w => w.Title.ToLower().Contains(needle)
            || (w.Summary != null && w.Summary.ToLower().Contains(needle))
            || w.Tags.Any(t => t.Tag.Name.ToLower().Contains(needle)));
    }
}

/// <summary>What an acquisition feed is: its title, where it is served, the name its id is made from, and the date of an empty one.</summary>
public sealed record AcquisitionFeed(string Title, string Path, string IdName, DateTime Since, string? SearchTerms = null);
