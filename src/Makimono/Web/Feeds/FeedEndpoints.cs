using System.Security.Cryptography;
using System.Xml.Linq;
using Makimono.Accounts;
using Makimono.Database;
using Makimono.Feeds;
using Makimono.Feeds.Opds;
using Makimono.Tags;
using Makimono.Web.Auth;
using Makimono.Web.WorkListings;
using Makimono.Works;
using Microsoft.EntityFrameworkCore;
using Microsoft.Net.Http.Headers;

namespace Makimono.Web.Feeds;

/// <summary>
/// The Atom feeds and the OPDS catalog, as plain request delegates like the tag autocomplete endpoint. The viewer is the
/// cookie's user, or the app password's (<see cref="AppPasswordAuth"/>), or a guest.
/// </summary>
internal static class FeedEndpoints
{
    /// <summary>
    /// The date of a feed with nothing in it: the time of the answer, since an e-reader shows 1970 from the epoch and
    /// takes an older date for a feed it has already read.
    /// </summary>
    private static DateTime AnswerTime(HttpContext context) =>
        context.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;

    /// <summary>
    /// Maps a feed or download for GET and HEAD: tools poll with HEAD for the validators, and get the GET's status and
    /// headers, the same access rules deciding, without the body.
    /// </summary>
    public static void MapGetAndHead(this WebApplication app, string pattern, RequestDelegate handler) =>
        app.MapMethods(pattern, [HttpMethods.Get, HttpMethods.Head], context =>
        {
            if (HttpMethods.IsHead(context.Request.Method))
            {
                // Kestrel drops a HEAD's body itself, but not every server does; the headers (Content-Length too) stay.
                context.Response.Body = Stream.Null;
            }
            return handler(context);
        });

    public static void MapFeeds(this WebApplication app)
    {
        app.MapGetAndHead("/tags/{name}/works.atom", TagFeedAsync);
        app.MapGetAndHead("/users/{name}/works.atom", UserFeedAsync);
        app.MapGetAndHead("/series/{id:int}/works.atom", SeriesFeedAsync);
        app.MapGetAndHead("/works/{id:int}/chapters.atom", ChaptersFeedAsync);
        app.MapGetAndHead("/account/searches/{id:int}/works.atom", SavedSearchFeedAsync);
        app.MapGetAndHead(Inbox.InboxFeed.Path, InboxFeedAsync);
        app.MapGetAndHead(OpdsCatalog.RootPath, OpdsRootAsync);
        app.MapGetAndHead(OpdsCatalog.RecentPath, OpdsRecentAsync);
        app.MapGetAndHead(OpdsCatalog.FandomsPath, OpdsFandomsAsync);
        app.MapGetAndHead("/opds/tags/{name}", OpdsTagAsync);
        app.MapGetAndHead(OpdsCatalog.MyWorksPath, OpdsMyWorksAsync);
        app.MapGetAndHead(OpdsCatalog.MyBookmarksPath, context => OpdsReaderListAsync(context, "Your bookmarks", OpdsCatalog.MyBookmarksPath, "bookmarks",
            (db, userId) => db.Bookmarks.Where(b => b.UserId == userId && b.WorkId != null).Select(b => b.WorkId!.Value)));
        app.MapGetAndHead(OpdsCatalog.MarkedForLaterPath, context => OpdsReaderListAsync(context, "Marked for later", OpdsCatalog.MarkedForLaterPath, "later",
            (db, userId) => db.ReadingPositions.Where(p => p.UserId == userId && p.MarkedForLater).Select(p => p.WorkId)));
        app.MapGetAndHead(OpdsCatalog.SearchDescriptionPath, OpdsSearchDescriptionAsync);
        app.MapGetAndHead(OpdsCatalog.SearchPath, OpdsSearchAsync);
    }

    private static Task TagFeedAsync(HttpContext context) =>
        AtomAsync(context, async (db, viewer, ids, links, ct) => await WorkFeeds.TagAsync(db, Search(context), viewer,
            await FiltersAsync(context, viewer, ct), Route(context, "name"), ids, links, ct));

    private static Task UserFeedAsync(HttpContext context) =>
        AtomAsync(context, async (db, viewer, ids, links, ct) => await WorkFeeds.UserAsync(db, Search(context), viewer,
            await FiltersAsync(context, viewer, ct), Route(context, "name"), ids, links, ct));

    private static Search.IWorkSearch Search(HttpContext context) => context.RequestServices.GetRequiredService<Search.IWorkSearch>();

    /// <summary>The viewer's muting and blocklist, as their listing pages apply them.</summary>
    private static Task<Search.ViewerFilters> FiltersAsync(HttpContext context, Viewer viewer, CancellationToken ct) =>
        context.RequestServices.GetRequiredService<Listings>().FiltersOfAsync(context, viewer, ct);

