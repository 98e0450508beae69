using Makimono.Accounts;
using Makimono.Database;
using Microsoft.EntityFrameworkCore;

namespace Makimono.Responses.Comments;

public static class CommentQueries
{
    /// <summary>
    /// A comment with its work (and the work's creators), chapter and author, when this viewer may see it: the work
    /// and chapter are readable (<see cref="CommentRules.CanRead"/>) and the comment is shown to them.
    /// </summary>
    public static async Task<Comment?> FindShownAsync(ArchiveDbContext db, int id, Viewer viewer, CancellationToken ct = default)
    {
        var comment = await db.Comments
            .Include(c => c.Work).ThenInclude(w => w.Creators).ThenInclude(c => c.Pseud)
            .Include(c => c.Chapter)
            .Include(c => c.Pseud)
            .Include(c => c.User)
            .AsSplitQuery()
            .FirstOrDefaultAsync(c => c.Id == id, ct);
        return comment is not null && CommentRules.CanRead(comment.Work, comment.Chapter, viewer)
            && CommentRules.IsShown(comment, comment.Work, viewer) ? comment : null;
    }

    /// <summary>Every comment of the thread a comment is in, by id, so rules that look up the thread (freezing) can.</summary>
    public static async Task<Dictionary<int, Comment>> ThreadOfAsync(ArchiveDbContext db, Comment comment, CancellationToken ct = default)
    {
        var root = comment.ThreadId ?? comment.Id;
        return await db.Comments.Where(c => c.Id == root || c.ThreadId == root).ToDictionaryAsync(c => c.Id, ct);
    }

    /// <summary>The name a comment is signed with: "Pseud (user)" as bylines have it, or the guest's name.</summary>
    public static string AuthorName(Comment comment) => comment switch
    {
        { Pseud: { } pseud, User: { } user } => pseud.Name == user.UserName ? pseud.Name : $"{pseud.Name} ({user.UserName})",
        { User: { } user } => user.UserName,
        { GuestName: { } guest } => $"{guest} (guest)",
        _ => "a deleted account",
    };
}
