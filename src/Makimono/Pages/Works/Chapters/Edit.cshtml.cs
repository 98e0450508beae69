using Makimono.Database;
using Makimono.Web.PageModels;
using Makimono.Works;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Makimono.Pages.Works.Chapters;

public class EditChapterModel(ArchiveDbContext db, TimeProvider clock) : PageModel
{
    [BindProperty] public ChapterForm Chapter { get; set; } = new();
    [BindProperty] public bool AcceptRemovals { get; set; }
    public int Id { get; private set; }
    public int ChapterId { get; private set; }
    public int Position { get; private set; }
    public string WorkTitle { get; private set; } = string.Empty;
    public bool IsDraftChapter { get; private set; }
    public bool WorkIsDraft { get; private set; }
    public IReadOnlyList<string> RemovedHtml { get; private set; } = [];
    /// <summary>Someone else saved the chapter since this form was loaded.</summary>
    public bool Conflict { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, int chapterId, CancellationToken ct)
    {
        var (_, chapter) = await LoadAsync(id, chapterId, ct);
        if (chapter is null)
        {
            return NotFound();
        }
        ChapterEditing.FillForm(Chapter, chapter);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, int chapterId, string? submit, CancellationToken ct)
    {
        var (work, chapter) = await LoadAsync(id, chapterId, ct);
        if (work is null || chapter is null)
        {
            return NotFound();
        }
        bool? post = submit switch { "post" => true, "draft" => false, _ => null };
        var errors = await ChapterEditing.UpdateAsync(db, clock, work, chapter, Chapter, post, AcceptRemovals, ct);
        if (errors.Any)
        {
            ModelState.AddErrors(errors);
            RemovedHtml = errors.RemovedHtml;
            if (EditConflicts.IsConflict(errors))
            {
                db.ChangeTracker.Clear();
                var (_, current) = await LoadAsync(id, chapterId, ct);
                // The next Save is made knowing about the newer version, so it goes through.
                Conflict = current is not null;
                Chapter.Version = current?.Version;
            }
            return Page();
        }
        return Redirect($"/works/{id}/chapters/{chapterId}");
    }

    private async Task<(Work? Work, Chapter? Chapter)> LoadAsync(int id, int chapterId, CancellationToken ct)
    {
        var viewer = this.Viewer();
        var work = await WorkQueries.FindEditableAsync(db, id, viewer, ct);
        var chapter = work is null ? null : WorkAccess.EditableChapter(work, chapterId, viewer);
        if (work is null || chapter is null)
        {
            return (null, null);
        }
        Id = work.Id;
        ChapterId = chapter.Id;
        Position = chapter.Position;
        WorkTitle = work.Title;
        IsDraftChapter = chapter.IsDraft;
        WorkIsDraft = work.IsDraft;
        return (work, chapter);
    }
}
