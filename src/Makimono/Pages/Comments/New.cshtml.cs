using Makimono.Accounts;
using Makimono.Database;
using Makimono.Responses.Comments;
using Makimono.Web.Forms;
using Makimono.Web.PageModels;
using Makimono.Works;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Makimono.Pages.Comments;

/// <summary>
/// Posting a comment on a chapter, or a reply (?reply_to=ID). The work page's own comment form posts here too, so a
/// refused comment (too long, rate limited) comes back on this page with its text kept.
/// </summary>
public class NewCommentModel(ArchiveDbContext db, TimeProvider clock) : PageModel
{
    [BindProperty] public CommentForm Comment { get; set; } = new();
    [BindProperty(SupportsGet = true, Name = "reply_to")] public int? ReplyTo { get; set; }

    public Work Work { get; private set; } = null!;
    public Chapter Chapter { get; private set; } = null!;
    public int ChapterNumber { get; private set; }
    /// <summary>The comment being answered, shown above the form.</summary>
    public CommentView? Parent { get; private set; }
    public string? NotAllowed { get; private set; }
    public IReadOnlyList<Pseud> Pseuds { get; private set; } = [];
    /// <summary>Set after a comment went into the moderation queue: the page says so instead of showing a form.</summary>
    public bool Held { get; private set; }

    public async Task<IActionResult> OnGetAsync(int workId, int chapterId, CancellationToken ct) =>
        await LoadAsync(workId, chapterId, ct) ?? Page();

    public async Task<IActionResult> OnPostAsync(int workId, int chapterId, CancellationToken ct)
    {
        if (await LoadAsync(workId, chapterId, ct) is { } notFound)
        {
            return notFound;
        }
        if (UnreadableValues.Under(ModelState, nameof(Comment)).Any)
        {
            // A pseud the form never offered: refused beside the field, the text kept.
            return Page();
        }
        var viewer = this.Viewer();
        var result = await PostComment.RunAsync(db, clock, viewer, chapterId, ReplyTo, Comment, HttpContext.Connection.RemoteIpAddress, ct);
        switch (result.Outcome)
        {
            case CommentOutcome.NotFound:
                return NotFound();
            case CommentOutcome.Refused:
                ModelState.AddErrors(result.Errors);
                return Page();
        }
        var comment = result.Comment!;
        if (comment.State == CommentState.Held && !viewer.IsLoggedIn)
        {
            // A guest cannot see their held comment anywhere, so this page tells them it arrived.
            Held = true;
            Comment = new();
            return Page();
        }
        return Redirect(await CommentLinks.OnChapterAsync(db, comment, viewer, ct));
    }

    /// <summary>Null when the page can be shown; otherwise the answer for a work, chapter or comment this viewer cannot see.</summary>
    private async Task<IActionResult?> LoadAsync(int workId, int chapterId, CancellationToken ct)
    {
        var viewer = this.Viewer();
        if (await WorkQueries.FindVisibleAsync(db, workId, viewer, ct) is not { } work)
        {
            return await this.WorkNotVisibleAsync(db, workId, ct);
        }
        var chapters = WorkAccess.ReadableChapters(work, viewer).ToList();
        if (chapters.FirstOrDefault(c => c.Id == chapterId) is not { } chapter)
        {
            return NotFound();
        }
        Work = work;
        Chapter = chapter;
        ChapterNumber = chapters.IndexOf(chapter) + 1;
        NotAllowed = CommentRules.WhyNotComment(work, chapter, viewer);
        if (ReplyTo is int parentId)
        {
            var parent = await CommentQueries.FindShownAsync(db, parentId, viewer, ct);
            if (parent is null || parent.ChapterId != chapterId)
            {
                return NotFound();
            }
            Parent = new CommentView { Comment = parent, AuthorName = CommentQueries.AuthorName(parent) };
        }
        if (viewer.UserId is int userId)
        {
            Pseuds = await db.Pseuds.Where(p => p.UserId == userId).OrderBy(p => p.Name).ToListAsync(ct);
        }
        return null;
    }
}
