using Makimono.Accounts;
using Makimono.Database;
using Makimono.Web.PageModels;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Makimono.Pages.Account;

public class PseudsModel(ArchiveDbContext db) : PageModel
{
    [BindProperty] public string? NewPseud { get; set; }
    [BindProperty] public string? Description { get; set; }
    public IReadOnlyList<Pseud> Pseuds { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await CreatePseud.RunAsync(db, this.UserId(), NewPseud, Description, ct) is { } problem)
        {
            ModelState.AddModelError(nameof(NewPseud), problem);
            await LoadAsync(ct);
            return Page();
        }
        return Redirect("/account/pseuds");
    }

    public async Task<IActionResult> OnPostMakeDefaultAsync(int pseudId, CancellationToken ct)
    {
        var userId = this.UserId();
        var pseuds = await db.Pseuds.Where(p => p.UserId == userId).ToListAsync(ct);
        if (pseuds.All(p => p.Id != pseudId))
        {
            return NotFound();
        }
        foreach (var pseud in pseuds)
        {
            pseud.IsDefault = pseud.Id == pseudId;
        }
        await db.SaveChangesAsync(ct);
        return Redirect("/account/pseuds");
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var userId = this.UserId();
        Pseuds = await PseudQueries.OfUserAsync(db, userId, ct);
    }
}
