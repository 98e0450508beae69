using Makimono.Database;
using Makimono.Web.PageModels;
using Makimono.Works;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Makimono.Pages.Account;

public class CreatorshipsModel(ArchiveDbContext db) : PageModel
{
    public IReadOnlyList<WorkCreator> Invitations { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var userId = this.UserId();
        Invitations = await db.WorkCreators.Where(c => !c.Accepted && c.Pseud.UserId == userId)
            .Include(c => c.Work).Include(c => c.Pseud).ToListAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(int workId, int pseudId, bool accept, CancellationToken ct)
    {
        var answered = await WorkCreators.AnswerInvitationAsync(db, this.UserId(), workId, pseudId, accept, ct);
        if (!answered)
        {
            return NotFound();
        }
        return accept ? Redirect($"/works/{workId}") : Redirect("/account/creatorships");
    }
}
