using Makimono.Accounts;
using Makimono.Database;
using Makimono.Works;
using Microsoft.EntityFrameworkCore;

namespace Makimono.Responses.Comments;

/// <summary>One comment as a page shows it to one viewer, with what that viewer may do to it.</summary>
public sealed class CommentView
{
    public required Comment Comment { get; init; }
    public required string AuthorName { get; init; }
    /// <summary>Deleted, and kept only because replies hang below it.</summary>
    public bool IsPlaceholder => Comment.State == CommentState.Deleted;
    public bool IsHeld => Comment.State == CommentState.Held;
    /// <summary>Frozen here or further up the thread.</summary>
    public bool IsFrozen { get; init; }
    /// <summary>Replies nested below this one (up to depth <see cref="CommentRules.MaxShownDepth"/>).</summary>
    public List<CommentView> Replies { get; } = [];
    /// <summary>On a depth-5 comment: every reply deeper down, oldest first, each with <see cref="ReplyTo"/>.</summary>
    public List<CommentView> FlatReplies { get; } = [];
    /// <summary>For a flattened reply: the comment it answers.</summary>
    public CommentView? ReplyTo { get; set; }
    public bool CanReply { get; init; }
    public bool CanEdit { get; init; }
    public bool CanDelete { get; init; }
    public bool CanApprove { get; init; }
    public bool CanFreeze { get; init; }
    public bool CanUnfreeze { get; init; }
}

/// <summary>The comments a viewer sees on some chapters, as threads.</summary>
public static class CommentThreads
{
    /// <summary>
    /// Top-level threads per page of a chapter's comments (replies stay with their thread), as AO3 pages them, so a
    /// chapter with hundreds of comments is not one enormous page.
    /// </summary>
    public const int ThreadsPerPage = 50;

    public static int PageCount(int threads) => Math.Max(1, (threads + ThreadsPerPage - 1) / ThreadsPerPage);

    /// <summary>The threads on page <paramref name="page"/> (from 1; out of range gives the nearest page).</summary>
    public static List<CommentView> OnPage(List<CommentView> threads, int page) =>
        threads.Skip((Math.Clamp(page, 1, PageCount(threads.Count)) - 1) * ThreadsPerPage).Take(ThreadsPerPage).ToList();

    /// <summary>
    /// The page of its chapter's comments that shows the comment to this viewer (its thread's page), so links to a
    /// comment in place land where it is; 1 when the viewer is not shown it.
    /// </summary>
    public static async Task<int> PageOfAsync(ArchiveDbContext db, int commentId, Viewer viewer, CancellationToken ct = default)
    {
        var comment = await db.Comments.AsNoTracking()
            .Include(c => c.Chapter).Include(c => c.Work).ThenInclude(w => w.Creators).ThenInclude(c => c.Pseud)
            .AsSplitQuery().FirstOrDefaultAsync(c => c.Id == commentId, ct);
        if (comment is null
            || !(await ForChaptersAsync(db, comment.Work, [comment.Chapter], viewer, ct)).TryGetValue(comment.ChapterId, out var threads))
        {
            return 1;
        }
        var index = threads.FindIndex(t => All([t]).Any(v => v.Comment.Id == commentId));
        return index < 0 ? 1 : index / ThreadsPerPage + 1;
    }

    /// <summary>
    /// The threads on each chapter (top comments oldest first), for chapters of <paramref name="work"/> (loaded with its
    /// creators) that the viewer may read.
    /// </summary>
    public static async Task<Dictionary<int, List<CommentView>>> ForChaptersAsync(
        ArchiveDbContext db, Work work, IReadOnlyCollection<Chapter> chapters, Viewer viewer, CancellationToken ct = default)
    {
        var ids = chapters.Where(c => CommentRules.CanRead(work, c, viewer)).Select(c => c.Id).ToList();
        var comments = await db.Comments.AsNoTracking()
            .Include(c => c.Pseud).Include(c => c.User)
            .Where(c => ids.Contains(c.ChapterId))
            .OrderBy(c => c.CreatedAt).ThenBy(c => c.Id)
            .ToListAsync(ct);
        var byChapter = chapters.ToDictionary(c => c.Id);
        return ids.ToDictionary(id => id, id => Build(work, byChapter[id], comments.Where(c => c.ChapterId == id).ToList(), viewer));
    }

