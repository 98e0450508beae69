using Makimono.Accounts;
using Makimono.Database;
using Makimono.Search;
using Makimono.Works;
using Microsoft.EntityFrameworkCore;

namespace Makimono.Inbox;

/// <summary>
/// Turns works the change log names into subscription news: chapters of subscribed works, works of subscribed users,
/// parts of subscribed series, and works that subscribed saved searches find. Only what was posted (or joined the
/// series) after the subscription is news, only what the subscriber may read is told, and nobody hears of their own
/// work. Everything is read from the database as it is now, so replaying the same rows finds the same items.
/// </summary>
internal static class SubscriptionNews
{
    private sealed record NewsWork(int Id, DateTime PostedAt, WorkAccessFacts Facts);

    public static async Task<List<InboxItem>> FindAsync(ArchiveDbContext db, ISavedSearchQueries savedSearches, IReadOnlyCollection<int> workIds, DateTime now, CancellationToken ct)
    {
        if (workIds.Count == 0)
        {
            return [];
        }
        var works = (await WorkFacts.LoadAsync(db, workIds, ct)).Values
            .Where(w => w.PostedAt is not null && !w.Facts.IsDraft)
            .ToDictionary(w => w.Id, w => new NewsWork(w.Id, w.PostedAt!.Value, w.Facts));
        if (works.Count == 0)
        {
            return [];
        }
        var items = new List<InboxItem>();
        var candidates = new List<(Subscription Subscription, NewsWork Work, InboxKind Kind, long SourceId)>();
        var ids = works.Keys.ToList();

        var workSubscriptions = await db.Subscriptions.AsNoTracking().Where(s => s.WorkId != null && ids.Contains(s.WorkId.Value)).ToListAsync(ct);
        if (workSubscriptions.Count > 0)
        {
            var since = workSubscriptions.Min(s => s.CreatedAt);
            var chapters = await db.Chapters.AsNoTracking()
                .Where(c => ids.Contains(c.WorkId) && !c.IsDraft && c.PostedAt != null && c.PostedAt > since)
                .Select(c => new { c.Id, c.WorkId, PostedAt = c.PostedAt!.Value }).ToListAsync(ct);
            foreach (var subscription in workSubscriptions)
            {
                candidates.AddRange(chapters.Where(c => c.WorkId == subscription.WorkId && c.PostedAt > subscription.CreatedAt)
                    .Select(c => (subscription, works[c.WorkId], InboxKind.NewChapter, (long)c.Id)));
            }
        }

        var creatorIds = works.Values.SelectMany(w => w.Facts.CreatorUserIds).Distinct().ToList();
        var userSubscriptions = await db.Subscriptions.AsNoTracking()
            .Where(s => s.TargetUserId != null && creatorIds.Contains(s.TargetUserId.Value)).ToListAsync(ct);
        foreach (var subscription in userSubscriptions)
        {
            candidates.AddRange(works.Values
                .Where(w => w.Facts.CreatorUserIds.Contains(subscription.TargetUserId!.Value) && w.PostedAt > subscription.CreatedAt)
                .Select(w => (subscription, w, InboxKind.NewWork, (long)w.Id)));
        }

        var parts = await db.SeriesWorks.AsNoTracking().Where(sw => ids.Contains(sw.WorkId) && sw.AddedAt != null)
            .Select(sw => new { sw.SeriesId, sw.WorkId, AddedAt = sw.AddedAt!.Value }).ToListAsync(ct);
        var seriesIds = parts.Select(p => p.SeriesId).Distinct().ToList();
        var seriesSubscriptions = seriesIds.Count == 0 ? [] : await db.Subscriptions.AsNoTracking()
            .Where(s => s.SeriesId != null && seriesIds.Contains(s.SeriesId.Value)).ToListAsync(ct);
        foreach (var subscription in seriesSubscriptions)
        {
            // A part is news from the later of its posting and its joining the series.
            candidates.AddRange(parts.Where(p => p.SeriesId == subscription.SeriesId)
                .Select(p => (Part: p, Work: works[p.WorkId]))
                .Where(p => Later(p.Part.AddedAt, p.Work.PostedAt) > subscription.CreatedAt)
                .Select(p => (subscription, p.Work, InboxKind.NewSeriesPart, (long)p.Part.SeriesId)));
        }

        var newest = works.Values.Max(w => w.PostedAt);
        var searchSubscriptions = await db.Subscriptions.AsNoTracking().Include(s => s.SavedSearch)
            .Where(s => s.SavedSearchId != null && s.CreatedAt < newest).ToListAsync(ct);

        var recipientIds = candidates.Select(c => c.Subscription.UserId).Concat(searchSubscriptions.Select(s => s.UserId)).Distinct().ToList();
        var admins = (await db.Users.Where(u => recipientIds.Contains(u.Id) && u.IsAdmin).Select(u => u.Id).ToListAsync(ct)).ToHashSet();
        Viewer ViewerOf(int userId) => new(userId, admins.Contains(userId));
        bool Tellable(int userId, NewsWork work) =>
            !work.Facts.CreatorUserIds.Contains(userId) && WorkAccess.IsVisibleTo(work.Facts, ViewerOf(userId));

        items.AddRange(candidates.Where(c => Tellable(c.Subscription.UserId, c.Work))
            .Select(c => Item(c.Subscription.UserId, c.Kind, c.Work.Id, c.SourceId, now)));

        foreach (var subscription in searchSubscriptions)
        {
            var fresh = works.Values.Where(w => w.PostedAt > subscription.CreatedAt && Tellable(subscription.UserId, w)).Select(w => w.Id).ToList();
            if (fresh.Count == 0)
            {
                continue;
            }
            var viewer = ViewerOf(subscription.UserId);
            var query = await savedSearches.QueryOfAsync(subscription.SavedSearch!.Query, viewer, ct);
            var filters = await ViewerPreferences.LoadAsync(db, subscription.UserId, ct);
            // The saved-search page's own "new since" count asks exactly this (SavedSearches.CountNewAsync): the
            // database answers for the just-posted works, which the search index may not hold yet.
            var matched = await DatabaseWorkSearch.WithoutFiltered(
                    DatabaseWorkSearch.Matching(db.Works.VisibleTo(viewer).Where(w => fresh.Contains(w.Id)), query), filters)
                .Select(w => w.Id).ToListAsync(ct);
            items.AddRange(matched.Select(workId => Item(subscription.UserId, InboxKind.SavedSearchMatch, workId, subscription.SavedSearchId!.Value, now)));
        }
        return items;
    }

    private static DateTime Later(DateTime a, DateTime b) => a > b ? a : b;

    internal static InboxItem Item(int recipientId, InboxKind kind, int workId, long sourceId, DateTime now, int? actorUserId = null) => new()
    {
        RecipientUserId = recipientId,
        Kind = kind,
        WorkId = workId,
        SourceId = sourceId,
        ActorUserId = actorUserId,
        CreatedAt = now,
    };
}
