using Makimono.Accounts;
using Makimono.Database;
using Makimono.Tags;
using Makimono.Works;
using Microsoft.EntityFrameworkCore;

namespace Makimono.Search;

/// <summary>
/// Answers a <see cref="WorkQuery"/> with EF over the database: the answer while the search index rebuilds, and the
/// reference the index is checked against. <see cref="WorkQuery.Text"/> is read in the index's syntax and matched as
/// substrings of the same fields (<see cref="DatabaseTextMatch"/> says what still differs: no stemming, no chapter text
/// for bare words, no relevance; best match orders as date updated).
/// <see cref="WorkQuery.After"/> pages by the sort key and id (search-after); without it pages are offsets.
/// </summary>
public sealed class DatabaseWorkSearch(ArchiveDbContext db) : IWorkSearch
{
    public async Task<WorkQueryResult> FindAsync(WorkQuery query, Viewer viewer, ViewerFilters filters, CancellationToken ct)
    {
        if (ParsedText(query.Text, out var textError) is null && textError is not null)
        {
            return new WorkQueryResult([], 0, new Dictionary<TagType, IReadOnlyList<FacetCount>>(), null, 0) { TextError = textError };
        }
        var matching = Matching(db.Works.VisibleTo(viewer), query);
        var kept = WithoutFiltered(matching, filters);
        var total = await kept.CountAsync(ct);
        var hidden = filters.MutedUserIds.Count + filters.BlockedTagIds.Count == 0 ? 0 : await matching.CountAsync(ct) - total;
        var ordered = Ordered(kept, query.Sort, query.Descending);
        var cursor = WorkCursor.Parse(query.After, query.Sort, query.Descending);
        // One work past the page says whether there is a next page: a full last page has no cursor to an empty one.
        var ids = await (cursor is null
                ? ordered.Skip(query.Offset)
                : ordered.Where(WorkCursor.After(query.Sort, query.Descending, cursor)))
            .Take(WorkQuery.PageSize + 1).Select(w => w.Id).ToListAsync(ct);
        var hasMore = ids.Count > WorkQuery.PageSize;
        if (hasMore)
        {
            ids.RemoveAt(ids.Count - 1);
        }
        var facets = query.FacetTypes.Count == 0
            ? new Dictionary<TagType, IReadOnlyList<FacetCount>>()
            : await FacetsAsync(kept, query.FacetTypes, ct);
        var next = hasMore ? await WorkCursor.OfAsync(db, query.Sort, query.Descending, ids[^1], ct) : null;
        return new WorkQueryResult(ids, total, facets, next, hidden);
    }

    /// <summary>Every filter of the query except the viewer's own.</summary>
    public static IQueryable<Work> Matching(IQueryable<Work> works, WorkQuery query)
    {
        foreach (var tagId in query.IncludeTagIds.Distinct())
        {
            works = works.Where(w => w.Filters.Any(f => f.TagId == tagId));
        }
        if (query.ExcludeTagIds.Count > 0)
        {
            var excluded = query.ExcludeTagIds.ToList();
            works = works.Where(w => !w.Filters.Any(f => excluded.Contains(f.TagId)));
        }
        works = query.Crossovers switch
        {
            CrossoverFilter.Exclude => works.Where(w => !w.IsCrossover),
            CrossoverFilter.Only => works.Where(w => w.IsCrossover),
            _ => works,
        };
        works = query.Completion switch
        {
            CompletionFilter.Complete => works.Where(w => w.IsComplete),
            CompletionFilter.InProgress => works.Where(w => !w.IsComplete),
            _ => works,
        };
        if (query.SingleChapterOnly)
        {
            works = works.Where(w => w.ExpectedChapters == 1);
        }
        if (!string.IsNullOrWhiteSpace(query.Language))
        {
            var language = query.Language.Trim();
            works = works.Where(w => w.Language == language);
        }
        works = InRange(works, query.Words, w => w.WordCount);
        works = InRange(works, query.Kudos, w => w.KudosCount);
        works = InRange(works, query.Hits, w => w.HitCount);
        works = InRange(works, query.Comments, w => w.CommentCount);
        works = InRange(works, query.Bookmarks, w => w.BookmarkCount);
        if (query.Posted.Min is DateOnly postedFrom)
        {
            works = works.Where(w => w.PublishedOn >= postedFrom);
        }
        if (query.Posted.Max is DateOnly postedTo)
        {
            works = works.Where(w => w.PublishedOn <= postedTo);
        }
        if (query.Updated.Min is DateOnly updatedFrom)
        {
            var from = updatedFrom.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            works = works.Where(w => w.UpdatedAt >= from);
        }
        if (query.Updated.Max is DateOnly updatedTo)
        {
            var before = updatedTo.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            works = works.Where(w => w.UpdatedAt < before);
        }
        if (query.CreatorUserId is int userId)
        {
            works = works.Where(w => w.Creators.Any(c => c.Accepted && c.Pseud.UserId == userId));
        }
        if (query.CreatorPseudId is int pseudId)
        {
            works = works.Where(w => w.Creators.Any(c => c.Accepted && c.PseudId == pseudId));
        }
        if (query.SeriesId is int seriesId)
        {
            works = works.Where(w => w.Series.Any(s => s.SeriesId == seriesId));
        }
        if (query.WorkIds is { } scope)
        {
            var ids = scope.ToList();
            works = works.Where(w => ids.Contains(w.Id));
        }
        if (ParsedText(query.Text, out _) is { } text)
        {
            works = works.Where(DatabaseTextMatch.Of(text));
        }
        else if (!string.IsNullOrWhiteSpace(query.Text))
        {
            // A text that cannot be read matches nothing, as in the index; FindAsync says why.
            works = works.Where(_ => false);
        }
        return works;
    }

