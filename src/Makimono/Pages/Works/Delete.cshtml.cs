using Makimono.Database;
using Makimono.Web.PageModels;
using Makimono.Works;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Makimono.Pages.Works;

public class DeleteWorkModel(ArchiveDbContext db) : PageModel
{
    public Work Work { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var work = await WorkQueries.FindEditableAsync(db, id, this.Viewer(), ct);
        if (work is null)
        {
            return NotFound();
        }
        Work = work;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        var work = await WorkQueries.FindEditableAsync(db, id, this.Viewer(), ct);
        if (work is null)
        {
            return NotFound();
        }
        db.Works.Remove(work);
        await db.SaveChangesAsync(ct);
        return Redirect($"/users/{User.Identity!.Name}");
    }
}
