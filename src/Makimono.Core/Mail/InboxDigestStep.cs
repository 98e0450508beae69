using Makimono.Accounts;
using Makimono.Database;
using Makimono.Inbox;
using Makimono.Works;
using Microsoft.EntityFrameworkCore;

namespace Makimono.Mail;

/// <summary>
/// The batch mailer, as a step of the inbox worker: after each pass has written the new inbox items, whoever is due
/// a digest gets one (<see cref="InboxDigests"/>).
/// </summary>
public sealed class InboxDigestStep(InboxDigests digests) : IInboxWorkerStep
{
    public Task RunAsync(ArchiveDbContext db, CancellationToken ct) => digests.SendDueAsync(db, UnreadItemsAsync, ct);

    /// <summary>
    /// Unread inbox items of these users, newer than <paramref name="since"/>, about works each may still read (a work
    /// hidden or taken back to draft since the item was written is left out, by the rule in <see cref="WorkAccess"/>).
    /// </summary>
    public static async Task<IReadOnlyList<DigestItem>> UnreadItemsAsync(
        ArchiveDbContext db, IReadOnlyCollection<int> userIds, DateTime since, CancellationToken ct)
    {
        var items = await db.InboxItems.AsNoTracking()
            .Where(i => userIds.Contains(i.RecipientUserId) && i.ReadAt == null && i.CreatedAt > since)
            .NotFromBlocked(db)
            .Select(i => new { Item = i, i.Recipient.IsAdmin })
            .ToListAsync(ct);
        if (items.Count == 0)
        {
            return [];
        }
        var workIds = items.Select(i => i.Item.WorkId).Distinct().ToList();
        var works = await db.Works.AsNoTracking().Include(w => w.Creators).ThenInclude(c => c.Pseud)
            .Where(w => workIds.Contains(w.Id)).AsSplitQuery().ToDictionaryAsync(w => w.Id, ct);
        return items
            .Where(i => works.TryGetValue(i.Item.WorkId, out var work)
                && WorkAccess.IsVisibleTo(WorkAccess.FactsOf(work), new Viewer(i.Item.RecipientUserId, i.IsAdmin)))
            .Select(i => new DigestItem(i.Item.RecipientUserId, i.Item, works[i.Item.WorkId].Title))
            .ToList();
    }
}
