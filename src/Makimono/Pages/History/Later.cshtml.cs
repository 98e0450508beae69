using Makimono.Database;
using Makimono.Reading.History;
using Makimono.Web.PageModels;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Makimono.Pages.History;

/// <summary>"Mark for later" and "Remove from marked for later": the work page's and the history page's buttons post here.</summary>
[Authorize]
public class MarkForLaterModel(ArchiveDbContext db) : PageModel
{
    public IActionResult OnGet(int id) => Redirect($"/works/{id}");

    public async Task<IActionResult> OnPostAsync(int id, bool marked, string? returnUrl, CancellationToken ct)
    {
        if (!await ReadingHistory.SetMarkedForLaterAsync(db, this.Viewer(), id, marked, ct))
        {
            return NotFound();
        }
        return Redirect(returnUrl is not null && Url.IsLocalUrl(returnUrl) ? returnUrl : $"/works/{id}");
    }
}
