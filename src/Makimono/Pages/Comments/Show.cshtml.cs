using Makimono.Database;
using Makimono.Responses.Comments;
using Makimono.Web.PageModels;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Makimono.Pages.Comments;

/// <summary>A comment's permalink: its whole thread, with the comment marked; and the buttons that act on one comment.</summary>
public class ShowCommentModel(ArchiveDbContext db) : PageModel
{
    public Comment Comment { get; private set; } = null!;
    public List<CommentView> Thread { get; private set; } = [];
    public int ChapterNumber { get; private set; }
    /// <summary>The chapter's page with the page of comments this thread is on.</summary>
    public string InPlace { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var viewer = this.Viewer();
        if (await CommentQueries.FindShownAsync(db, id, viewer, ct) is not { } comment)
        {
            return await NotShownAsync(id, ct);
        }
        Comment = comment;
        Thread = await CommentThreads.ThreadAsync(db, comment, viewer, ct);
        InPlace = CommentLinks.ChapterPage(comment.WorkId, comment.ChapterId, await CommentThreads.PageOfAsync(db, comment.Id, viewer, ct));
        ChapterNumber = await db.Chapters.CountAsync(c => c.WorkId == comment.WorkId && c.Position <= comment.Chapter.Position
            && (!c.IsDraft || comment.Chapter.IsDraft), ct);
        return Page();
    }

    public Task<IActionResult> OnPostApproveAsync(int id, [FromForm(Name = "return_to")] string? returnTo, CancellationToken ct) =>
        AfterAsync(id, returnTo, ApproveComment.RunAsync(db, this.Viewer(), id, ct), ct);

    public Task<IActionResult> OnPostDeleteAsync(int id, [FromForm(Name = "return_to")] string? returnTo, CancellationToken ct) =>
        AfterAsync(id, returnTo, DeleteComment.RunAsync(db, this.Viewer(), id, ct), ct);

    public Task<IActionResult> OnPostFreezeAsync(int id, [FromForm(Name = "return_to")] string? returnTo, CancellationToken ct) =>
        AfterAsync(id, returnTo, FreezeThread.RunAsync(db, this.Viewer(), id, freeze: true, ct), ct);

    public Task<IActionResult> OnPostUnfreezeAsync(int id, [FromForm(Name = "return_to")] string? returnTo, CancellationToken ct) =>
        AfterAsync(id, returnTo, FreezeThread.RunAsync(db, this.Viewer(), id, freeze: false, ct), ct);

    /// <summary>Back to the page the button was on (this site's own pages only), at the comment.</summary>
    private async Task<IActionResult> AfterAsync(int id, string? returnTo, Task<CommentResult> action, CancellationToken ct)
    {
        var result = await action;
        return result.Outcome switch
        {
            CommentOutcome.NotFound => await NotShownAsync(id, ct),
            CommentOutcome.Refused => this.Forbidden(result.Errors.Fields.Values.First()),
            _ => LocalRedirect(returnTo is not null && Url.IsLocalUrl(returnTo) && !returnTo.Contains('#', StringComparison.Ordinal)
                ? returnTo + $"#comment-{id}"
                : await CommentLinks.OnChapterAsync(db, result.Comment!, this.Viewer(), ct)),
        };
    }

    /// <summary>As for the work: a guest who could read it after logging in is asked to; anyone else gets a 404.</summary>
    private async Task<IActionResult> NotShownAsync(int id, CancellationToken ct)
    {
        var workId = await db.Comments.Where(c => c.Id == id).Select(c => (int?)c.WorkId).FirstOrDefaultAsync(ct);
        return workId is int work ? await this.WorkNotVisibleAsync(db, work, ct) : NotFound();
    }
}
