using System.Globalization;
using System.Xml.Linq;
using Makimono.Accounts;
using Makimono.Database;
using Makimono.Feeds;
using Makimono.Feeds.Opds;
using Makimono.Search;
using Makimono.Tags;
using Makimono.Web.WorkListings;
using Makimono.Works;
using Microsoft.Extensions.Primitives;

namespace Makimono.Web.Feeds;

/// <summary>
/// The OPDS acquisition feeds as listings: the request's GET parameters are the listing's own (<see cref="WorkFilterForm"/>,
/// read by <see cref="Listings"/>), so a feed takes every filter, sort and search-after cursor a listing page takes,
/// and <see cref="IWorkSearch"/> answers it with the access rules and the viewer's muting and blocklist. The facets
/// are links that change those parameters, each counted by running the query its own link asks.
/// </summary>
internal static class OpdsListings
{
    /// <param name="RatingId">For the rating group: the rating chosen (null: any rating).</param>
    private sealed record Choice(string Group, string Title, Action<Dictionary<string, List<string>>> Change, bool Active, int? RatingId = null);

    private const string RatingGroup = "Rating";

    /// <param name="OldKey">The range's value of the <c>words</c> parameter the catalog's links used before they were listings.</param>
    private static readonly (string Title, int? Min, int? Max, string OldKey)[] WordRanges =
    [
        ("Under 1,000 words", null, 999, "under-1000"),
        ("1,000 to 10,000 words", 1000, 9999, "1000-10000"),
        ("10,000 to 50,000 words", 10000, 49999, "10000-50000"),
        ("Over 50,000 words", 50000, null, "over-50000"),
    ];

    public static async Task<XElement> FeedAsync(HttpContext http, ArchiveDbContext db, Viewer viewer, WorkQuery scope, AcquisitionFeed feed,
        FeedIds ids, FeedLinks links, CancellationToken ct)
    {
        var listings = http.RequestServices.GetRequiredService<Listings>();
        var search = http.RequestServices.GetRequiredService<IWorkSearch>();
        var (form, query) = await listings.QueryOfAsync(WithCurrentFacets(http.Request.Query), viewer, scope, ct);
        var saved = await listings.FiltersOfAsync(http, viewer, ct);
        var filters = form.ShowHidden ? ViewerFilters.None : saved;
        var result = await search.FindAsync(query, viewer, filters, ct);
        var works = await WorkFeeds.EntriesAsync(db, viewer, result.WorkIds, ct);

        string PathOf(Action<Dictionary<string, List<string>>> change) =>
            form.ToQueryString(change) is { Length: > 0 } q ? $"{feed.Path}?{q}" : feed.Path;
        Action<Dictionary<string, List<string>>> ToPage(int page, string? after = null) => q =>
        {
            q.Remove("after");
            q.Remove("page");
            if (page > 1)
            {
                q["page"] = [page.ToString(CultureInfo.InvariantCulture)];
            }
            if (after is not null)
            {
                q["after"] = [after];
            }
        };
        var number = Math.Max(1, form.Page);
        var pages = Math.Max(1, (result.Total + Limits.PageSize - 1) / Limits.PageSize);
        var paging = PageLinks.Numbered(p => PathOf(ToPage(p)), number, pages, OpdsCatalog.Acquisition,
            nextPath: result.NextAfter is { } next ? PathOf(ToPage(number + 1, next)) : null);

        // Each facet leads to page 1 of its choice and counts the works that page's query finds.
        var choices = Choices(form).Select(c => (Choice: c, Path: PathOf(q => { ToPage(1)(q); c.Change(q); }))).ToList();
        async Task<WorkQueryResult> FindAtAsync(string path, IReadOnlyList<TagType> facetTypes)
        {
            var parameters = Listings.Parameters(path.Contains('?', StringComparison.Ordinal) ? path[(path.IndexOf('?', StringComparison.Ordinal) + 1)..] : "");
            var (_, asked) = await listings.QueryOfAsync(parameters, viewer, scope, ct);
            return await search.FindAsync(asked with { FacetTypes = facetTypes }, viewer, filters, ct);
        }
        var counted = new Dictionary<string, int> { [PathOf(ToPage(1))] = result.Total };
        // A rating's link asks "any rating" and that rating, so one query's rating facet counts give the whole group.
        var anyRating = choices.First(c => c.Choice.Group == RatingGroup && c.Choice.RatingId is null).Path;
        var byRating = await FindAtAsync(anyRating, [TagType.Rating]);
        counted[anyRating] = byRating.Total;
        foreach (var (choice, path) in choices.Where(c => c.Choice.RatingId is not null))
        {
            counted[path] = byRating.Facets.GetValueOrDefault(TagType.Rating)?.FirstOrDefault(f => f.TagId == choice.RatingId)?.Count ?? 0;
        }
        var facets = new List<FacetLink>();
        foreach (var (choice, path) in choices)
        {
            if (!counted.TryGetValue(path, out var count))
            {
                count = counted[path] = (await FindAtAsync(path, [])).Total;
            }
            facets.Add(new FacetLink(choice.Group, choice.Title, path, count, choice.Active));
        }
        return OpdsCatalog.WorksFeed(feed, PathOf(_ => { }), works, result.Total, paging, facets, NoteOf(form, result), ids, links);
    }

