using Makimono.Accounts;
using Makimono.Database;
using Makimono.Works;
using Microsoft.EntityFrameworkCore;

namespace Makimono.Inbox;

/// <summary>What a subscribe button points at: the kind of target and its id.</summary>
public sealed record SubscriptionKey(SubscriptionTarget Target, int Id)
{
    /// <summary>The target as forms name it.</summary>
    public string FormValue => Target.ToString().ToLowerInvariant();

    public static SubscriptionTarget? ParseTarget(string? value) =>
        Enum.GetValues<SubscriptionTarget>().Select(t => (SubscriptionTarget?)t).FirstOrDefault(t => t.ToString()!.Equals(value, StringComparison.OrdinalIgnoreCase));

    public static SubscriptionKey Of(Subscription s) => s.Target switch
    {
        SubscriptionTarget.Work => new(SubscriptionTarget.Work, s.WorkId!.Value),
        SubscriptionTarget.User => new(SubscriptionTarget.User, s.TargetUserId!.Value),
        SubscriptionTarget.Series => new(SubscriptionTarget.Series, s.SeriesId!.Value),
        _ => new(SubscriptionTarget.SavedSearch, s.SavedSearchId!.Value),
    };
}

/// <summary>
/// Subscribing and unsubscribing. Only what the subscriber may see can be followed: a work they may read, a series
/// with a work they may read, a user other than themselves, and their own saved searches. (Whatever the worker later
/// reports is checked again for the subscriber: a work can be restricted or hidden after the subscription.)
/// </summary>
public static class Subscriptions
{
    public static IQueryable<Subscription> Matching(IQueryable<Subscription> subscriptions, SubscriptionKey key) => key.Target switch
    {
        SubscriptionTarget.Work => subscriptions.Where(s => s.WorkId == key.Id),
        SubscriptionTarget.User => subscriptions.Where(s => s.TargetUserId == key.Id),
        SubscriptionTarget.Series => subscriptions.Where(s => s.SeriesId == key.Id),
        _ => subscriptions.Where(s => s.SavedSearchId == key.Id),
    };

    public static Task<bool> IsSubscribedAsync(ArchiveDbContext db, int userId, SubscriptionKey key, CancellationToken ct) =>
        Matching(db.Subscriptions.Where(s => s.UserId == userId), key).AnyAsync(ct);

    /// <summary>Whether the viewer may follow the target: it exists, they may see it, and a work takes responses (<see cref="WorkAccess.TakesResponsesFrom"/>).</summary>
    public static async Task<bool> MayFollowAsync(ArchiveDbContext db, Viewer viewer, SubscriptionKey key, CancellationToken ct)
    {
        if (viewer.UserId is not int userId)
        {
            return false;
        }
        var visible = db.Works.TakingResponsesFrom(viewer);
        return key.Target switch
        {
            SubscriptionTarget.Work => await visible.AnyAsync(w => w.Id == key.Id, ct),
            SubscriptionTarget.User => key.Id != userId && await db.Users.AnyAsync(u => u.Id == key.Id, ct),
            SubscriptionTarget.Series => await db.SeriesWorks.AnyAsync(sw => sw.SeriesId == key.Id && visible.Any(w => w.Id == sw.WorkId), ct),
            _ => await db.SavedSearches.AnyAsync(s => s.Id == key.Id && s.UserId == userId, ct),
        };
    }

    /// <summary>
    /// What a subscribe button shows the viewer: null for no button (a guest, something they may not follow, their own
    /// work or themselves, where there would be no news), otherwise whether they follow it now.
    /// </summary>
    public static async Task<bool?> ButtonStateAsync(ArchiveDbContext db, Viewer viewer, SubscriptionKey key, CancellationToken ct)
    {
        if (viewer.UserId is not int userId || !await MayFollowAsync(db, viewer, key, ct))
        {
            return null;
        }
        if (key.Target == SubscriptionTarget.Work && await db.WorkCreators.AnyAsync(c => c.WorkId == key.Id && c.Accepted && c.Pseud.UserId == userId, ct))
        {
            return null;
        }
        return await IsSubscribedAsync(db, userId, key, ct);
    }

    /// <summary>Follows the target; false when the viewer may not. Subscribing twice keeps the one subscription.</summary>
    public static async Task<bool> SubscribeAsync(ArchiveDbContext db, TimeProvider clock, Viewer viewer, SubscriptionKey key, CancellationToken ct)
    {
        if (!await MayFollowAsync(db, viewer, key, ct))
        {
            return false;
        }
        var userId = viewer.UserId!.Value;
        if (await IsSubscribedAsync(db, userId, key, ct))
        {
            return true;
        }
        var subscription = new Subscription { UserId = userId, CreatedAt = clock.GetUtcNow().UtcDateTime };
        switch (key.Target)
        {
            case SubscriptionTarget.Work: subscription.WorkId = key.Id; break;
            case SubscriptionTarget.User: subscription.TargetUserId = key.Id; break;
            case SubscriptionTarget.Series: subscription.SeriesId = key.Id; break;
            default: subscription.SavedSearchId = key.Id; break;
        }
        db.Subscriptions.Add(subscription);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            db.Entry(subscription).State = EntityState.Detached;
            // A double click raced this one and won: the subscription exists, which is what was asked.
            if (!await IsSubscribedAsync(db, userId, key, ct))
            {
                throw;
            }
        }
        return true;
    }

    /// <summary>Removes the user's subscription to the target, if any; tracked so the change log records it.</summary>
    public static async Task UnsubscribeAsync(ArchiveDbContext db, int userId, SubscriptionKey key, CancellationToken ct)
    {
        var existing = await Matching(db.Subscriptions.Where(s => s.UserId == userId), key).ToListAsync(ct);
        db.Subscriptions.RemoveRange(existing);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>A user's subscriptions with their targets, newest first.</summary>
    public static Task<List<Subscription>> OfUserAsync(ArchiveDbContext db, int userId, CancellationToken ct) =>
        db.Subscriptions.AsNoTracking().Where(s => s.UserId == userId)
            .Include(s => s.Work).Include(s => s.TargetUser).Include(s => s.Series).Include(s => s.SavedSearch)
            .OrderByDescending(s => s.CreatedAt).ThenByDescending(s => s.Id).ToListAsync(ct);
}
