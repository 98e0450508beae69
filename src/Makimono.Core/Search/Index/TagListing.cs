using System.Buffers;
using Makimono.Tags;
using Makimono.Works;

namespace Makimono.Search.Index;

/// <summary>
/// The plain tag page of a large tag (one tag, no other filter, no muting or blocklist), the most viewed listing, and
/// likewise the plain listing of every work (the home page): its
/// total and facet counts come from the tag's <see cref="TagSummaries"/> and its page from the tag's works already in
/// order (<see cref="TagOrders"/>), so a view costs the page it shows, not the tag's 200,000 works. Anything else,
/// including a viewer whose own drafts or hidden works carry the tag, goes the general way (<see cref="ColumnSearch"/>),
/// which gives the same answer.
/// </summary>
internal static class TagListing
{
    public static WorkQueryResult? TryRun(WorkColumns c, WorkQuery q, AccessFilter access, ViewerFilters viewer, TextHits? text,
        IReadOnlyList<TagPostings> includes, TagPostings[] excludes, TagPostings[] blocked)
    {
        if (includes.Count > 1 || excludes.Length > 0 || blocked.Length > 0 || viewer.MutedUserIds.Count > 0 || text is not null
            || q.Crossovers != CrossoverFilter.Include || q.Completion != CompletionFilter.Any || q.SingleChapterOnly || !string.IsNullOrEmpty(q.Language)
            || q.Words != default || q.Kudos != default || q.Hits != default || q.Comments != default || q.Bookmarks != default
            || q.Posted != default || q.Updated != default
            || q.CreatorUserId is not null || q.CreatorPseudId is not null || q.SeriesId is not null || q.WorkIds is not null)
        {
            return null;
        }
        // No tag: every work, as the home page lists them.
        var postings = includes.Count == 1 ? includes[0] : null;
        if ((postings?.Count ?? c.Count) < c.TagListingMinWorks)
        {
            return null;
        }
        var accessClass = TagSummaries.ClassOf(access.HiddenAllowed, access.RestrictedAllowed);
        if (access.CreatorUserId is int userId)
        {
            // The viewer's own works they see beyond their class (drafts; hidden works for a user) are not in the summary.
            foreach (var slot in c.SlotsOfUser(userId))
            {
                if ((c.Flags[slot] & WorkColumns.WorkFlags.Live) != 0 && !TagSummaries.Visible(c.Flags[slot], accessClass) && (postings?.Contains(slot) ?? true))
                {
                    return null;
                }
            }
        }
        var tag = postings is null ? TagSummaries.AllWorks : q.IncludeTagIds[0];
        var summary = c.Summaries.Get(tag, postings, accessClass);
        var facets = q.FacetTypes.Count > 0
            ? c.Summaries.Facets(summary, q.FacetTypes)
            : new Dictionary<TagType, IReadOnlyList<FacetCount>>();

        var order = new SortOrder(c, q.Sort, q.Descending, null);
        var cursor = q.After is { } after ? order.Read(after) : null;
        var isAfter = cursor is null ? null : order.After(cursor);
        var skip = cursor is null ? q.Offset : 0;
        if (cursor is null && skip >= summary.Total)
        {
            return new WorkQueryResult([], summary.Total, facets, null, 0);
        }
        var keep = skip + WorkQuery.PageSize;
        var page = Page(c, postings, c.Orders.Get(tag, postings, order), order, accessClass, isAfter, keep + 1);
        var shown = new List<int>(Math.Max(0, Math.Min(page.Count, keep) - skip));
        for (var i = skip; i < Math.Min(page.Count, keep); i++)
        {
            shown.Add(c.WorkId[page[i]]);
        }
        var hasMore = page.Count > keep;
        return new WorkQueryResult(shown, summary.Total, facets,
            hasMore && shown.Count > 0 ? order.CursorOf(page[keep - 1]) : null, 0);
    }

    /// <summary>
    /// The first <paramref name="count"/> works of the tag in the order: read off the ordered list (skipping works
    /// changed since it was built), merged with the changed works, ordered here.
    /// </summary>
    private static List<int> Page(WorkColumns c, TagPostings? postings, int[] ordered, SortOrder order, int accessClass,
        Func<int, bool>? isAfter, int count)
    {
        bool Shown(int slot) => TagSummaries.Visible(c.Flags[slot], accessClass) && (postings?.Contains(slot) ?? true) && (isAfter is null || isAfter(slot));

        var listed = ArrayPool<int>.Shared.Rent(count);
        var found = 0;
        var step = order.Descending ? -1 : 1;
        for (var i = order.Descending ? ordered.Length - 1 : 0; i >= 0 && i < ordered.Length && found < count; i += step)
        {
            var slot = ordered[i];
            if (!c.Orders.IsStale(slot) && Shown(slot))
            {
                listed[found++] = slot;
            }
        }
        var changed = new List<int>();
        foreach (var slot in c.Orders.StaleSlots)
        {
            if (Shown(slot))
            {
                changed.Add(slot);
            }
        }
        changed.Sort(order);
        var page = new List<int>(Math.Min(count, found + changed.Count));
        int a = 0, b = 0;
        while (page.Count < count && (a < found || b < changed.Count))
        {
            page.Add(b >= changed.Count || (a < found && order.Compare(listed[a], changed[b]) < 0) ? listed[a++] : changed[b++]);
        }
        ArrayPool<int>.Shared.Return(listed);
        return page;
    }
}
