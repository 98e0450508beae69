using Makimono.Database;
using Makimono.Web.PageModels;
using Makimono.Works;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Makimono.Pages.Works.Chapters;

public class NewChapterModel(ArchiveDbContext db, TimeProvider clock) : PageModel
{
    [BindProperty] public ChapterForm Chapter { get; set; } = new();
    [BindProperty] public bool AcceptRemovals { get; set; }
    public int Id { get; private set; }
    public string WorkTitle { get; private set; } = string.Empty;
    public IReadOnlyList<string> RemovedHtml { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) =>
        await LoadAsync(id, ct) is null ? NotFound() : Page();

    public async Task<IActionResult> OnPostAsync(int id, string? submit, CancellationToken ct)
    {
        var work = await LoadAsync(id, ct);
        if (work is null)
        {
            return NotFound();
        }
        // Chapters of a draft work are posted together with the work.
        var post = submit != "draft" && !work.IsDraft;
        var (chapter, errors) = await ChapterEditing.AddAsync(db, clock, work, Chapter, post, AcceptRemovals, ct);
        if (chapter is null)
        {
            ModelState.AddErrors(errors);
            RemovedHtml = errors.RemovedHtml;
            return Page();
        }
        return Redirect($"/works/{id}/chapters/{chapter.Id}");
    }

    /// <summary>Only a work's creators add chapters.</summary>
    private async Task<Work?> LoadAsync(int id, CancellationToken ct)
    {
        var work = await WorkQueries.FindEditableAsync(db, id, this.Viewer(), ct);
        if (work is null || !WorkAccess.IsCreator(work, this.Viewer()))
        {
            return null;
        }
        Id = work.Id;
        WorkTitle = work.Title;
        return work;
    }
}