    /// <summary>Rating, status and length, each with "any"; the other groups' choices and every other parameter stay.</summary>
    private static IEnumerable<Choice> Choices(WorkFilterForm form)
    {
        var ratings = FixedTags.Ratings.Select(r => r.Id).ToHashSet();
        Action<Dictionary<string, List<string>>> Rating(int? id) => q =>
        {
            var kept = (q.GetValueOrDefault("inc") ?? []).Where(v => !int.TryParse(v, CultureInfo.InvariantCulture, out var tag) || !ratings.Contains(tag)).ToList();
            if (id is int chosen)
            {
                kept.Add(chosen.ToString(CultureInfo.InvariantCulture));
            }
            q["inc"] = kept;
        };
        yield return new Choice(RatingGroup, "Any rating", Rating(null), !form.Include.Any(ratings.Contains));
        foreach (var rating in FixedTags.Ratings)
        {
            yield return new Choice(RatingGroup, rating.Name, Rating(rating.Id), form.Include.Contains(rating.Id), rating.Id);
        }
        foreach (var (completion, title) in new[] { (CompletionFilter.Any, "Complete or in progress"), (CompletionFilter.Complete, "Complete"), (CompletionFilter.InProgress, "In progress") })
        {
            yield return new Choice("Status", title, q =>
            {
                q.Remove("complete");
                if (WorkFilterForm.CompletionValue(completion) is { } value)
                {
                    q["complete"] = [value];
                }
            }, form.Completion == completion);
        }
        var (min, max) = (form.Ranges.GetValueOrDefault("words_min"), form.Ranges.GetValueOrDefault("words_max"));
        Action<Dictionary<string, List<string>>> Words(int? from, int? to) => q =>
        {
            q.Remove("words_min");
            q.Remove("words_max");
            if (from is int a)
            {
                q["words_min"] = [a.ToString(CultureInfo.InvariantCulture)];
            }
            if (to is int b)
            {
                q["words_max"] = [b.ToString(CultureInfo.InvariantCulture)];
            }
        };
        yield return new Choice("Words", "Any length", Words(null, null), min is null && max is null);
        foreach (var (title, from, to, _) in WordRanges)
        {
            yield return new Choice("Words", title, Words(from, to),
                min == from?.ToString(CultureInfo.InvariantCulture) && max == to?.ToString(CultureInfo.InvariantCulture));
        }
    }

    /// <summary>
    /// A link saved from the catalog before its feeds were listings (<c>rating=2</c>, <c>complete=yes</c>,
    /// <c>words=under-1000</c>) read as the parameters its facets set now (<c>inc=2</c>, <c>complete=1</c>,
    /// <c>words_max=999</c>), so it still narrows; the feed's own links are then written in the current parameters.
    /// A value those links never had narrows nothing, as it did then.
    /// </summary>
    internal static IQueryCollection WithCurrentFacets(IQueryCollection query)
    {
        if (!query.ContainsKey("rating") && !query.ContainsKey("words") && query["complete"] is not ["yes"] and not ["no"])
        {
            return query;
        }
        var current = query.ToDictionary(p => p.Key, p => p.Value);
        if (current.Remove("rating", out var rating)
            && int.TryParse(rating.ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var ratingId)
            && FixedTags.Ratings.Any(r => r.Id == ratingId))
        {
            current["inc"] = StringValues.Concat(current.GetValueOrDefault("inc"), ratingId.ToString(CultureInfo.InvariantCulture));
        }
        if (query["complete"] is [var complete and ("yes" or "no")])
        {
            current["complete"] = WorkFilterForm.CompletionValue(complete == "yes" ? CompletionFilter.Complete : CompletionFilter.InProgress);
        }
        if (current.Remove("words", out var words) && WordRanges.FirstOrDefault(w => w.OldKey == words.ToString()) is { OldKey: not null } range
            && !current.ContainsKey("words_min") && !current.ContainsKey("words_max"))
        {
            if (range.Min is int min)
            {
                current["words_min"] = min.ToString(CultureInfo.InvariantCulture);
            }
            if (range.Max is int max)
            {
                current["words_max"] = max.ToString(CultureInfo.InvariantCulture);
            }
        }
        return new QueryCollection(current);
    }

    /// <summary>What could not be read, for the feed's subtitle; null when everything was.</summary>
    private static string? NoteOf(WorkFilterForm form, WorkQueryResult result)
    {
        var notes = new List<string>(form.Problems);
        if (result.TextError is { } error)
        {
            notes.Add($"This search could not be read, so it was not run: {error.Message} Try searching for {error.Suggestion} instead.");
        }
        return notes.Count == 0 ? null : string.Join(" ", notes);
    }
}
