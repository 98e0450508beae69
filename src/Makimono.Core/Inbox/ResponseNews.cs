using Makimono.Changes;
using Makimono.Database;
using Makimono.Responses.Comments;
using Microsoft.EntityFrameworkCore;

namespace Makimono.Inbox;

/// <summary>
/// Turns logged responses into inbox items: a published comment tells the work's creators (a comment on their work)
/// and the author of the comment it answers (a reply to their comment); a kudos tells the work's creators. A comment
/// held for moderation tells nobody until it is approved; a deleted comment or kudos takes its items away. Nobody
/// hears of their own action, of anything from a user they have blocked, or of a work they may not read.
/// </summary>
internal static class ResponseNews
{
    public sealed record Found(List<InboxItem> Items, List<long> GoneComments, List<long> GoneKudos);

    public static async Task<Found> FindAsync(ArchiveDbContext db, IReadOnlyCollection<ArchiveChange> rows, DateTime now, CancellationToken ct)
    {
        var commentIds = rows.Where(r => r.Subject == ChangeSubject.Comment && r.SubjectId is not null).Select(r => (int)r.SubjectId!.Value).Distinct().ToList();
        var kudosIds = rows.Where(r => r.Subject == ChangeSubject.Kudos && r.SubjectId is not null).Select(r => r.SubjectId!.Value).Distinct().ToList();
        var found = new Found([], [], []);
        if (commentIds.Count + kudosIds.Count == 0)
        {
            return found;
        }
        var comments = commentIds.Count == 0 ? [] : await db.Comments.AsNoTracking().Where(c => commentIds.Contains(c.Id))
            .Select(c => new { c.Id, c.WorkId, c.UserId, c.State, ParentUserId = c.Parent == null ? null : c.Parent.UserId })
            .ToListAsync(ct);
        var kudos = kudosIds.Count == 0 ? [] : await db.Kudos.AsNoTracking().Where(k => kudosIds.Contains(k.Id))
            .Select(k => new { k.Id, k.WorkId, k.UserId }).ToListAsync(ct);
        found.GoneComments.AddRange(commentIds.Except(comments.Where(c => c.State != CommentState.Deleted).Select(c => c.Id)).Select(id => (long)id));
        found.GoneKudos.AddRange(kudosIds.Except(kudos.Select(k => k.Id)));

        var published = comments.Where(c => c.State == CommentState.Published).ToList();
        var works = await WorkFacts.LoadAsync(db, published.Select(c => c.WorkId).Concat(kudos.Select(k => k.WorkId)), ct);
        var candidates = new List<InboxItem>();
        foreach (var comment in published.Where(c => works.ContainsKey(c.WorkId)))
        {
            var repliedTo = comment.ParentUserId;
            if (repliedTo is int parentAuthor)
            {
                candidates.Add(SubscriptionNews.Item(parentAuthor, InboxKind.ReplyToMyComment, comment.WorkId, comment.Id, now, comment.UserId));
            }
            // A creator answered as the comment's author hears of it once, as a reply.
            candidates.AddRange(works[comment.WorkId].Facts.CreatorUserIds.Where(creator => creator != repliedTo)
                .Select(creator => SubscriptionNews.Item(creator, InboxKind.CommentOnMyWork, comment.WorkId, comment.Id, now, comment.UserId)));
        }
        foreach (var given in kudos.Where(k => works.ContainsKey(k.WorkId)))
        {
            candidates.AddRange(works[given.WorkId].Facts.CreatorUserIds
                .Select(creator => SubscriptionNews.Item(creator, InboxKind.Kudos, given.WorkId, given.Id, now, given.UserId)));
        }
        candidates.RemoveAll(i => i.ActorUserId == i.RecipientUserId);
        if (candidates.Count == 0)
        {
            return found;
        }

        var recipients = candidates.Select(i => i.RecipientUserId).Distinct().ToList();
        var actors = candidates.Where(i => i.ActorUserId is not null).Select(i => i.ActorUserId!.Value).Distinct().ToList();
        var blocked = (await db.UserBlocks.Where(b => recipients.Contains(b.BlockerId) && actors.Contains(b.BlockedId))
            .Select(b => new { b.BlockerId, b.BlockedId }).ToListAsync(ct)).Select(b => (b.BlockerId, b.BlockedId)).ToHashSet();
        var admins = (await db.Users.Where(u => recipients.Contains(u.Id) && u.IsAdmin).Select(u => u.Id).ToListAsync(ct)).ToHashSet();
        found.Items.AddRange(candidates.Where(i =>
            !(i.ActorUserId is int actor && blocked.Contains((i.RecipientUserId, actor)))
            && Works.WorkAccess.IsVisibleTo(works[i.WorkId].Facts, new Accounts.Viewer(i.RecipientUserId, admins.Contains(i.RecipientUserId)))));
        return found;
    }

    /// <summary>Takes away the items of comments deleted (or gone) and kudos withdrawn.</summary>
    public static async Task RemoveAsync(ArchiveDbContext db, Found found, CancellationToken ct)
    {
        if (found.GoneComments.Count > 0)
        {
            await db.InboxItems.Where(i => (i.Kind == InboxKind.CommentOnMyWork || i.Kind == InboxKind.ReplyToMyComment) && found.GoneComments.Contains(i.SourceId))
                .ExecuteDeleteAsync(ct);
        }
        if (found.GoneKudos.Count > 0)
        {
            await db.InboxItems.Where(i => i.Kind == InboxKind.Kudos && found.GoneKudos.Contains(i.SourceId)).ExecuteDeleteAsync(ct);
        }
    }
}
