using Makimono.Accounts;
using Makimono.Database;
using Makimono.Search;
using Makimono.Tags;
using Makimono.Works;
using Microsoft.EntityFrameworkCore;

namespace Makimono.Web.WorkListings;

/// <summary>What a listing page shows: the page of blurbs, the answer it came from, and what the sidebar needs.</summary>
public sealed record ListingView(
    Page<Work> Page,
    WorkQueryResult Result,
    WorkFilterForm Form,
    IReadOnlyDictionary<int, Tag> Tags,
    IReadOnlyDictionary<int, IReadOnlyList<string>> HiddenBecause,
    bool HasViewerFilters,
    string Path)
{
    public string Url(Action<Dictionary<string, List<string>>>? change = null) =>
        Form.ToQueryString(change) is { Length: > 0 } query ? $"{Path}?{query}" : Path;
}

/// <summary>
/// Every listing page's path: the GET filter state and the page's scope become one <see cref="WorkQuery"/>, the
/// viewer's muting and blocklist (database for users, cookie for guests) apply, <see cref="IWorkSearch"/> answers,
/// and the blurbs are loaded by id.
/// </summary>
public sealed class Listings(ArchiveDbContext db, IWorkSearch search) : Inbox.ISavedSearchQueries
{
    public static readonly IReadOnlyList<TagType> AllTypes = Enum.GetValues<TagType>();

    public async Task<ViewerFilters> FiltersOfAsync(HttpContext http, Viewer viewer, CancellationToken ct) =>
        viewer.UserId is int userId ? await ViewerPreferences.LoadAsync(db, userId, ct) : GuestFilterCookie.Read(http.Request);

    /// <summary>A saved search's query string as the query the search page would run.</summary>
    public async Task<WorkQuery> QueryOfAsync(string queryString, Viewer viewer, CancellationToken ct)
    {
        var form = WorkFilterForm.Parse(new QueryCollection(Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(queryString)));
        var (include, exclude) = await TagsOfAsync(form, viewer, ct);
        return form.ToQuery(new WorkQuery(), include, exclude);
    }

    private async Task<(List<int> Include, List<int> Exclude)> TagsOfAsync(WorkFilterForm form, Viewer viewer, CancellationToken ct)
    {
        var known = db.Tags.KnownTo(db, viewer);
        var include = form.Include.Concat(await ResolveAsync(known, form.IncludeNames, form.Problems, ct)).ToList();
        var exclude = form.Exclude.Concat(await ResolveAsync(known, form.ExcludeNames, form.Problems, ct)).ToList();
        return (include, exclude);
    }

    /// <param name="pageFilters">The page's own filter parameters (<see cref="WorkFilterForm.PageFilters"/>), kept in its links.</param>
    public async Task<ListingView> RunAsync(HttpContext http, Viewer viewer, WorkQuery scope, bool facets, CancellationToken ct,
        IReadOnlyList<string>? pageFilters = null)
    {
        var form = WorkFilterForm.Parse(http.Request.Query, pageFilters);
        var known = db.Tags.KnownTo(db, viewer);
        var (include, exclude) = await TagsOfAsync(form, viewer, ct);
        var query = form.ToQuery(scope, include, exclude) with { FacetTypes = facets ? AllTypes : [] };
        var filters = await FiltersOfAsync(http, viewer, ct);
        var result = await search.FindAsync(query, viewer, form.ShowHidden ? ViewerFilters.None : filters, ct);
        var works = await WorkListing.LoadBlurbsAsync(db, result.WorkIds, ct);
        var tagIds = result.Facets.Values.SelectMany(f => f).Select(f => f.TagId).Concat(include).Concat(exclude).ToHashSet();
        var tags = await known.Where(t => tagIds.Contains(t.Id)).ToDictionaryAsync(t => t.Id, ct);
        var hiddenBecause = form.ShowHidden ? await WhyHiddenAsync(works, filters, ct) : new Dictionary<int, IReadOnlyList<string>>();
        return new ListingView(new Page<Work>(works, Math.Max(1, query.Page), result.Total), result, form, tags, hiddenBecause,
            filters.MutedUserIds.Count + filters.BlockedTagIds.Count > 0, http.Request.Path);
    }

    /// <summary>For each listed work the viewer's filters would take out, the reasons: a muted creator, a blocked tag.</summary>
    private async Task<Dictionary<int, IReadOnlyList<string>>> WhyHiddenAsync(IReadOnlyList<Work> works, ViewerFilters filters, CancellationToken ct)
    {
        var ids = works.Select(w => w.Id).ToList();
        var blocked = filters.BlockedTagIds.ToList();
        var blockedOn = (await db.WorkFilterTags.Where(f => ids.Contains(f.WorkId) && blocked.Contains(f.TagId))
            .Select(f => new { f.WorkId, f.Tag.Name }).ToListAsync(ct)).ToLookup(f => f.WorkId, f => f.Name);
        var reasons = new Dictionary<int, IReadOnlyList<string>>();
        foreach (var work in works)
        {
            var why = work.Creators.Where(c => filters.MutedUserIds.Contains(c.Pseud.UserId))
                .Select(c => $"you muted {c.Pseud.User.UserName}").Distinct()
                .Concat(blockedOn[work.Id].Order(StringComparer.Ordinal).Select(name => $"you blocked the tag {name}"))
                .ToList();
            if (why.Count > 0)
            {
                reasons[work.Id] = why;
            }
        }
        return reasons;
    }

    /// <summary>Typed names, comma-separated, as filter tags (a synonym as its canonical tag); unknown names are problems.</summary>
    private static async Task<List<int>> ResolveAsync(IQueryable<Tag> known, string? names, List<string> problems, CancellationToken ct)
    {
        var ids = new List<int>();
        foreach (var name in (names ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (await ViewerPreferences.FilterTagForAsync(known, name, ct) is { } tag)
            {
                ids.Add(tag.Id);
            }
            else
            {
                problems.Add($"No tag is named \"{name}\"; it is left out of the filters.");
            }
        }
        return ids;
    }
}

/// <summary>Changes the viewer's muting and blocklist: in the database for users, in the cookie for guests.</summary>
public sealed class ViewerFilterSettings(ArchiveDbContext db, TimeProvider clock, Listings listings)
{
    public async Task SetMutedAsync(HttpContext http, Viewer viewer, int userId, bool mute, CancellationToken ct)
    {
        if (viewer.UserId is int me)
        {
            await ViewerPreferences.SetMutedAsync(db, clock, me, userId, mute, ct);
            return;
        }
        var current = await listings.FiltersOfAsync(http, viewer, ct);
        var muted = current.MutedUserIds.ToHashSet();
        _ = mute ? muted.Add(userId) : muted.Remove(userId);
        GuestFilterCookie.Write(http.Response, current with { MutedUserIds = muted });
    }

    public async Task SetBlockedAsync(HttpContext http, Viewer viewer, int tagId, bool block, CancellationToken ct)
    {
        if (viewer.UserId is int me)
        {
            await ViewerPreferences.SetBlockedAsync(db, clock, me, tagId, block, ct);
            return;
        }
        var current = await listings.FiltersOfAsync(http, viewer, ct);
        var blocked = current.BlockedTagIds.ToHashSet();
        _ = block ? blocked.Add(tagId) : blocked.Remove(tagId);
        GuestFilterCookie.Write(http.Response, current with { BlockedTagIds = blocked });
    }
}
