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
            PagingLinks(links, PageLinks.Numbered(p => FandomsPath + PageQuery(p), page, pages, Navigation)),
            shown.Select(f => NavigationEntry(ids, links, $"opds/tags/{f.Id}", f.Name,
                string.Create(CultureInfo.InvariantCulture, $"{f.Works:N0} {(f.Works == 1 ? "work" : "works")}"),
                TagPath(f.Name), Acquisition, f.CreatedAt, count: f.Works)));
    }

    /// <summary>
    /// One page of works as an acquisition feed: the works a listing query answered (<see cref="Search.IWorkSearch"/>,
    /// which applied the access rules, the filters and the viewer's muting and blocklist), paging links, and facet
    /// links each with the number of works it leads to. <paramref name="note"/>, when set, says in the subtitle what
    /// could not be read (an e-reader shows it), so a feed is never silently empty.
    /// </summary>
    public static XElement WorksFeed(AcquisitionFeed feed, string selfPath, IReadOnlyList<Work> works, int total, PageLinks paging,
        IEnumerable<FacetLink> facets, string? note, FeedIds ids, FeedLinks links)
        => Atom.Feed(ids.For(feed.IdName), feed.Title, works.Count == 0 ? feed.Since : works.Max(w => w.UpdatedAt),
            CommonLinks(links, selfPath, Acquisition),
            note is null ? [] : new[] { new XElement(Atom.Ns + "subtitle", Atom.Text(note)) },
            PagingLinks(links, paging),
            new XElement(Atom.OpenSearch + "totalResults", total),
            new XElement(Atom.OpenSearch + "itemsPerPage", Limits.PageSize),
            facets.Select(facet =>
            {
                var link = Atom.Link(Facet, links.To(facet.Path), Acquisition, facet.Title);
                link.Add(new XAttribute(Atom.Opds + "facetGroup", facet.Group), new XAttribute(Atom.Thread + "count", facet.Count));
                if (facet.Active)
                {
                    link.Add(new XAttribute(Atom.Opds + "activeFacet", "true"));
                }
                return link;
            }),
            works.Select(w => WorkEntries.Entry(w, ids, links)));

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

    private static IEnumerable<XElement> PagingLinks(FeedLinks links, PageLinks paging)
    {
        yield return Atom.Link("first", links.To(paging.First), paging.Type);
        if (paging.Previous is { } previous)
        {
            yield return Atom.Link("previous", links.To(previous), paging.Type);
        }
        if (paging.Next is { } next)
        {
            yield return Atom.Link("next", links.To(next), paging.Type);
        }
        yield return Atom.Link("last", links.To(paging.Last), paging.Type);
    }

    private static string PageQuery(int page) => page > 1 ? "?page=" + page.ToString(CultureInfo.InvariantCulture) : "";

    /// <summary>
    /// The OpenSearch description: one template, answered as an acquisition feed by the same search as the works search
    /// page (the archive's query syntax, with the listing filters as further parameters).
    /// </summary>
    public static XElement SearchDescription(FeedLinks links)
    {
        XNamespace os = Atom.OpenSearch;
        return new XElement(os + "OpenSearchDescription",
            new XElement(os + "ShortName", "Makimono"),
            new XElement(os + "Description", "Search the works of this Makimono archive: words, \"phrases\", fandom:\"Name\", words>1000, AND, OR, NOT."),
            new XElement(os + "InputEncoding", "UTF-8"),
            new XElement(os + "OutputEncoding", "UTF-8"),
            new XElement(os + "Url",
                new XAttribute("type", Acquisition),
                new XAttribute("template", links.To(SearchPath) + "?q={searchTerms}")));
    }
}

/// <summary>What an acquisition feed is: its title, where it is served, the name its id is made from, and the date of an empty one.</summary>
public sealed record AcquisitionFeed(string Title, string Path, string IdName, DateTime Since);

/// <summary>A facet link of an acquisition feed: its group and title, where it leads, how many works are there, and whether it is the current choice.</summary>
public sealed record FacetLink(string Group, string Title, string Path, int Count, bool Active);

/// <summary>The paths of a feed's first, previous, next and last pages (previous and next only where there is one).</summary>
public sealed record PageLinks(string First, string? Previous, string? Next, string Last, string Type)
{
    /// <summary>Pages by number: previous from page 2 on, next while a later page holds works.</summary>
    public static PageLinks Numbered(Func<int, string> pathOf, int page, int pages, string type, string? nextPath = null) => new(
        pathOf(1),
        page > 1 ? pathOf(Math.Min(page - 1, pages)) : null,
        page < pages ? nextPath ?? pathOf(page + 1) : null,
        pathOf(pages),
        type);
}
