using Makimono.Database;
using Makimono.Web.PageModels;
using Makimono.Works;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Makimono.Pages.Works;

/// <summary>A work one chapter at a time (/works/1, /works/1/chapters/7) or whole (?view_full_work=true).</summary>
[History.RecordsReading]
public class ReadModel(ArchiveDbContext db, TimeProvider clock) : PageModel
{
    public Work Work { get; private set; } = null!;
    public IReadOnlyList<Chapter> Chapters { get; private set; } = [];
    /// <summary>The chapters shown on this page: one, or all of them.</summary>
    public IReadOnlyList<Chapter> Shown { get; private set; } = [];
    public bool FullWork { get; private set; }
    public bool CanEdit { get; private set; }
    public bool CanHide { get; private set; }
    public bool IsCreator { get; private set; }
    public Chapter? Previous { get; private set; }
    public Chapter? Next { get; private set; }

    /// <summary>The page of comments shown when one chapter is (<see cref="Makimono.Responses.Comments.CommentThreads.ThreadsPerPage"/> threads a page).</summary>
    public int CommentsPage { get; private set; } = 1;

    public async Task<IActionResult> OnGetAsync(int id, int? chapterId, [FromQuery(Name = "view_full_work")] bool full,
        [FromQuery(Name = "page")] int page = 1, CancellationToken ct = default)
    {
        CommentsPage = Math.Max(1, page);
        var viewer = this.Viewer();
        var work = await WorkQueries.FindVisibleAsync(db, id, viewer, ct);
        if (work is null)
        {
            return await this.WorkNotVisibleAsync(db, id, ct);
        }
        Work = work;
        this.CountHit(work);
        Chapters = WorkAccess.ReadableChapters(work, viewer).ToList();
        IsCreator = WorkAccess.IsCreator(work, viewer);
        CanEdit = WorkAccess.CanEdit(work, viewer);
        CanHide = WorkAccess.CanHide(work, viewer);
        FullWork = full || Chapters.Count == 1;
        if (FullWork)
        {
            Shown = Chapters;
            return Page();
        }
        var index = chapterId is null ? 0 : Chapters.ToList().FindIndex(c => c.Id == chapterId);
        if (index < 0)
        {
            return NotFound();
        }
        Shown = [Chapters[index]];
        Previous = index > 0 ? Chapters[index - 1] : null;
        Next = index < Chapters.Count - 1 ? Chapters[index + 1] : null;
        return Page();
    }

    public async Task<IActionResult> OnPostPostDraftAsync(int id, CancellationToken ct)
    {
        var work = await WorkQueries.FindEditableAsync(db, id, this.Viewer(), ct);
        if (work is null || !WorkAccess.IsCreator(work, this.Viewer()))
        {
            return NotFound();
        }
        await SaveWork.PostDraftAsync(db, clock, work, ct);
        return Redirect($"/works/{id}");
    }

    /// <summary>Admins hide a work from everyone but its creators, or show it again.</summary>
    public async Task<IActionResult> OnPostHideAsync(int id, bool hide, CancellationToken ct)
    {
        var viewer = this.Viewer();
        if (!viewer.IsAdmin)
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }
        var work = await db.Works.FindAsync([id], ct);
        if (work is null || !WorkAccess.CanHide(work, viewer))
        {
            return NotFound();
        }
        work.IsHidden = hide;
        await db.SaveChangesAsync(ct);
        return Redirect($"/works/{id}");
    }

    public string ChapterUrl(Chapter chapter) => $"/works/{Work.Id}/chapters/{chapter.Id}";

    public int NumberOf(Chapter chapter) => Chapters.ToList().IndexOf(chapter) + 1;
}
