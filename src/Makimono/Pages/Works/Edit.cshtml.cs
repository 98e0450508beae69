using Makimono.Accounts;
using Makimono.Database;
using Makimono.Web.Forms;
using Makimono.Web.PageModels;
using Makimono.Works;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Makimono.Pages.Works;

public class EditWorkModel(ArchiveDbContext db, TimeProvider clock) : PageModel
{
    [BindProperty] public WorkForm Work { get; set; } = new();
    [BindProperty] public bool AcceptRemovals { get; set; }
    public int Id { get; private set; }
    public string WorkTitle { get; private set; } = string.Empty;
    public IReadOnlyList<Chapter> Chapters { get; private set; } = [];
    /// <summary>The chapters that may be deleted, as <see cref="ChapterEditing.WhyNotDeletable"/> decides; the others get no link.</summary>
    public IReadOnlySet<int> DeletableChapterIds { get; private set; } = new HashSet<int>();
    public IReadOnlyList<Pseud> Pseuds { get; private set; } = [];
    /// <summary>Only creators manage creators, so an admin's form leaves the creator fields out.</summary>
    public bool IsCreator { get; private set; }
    public IReadOnlyList<string> RemovedHtml { get; private set; } = [];
    /// <summary>Someone else saved the work since this form was loaded.</summary>
    public bool Conflict { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var work = await LoadAsync(id, ct);
        if (work is null)
        {
            return NotFound();
        }
        SaveWork.FillForm(Work, work, this.UserId());
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        var work = await LoadAsync(id, ct);
        if (work is null)
        {
            return NotFound();
        }
        var errors = await SaveWork.UpdateAsync(db, clock, this.Viewer(), work, Work, AcceptRemovals,
            UnreadableValues.Under(ModelState, nameof(Work)), ct);
        if (errors.Any)
        {
            ModelState.AddErrors(errors);
            RemovedHtml = errors.RemovedHtml;
            var current = await LoadAsync(id, ct);
            if (current is not null && EditConflicts.IsConflict(errors))
            {
                // The next Save is made knowing about the newer version, so it goes through.
                Conflict = true;
                Work.Version = current.Version;
            }
            return Page();
        }
        return Redirect($"/works/{id}");
    }

    public async Task<IActionResult> OnPostMoveAsync(int id, int chapterId, int position, CancellationToken ct)
    {
        var work = await LoadAsync(id, ct);
        if (work is null)
        {
            return NotFound();
        }
        await ChapterEditing.MoveAsync(db, work, chapterId, position, ct);
        return Redirect($"/works/{id}/edit#chapters-heading");
    }

    private async Task<Work?> LoadAsync(int id, CancellationToken ct)
    {
        var work = await WorkQueries.FindEditableAsync(db, id, this.Viewer(), ct);
        if (work is null)
        {
            return null;
        }
        Id = work.Id;
        WorkTitle = work.Title;
        var viewer = this.Viewer();
        Chapters = WorkAccess.ReadableChapters(work, viewer).ToList();
        DeletableChapterIds = Chapters.Where(c => ChapterEditing.WhyNotDeletable(work, c) is null).Select(c => c.Id).ToHashSet();
        IsCreator = WorkAccess.ManagesCreators(work, viewer);
        Pseuds = await PseudQueries.OfUserAsync(db, this.UserId(), ct);
        return work;
    }
}