    /// <summary>The whole thread a comment is in, for its permalink.</summary>
    public static async Task<List<CommentView>> ThreadAsync(ArchiveDbContext db, Comment comment, Viewer viewer, CancellationToken ct = default)
    {
        var root = comment.ThreadId ?? comment.Id;
        var comments = await db.Comments.AsNoTracking()
            .Include(c => c.Pseud).Include(c => c.User)
            .Where(c => c.Id == root || c.ThreadId == root)
            .OrderBy(c => c.CreatedAt).ThenBy(c => c.Id)
            .ToListAsync(ct);
        return Build(comment.Work, comment.Chapter, comments, viewer);
    }

    /// <summary>Every view in a list of threads, nested and flattened replies included, in page order.</summary>
    public static IEnumerable<CommentView> All(IEnumerable<CommentView> threads) =>
        threads.SelectMany(t => new[] { t }.Concat(All(t.Replies)).Concat(All(t.FlatReplies)));

    private static List<CommentView> Build(Work work, Chapter chapter, List<Comment> comments, Viewer viewer)
    {
        var byId = comments.ToDictionary(c => c.Id);
        var children = comments.Where(c => c.ParentId is not null).ToLookup(c => c.ParentId!.Value);
        var canComment = CommentRules.WhyNotComment(work, chapter, viewer) is null;

        // A deleted comment stays as a placeholder only while something below it is still shown.
        var shown = new HashSet<int>();
        foreach (var comment in comments.OrderByDescending(c => c.Depth))
        {
            if (CommentRules.IsShown(comment, work, viewer)
                || comment.State == CommentState.Deleted && children[comment.Id].Any(c => shown.Contains(c.Id)))
            {
                shown.Add(comment.Id);
            }
        }

        CommentView ViewOf(Comment c)
        {
            var frozen = CommentRules.IsFrozen(c, byId);
            return new CommentView
            {
                Comment = c,
                AuthorName = CommentQueries.AuthorName(c),
                IsFrozen = frozen,
                CanReply = canComment && CommentRules.TakesReplies(c, frozen),
                CanEdit = CommentRules.CanEdit(c, frozen, viewer),
                CanDelete = CommentRules.CanDelete(c, work, viewer),
                CanApprove = CommentRules.CanApprove(c, work, viewer),
                CanFreeze = CommentRules.CanFreeze(c, frozen, work, viewer),
                CanUnfreeze = CommentRules.CanUnfreeze(c, work, viewer),
            };
        }

        void AddBelow(CommentView view, CommentView flatHome)
        {
            foreach (var child in children[view.Comment.Id].Where(c => shown.Contains(c.Id)))
            {
                var childView = ViewOf(child);
                if (child.Depth > CommentRules.MaxShownDepth)
                {
                    childView.ReplyTo = view;
                    flatHome.FlatReplies.Add(childView);
                }
                else
                {
                    view.Replies.Add(childView);
                }
                AddBelow(childView, child.Depth >= CommentRules.MaxShownDepth ? (child.Depth == CommentRules.MaxShownDepth ? childView : flatHome) : childView);
            }
        }

        var threads = new List<CommentView>();
        foreach (var top in comments.Where(c => c.ParentId is null && shown.Contains(c.Id)))
        {
            var view = ViewOf(top);
            AddBelow(view, view);
            threads.Add(view);
        }
        foreach (var view in All(threads).Where(v => v.FlatReplies.Count > 1))
        {
            view.FlatReplies.Sort((a, b) => a.Comment.CreatedAt != b.Comment.CreatedAt
                ? a.Comment.CreatedAt.CompareTo(b.Comment.CreatedAt) : a.Comment.Id.CompareTo(b.Comment.Id));
        }
        return threads;
    }
}