    /// <summary>Takes out muted users' works (any accepted creator muted) and works carrying a blocked filter tag.</summary>
    public static IQueryable<Work> WithoutFiltered(IQueryable<Work> works, ViewerFilters filters)
    {
        if (filters.MutedUserIds.Count > 0)
        {
            var muted = filters.MutedUserIds.ToList();
            works = works.Where(w => !w.Creators.Any(c => c.Accepted && muted.Contains(c.Pseud.UserId)));
        }
        if (filters.BlockedTagIds.Count > 0)
        {
            var blocked = filters.BlockedTagIds.ToList();
            works = works.Where(w => !w.Filters.Any(f => blocked.Contains(f.TagId)));
        }
        return works;
    }

    /// <summary>Each sort, then the id in the same direction, so equal keys keep one order on every page.</summary>
    public static IQueryable<Work> Ordered(IQueryable<Work> works, WorkSort sort, bool descending)
    {
        var key = WorkCursor.KeyOf(sort);
        var ordered = (IOrderedQueryable<Work>)works.Provider.CreateQuery<Work>(System.Linq.Expressions.Expression.Call(
            typeof(Queryable), descending ? nameof(Queryable.OrderByDescending) : nameof(Queryable.OrderBy),
            [typeof(Work), key.ReturnType], works.Expression, System.Linq.Expressions.Expression.Quote(key)));
        return descending ? ordered.ThenByDescending(w => w.Id) : ordered.ThenBy(w => w.Id);
    }

    private static IQueryable<Work> InRange(IQueryable<Work> works, Range<int> range, System.Linq.Expressions.Expression<Func<Work, int>> value)
    {
        if (range.Min is int min)
        {
            works = works.Where(Compare(value, min, atLeast: true));
        }
        if (range.Max is int max)
        {
            works = works.Where(Compare(value, max, atLeast: false));
        }
        return works;
    }

    private static System.Linq.Expressions.Expression<Func<Work, bool>> Compare(
        System.Linq.Expressions.Expression<Func<Work, int>> value, int bound, bool atLeast)
    {
        var body = atLeast
            ? System.Linq.Expressions.Expression.GreaterThanOrEqual(value.Body, System.Linq.Expressions.Expression.Constant(bound))
            : System.Linq.Expressions.Expression.LessThanOrEqual(value.Body, System.Linq.Expressions.Expression.Constant(bound));
        return System.Linq.Expressions.Expression.Lambda<Func<Work, bool>>(body, value.Parameters);
    }

    /// <summary>The top tags of each asked type among the works, by count, then by id so ties keep one order.</summary>
    private async Task<Dictionary<TagType, IReadOnlyList<FacetCount>>> FacetsAsync(
        IQueryable<Work> works, IReadOnlyList<TagType> types, CancellationToken ct)
    {
        var ids = works.Select(w => w.Id);
        var wanted = types.Distinct().ToList();
        var counts = await db.WorkFilterTags
            .Where(f => ids.Contains(f.WorkId) && wanted.Contains(f.Tag.Type))
            .GroupBy(f => new { f.TagId, f.Tag.Type })
            .Select(g => new { g.Key.TagId, g.Key.Type, Count = g.Count() })
            .ToListAsync(ct);
        return wanted.ToDictionary(type => type, type => (IReadOnlyList<FacetCount>)counts.Where(c => c.Type == type)
            .OrderByDescending(c => c.Count).ThenBy(c => c.TagId).Take(WorkQuery.FacetSize)
            .Select(c => new FacetCount(c.TagId, c.Count)).ToList());
    }

    private static Text.QueryNode? ParsedText(string? text, out QueryTextError? error)
    {
        error = null;
        try
        {
            return Text.QueryParser.Parse(text);
        }
        catch (Text.QueryTextException problem)
        {
            error = new QueryTextError(problem.Message, problem.Position, problem.Suggestion);
            return null;
        }
    }
}
