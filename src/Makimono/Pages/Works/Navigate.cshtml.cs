using Makimono.Database;
using Makimono.Web.PageModels;
using Makimono.Works;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Makimono.Pages.Works;

public class NavigateModel(ArchiveDbContext db) : PageModel
{
    public Work Work { get; private set; } = null!;
    public IReadOnlyList<Chapter> Chapters { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var work = await WorkQueries.FindVisibleAsync(db, id, this.Viewer(), ct);
        if (work is null)
        {
            return await this.WorkNotVisibleAsync(db, id, ct);
        }
        Work = work;
        Chapters = WorkAccess.ReadableChapters(work, this.Viewer()).ToList();
        return Page();
    }
}
