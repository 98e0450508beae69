using Makimono.Database;
using Makimono.Responses.Comments;
using Makimono.Web.PageModels;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Makimono.Pages.Comments;

/// <summary>The commenter changes their own comment's text.</summary>
public class EditCommentModel(ArchiveDbContext db, TimeProvider clock) : PageModel
{
    [BindProperty] public CommentForm Comment { get; set; } = new();
    public Comment Editing { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var viewer = this.Viewer();
        if (await CommentQueries.FindShownAsync(db, id, viewer, ct) is not { } comment || !CommentRules.IsCommenter(comment, viewer))
        {
            return NotFound();
        }
        if (CommentRules.IsFrozen(comment, await CommentQueries.ThreadOfAsync(db, comment, ct)))
        {
            return this.Forbidden("This thread is frozen: its comments cannot be edited.");
        }
        Editing = comment;
        Comment.Body = EditComment.ForEditing(comment);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        var viewer = this.Viewer();
        var result = await EditComment.RunAsync(db, clock, viewer, id, Comment.Body, ct);
        if (result.Outcome == CommentOutcome.Saved)
        {
            return Redirect(await CommentLinks.OnChapterAsync(db, result.Comment!, viewer, ct));
        }
        if (result.Outcome == CommentOutcome.NotFound
            || await CommentQueries.FindShownAsync(db, id, viewer, ct) is not { } comment || !CommentRules.IsCommenter(comment, viewer))
        {
            return NotFound();
        }
        Editing = comment;
        ModelState.AddErrors(result.Errors);
        return Page();
    }
}
