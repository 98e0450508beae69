using Makimono.Database;
using Makimono.Web.PageModels;
using Makimono.Works;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Makimono.Pages.Works.Chapters;

public class DeleteChapterModel(ArchiveDbContext db) : PageModel
{
    public Work Work { get; private set; } = null!;
    public Chapter Chapter { get; private set; } = null!;
    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, int chapterId, CancellationToken ct)
    {
        if (!await LoadAsync(id, chapterId, ct))
        {
            return NotFound();
        }
        // Said before any button is offered, rather than after it is pressed.
        Error = ChapterEditing.WhyNotDeletable(Work, Chapter);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, int chapterId, CancellationToken ct)
    {
        if (!await LoadAsync(id, chapterId, ct))
        {
            return NotFound();
        }
        Error = await ChapterEditing.DeleteAsync(db, Work, Chapter, ct);
        return Error is null ? Redirect($"/works/{id}/edit") : Page();
    }

    private async Task<bool> LoadAsync(int id, int chapterId, CancellationToken ct)
    {
        var viewer = this.Viewer();
        var work = await WorkQueries.FindEditableAsync(db, id, viewer, ct);
        var chapter = work is null ? null : WorkAccess.EditableChapter(work, chapterId, viewer);
        if (work is null || chapter is null)
        {
            return false;
        }
        Work = work;
        Chapter = chapter;
        return true;
    }
}