    private static Task SeriesFeedAsync(HttpContext context) =>
        AtomAsync(context, (db, viewer, ids, links, ct) => WorkFeeds.SeriesAsync(db, viewer, RouteId(context), ids, links, ct));

    private static Task ChaptersFeedAsync(HttpContext context) =>
        AtomAsync(context, (db, viewer, ids, links, ct) => WorkFeeds.ChaptersAsync(db, viewer, RouteId(context), ids, links, ct));

    /// <summary>
    /// A saved search's feed, for its owner only: signed in by cookie or by an app password over HTTP Basic. Anyone
    /// else gets the 404 of a search that does not exist, so search ids reveal nothing.
    /// </summary>
    private static async Task SavedSearchFeedAsync(HttpContext context)
    {
        if (Viewer.From(context.User).UserId is not int userId)
        {
            await AppPasswordAuth.ChallengeAsync(context, "Sign in with your user name and an app password from your account page.");
            return;
        }
        await AtomAsync(context, async (db, viewer, ids, links, ct) =>
        {
            var id = RouteId(context);
            var saved = await db.SavedSearches.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id && s.UserId == userId, ct);
            if (saved is null)
            {
                return null;
            }
            var listings = context.RequestServices.GetRequiredService<Listings>();
            var query = await listings.QueryOfAsync(saved.Query, viewer, ct);
            return await WorkFeeds.SavedSearchAsync(db, Search(context), saved, query, viewer, await FiltersAsync(context, viewer, ct), ids, links, ct);
        });
    }

    /// <summary>The signed-in user's inbox (cookie or app password); a guest is asked to sign in, as for a saved search.</summary>
    private static async Task InboxFeedAsync(HttpContext context)
    {
        if (Viewer.From(context.User).UserId is not int userId)
        {
            await AppPasswordAuth.ChallengeAsync(context, "Sign in with your user name and an app password from your account page.");
            return;
        }
        await AtomAsync(context, async (db, viewer, ids, links, ct) =>
            await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == userId, ct) is { } owner
                ? await Inbox.InboxFeed.BuildAsync(db, viewer, owner, ids, links, ct)
                : null);
    }

    private static Task OpdsRootAsync(HttpContext context) =>
        OpdsAsync(context, OpdsCatalog.Navigation, async (db, viewer, ids, links, ct) =>
        {
            var updated = await db.Works.VisibleTo(viewer).MaxAsync(w => (DateTime?)w.UpdatedAt, ct) ?? AnswerTime(context);
            return OpdsCatalog.Root(viewer, updated, ids, links);
        });

    private static Task OpdsRecentAsync(HttpContext context) =>
        OpdsAsync(context, OpdsCatalog.Acquisition, async (db, viewer, ids, links, ct) =>
            await OpdsListings.FeedAsync(context, db, viewer, new Search.WorkQuery(),
                new AcquisitionFeed("Recent works", OpdsCatalog.RecentPath, "opds/recent", AnswerTime(context)), ids, links, ct));

    private static Task OpdsFandomsAsync(HttpContext context) =>
        OpdsAsync(context, OpdsCatalog.Navigation, async (db, viewer, ids, links, ct) =>
            await OpdsCatalog.FandomsAsync(db, viewer, Page(context), ids, links, ct));

    private static Task OpdsTagAsync(HttpContext context) =>
        OpdsAsync(context, OpdsCatalog.Acquisition, async (db, viewer, ids, links, ct) =>
        {
            var normalized = TagName.Normalize(TagUrl.FromSegment(Route(context, "name")));
            var tag = await db.Tags.KnownTo(db, viewer).Include(t => t.Merger).FirstOrDefaultAsync(t => t.NormalizedName == normalized, ct);
            if (tag is null)
            {
                return null;
            }
            var canonical = tag.Merger ?? tag;
            return await OpdsListings.FeedAsync(context, db, viewer, new Search.WorkQuery { IncludeTagIds = [canonical.Id] },
                new AcquisitionFeed(canonical.Name, OpdsCatalog.TagPath(canonical.Name), $"opds/tags/{canonical.Id}", canonical.CreatedAt), ids, links, ct);
        });

    private static async Task OpdsMyWorksAsync(HttpContext context)
    {
        if (Viewer.From(context.User).UserId is not int userId)
        {
            await AppPasswordAuth.ChallengeAsync(context, "Sign in with your user name and an app password from your account page.");
            return;
        }
        await OpdsAsync(context, OpdsCatalog.Acquisition, async (db, viewer, ids, links, ct) =>
            await OpdsListings.FeedAsync(context, db, viewer, new Search.WorkQuery { CreatorUserId = userId },
                new AcquisitionFeed("Your works", OpdsCatalog.MyWorksPath, $"opds/users/{userId}/works", AnswerTime(context)), ids, links, ct));
    }

    /// <summary>A signed-in reader's own list of works (bookmarks, marked for later), each work still through the access rules.</summary>
    private static async Task OpdsReaderListAsync(HttpContext context, string title, string path, string idSuffix,
        Func<Database.ArchiveDbContext, int, IQueryable<int>> workIds)
    {
        if (Viewer.From(context.User).UserId is not int userId)
        {
            await AppPasswordAuth.ChallengeAsync(context, "Sign in with your user name and an app password from your account page.");
            return;
        }
        await OpdsAsync(context, OpdsCatalog.Acquisition, async (db, viewer, ids, links, ct) =>
        {
            var listed = await workIds(db, userId).Distinct().ToListAsync(ct);
            return await OpdsListings.FeedAsync(context, db, viewer, new Search.WorkQuery { WorkIds = listed },
                new AcquisitionFeed(title, path, $"opds/users/{userId}/{idSuffix}", AnswerTime(context)), ids, links, ct);
        });
    }

    private static async Task OpdsSearchDescriptionAsync(HttpContext context)
    {
        context.Response.ContentType = OpdsCatalog.OpenSearchDescription + "; charset=utf-8";
        await context.Response.Body.WriteAsync(Atom.Serialize(OpdsCatalog.SearchDescription(LinksOf(context))), context.RequestAborted);
    }

    private static Task OpdsSearchAsync(HttpContext context) =>
        OpdsAsync(context, OpdsCatalog.Acquisition, async (db, viewer, ids, links, ct) =>
        {
            // The words are the listing's q, read with the rest of the filters; the feed's title and id name them.
            var terms = (context.Request.Query["q"].FirstOrDefault() ?? "").Trim();
            return await OpdsListings.FeedAsync(context, db, viewer, new Search.WorkQuery(),
                new AcquisitionFeed(terms.Length == 0 ? "Search" : $"Search: {terms}", OpdsCatalog.SearchPath, "opds/search?q=" + terms, AnswerTime(context)),
                ids, links, ct);
        });

    private delegate Task<XElement?> FeedBuilder(ArchiveDbContext db, Viewer viewer, FeedIds ids, FeedLinks links, CancellationToken ct);

    private static Task AtomAsync(HttpContext context, FeedBuilder build) => WriteAsync(context, Atom.ContentType, build);

    private static Task OpdsAsync(HttpContext context, string kind, FeedBuilder build) => WriteAsync(context, kind + "; charset=utf-8", build);

    private static async Task WriteAsync(HttpContext context, string contentType, FeedBuilder build)
    {
        var db = context.RequestServices.GetRequiredService<ArchiveDbContext>();
        var viewer = Viewer.From(context.User);
        var ids = await FeedIds.LoadAsync(db, context.RequestAborted);
        var feed = await build(db, viewer, ids, LinksOf(context), context.RequestAborted);
        if (feed is null)
        {
            // The same 404 as the page the feed follows, for something that does not exist or that the viewer may not see.
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }
        // What a feed shows depends on who asks, so no shared cache may keep one reader's copy for another.
        context.Response.Headers.CacheControl = viewer.IsLoggedIn ? "private, no-cache" : "no-cache";
        context.Response.Headers.Vary = "Authorization, Cookie";
        // Feed readers poll: an unchanged feed answers 304 on its ETag (a hash of what this reader would get).
        var bytes = Atom.Serialize(feed);
        var etag = new EntityTagHeaderValue("\"" + Convert.ToHexString(SHA256.HashData(bytes))[..32] + "\"");
        context.Response.GetTypedHeaders().ETag = etag;
        if (context.Request.GetTypedHeaders().IfNoneMatch is { Count: > 0 } tags && tags.Any(t => t.Compare(etag, useStrongComparison: false)))
        {
            context.Response.StatusCode = StatusCodes.Status304NotModified;
            return;
        }
        context.Response.ContentType = contentType;
        await context.Response.Body.WriteAsync(bytes, context.RequestAborted);
    }

    private static FeedLinks LinksOf(HttpContext context) =>
        new($"{context.Request.Scheme}://{context.Request.Host}{context.Request.PathBase}");

    private static string Route(HttpContext context, string key) => context.Request.RouteValues[key]?.ToString() ?? "";

    private static int RouteId(HttpContext context) =>
        int.TryParse(Route(context, "id"), System.Globalization.CultureInfo.InvariantCulture, out var id) ? id : 0;

    private static int Page(HttpContext context) =>
        int.TryParse(context.Request.Query["page"].FirstOrDefault(), System.Globalization.CultureInfo.InvariantCulture, out var page) ? Math.Clamp(page, 1, 100_000) : 1;
}
