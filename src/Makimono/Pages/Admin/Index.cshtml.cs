using System.Security.Cryptography;
using Makimono.Accounts;
using Makimono.Database;
using Makimono.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Makimono.Pages.Admin;

public class AdminModel(ArchiveDbContext db, TimeProvider clock) : PageModel
{
    public SignUpMode Mode { get; private set; }
    public IReadOnlyList<Invitation> Invitations { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Mode = await SiteSettings.GetSignUpModeAsync(db, ct);
        Invitations = await db.Invitations.OrderByDescending(i => i.CreatedAt).Take(100).ToListAsync(ct);
    }

    public async Task<IActionResult> OnPostSignUpModeAsync(SignUpMode mode, CancellationToken ct)
    {
        await SiteSettings.SetSignUpModeAsync(db, mode, ct);
        return Redirect("/admin");
    }

    public async Task<IActionResult> OnPostInviteAsync(CancellationToken ct)
    {
        db.Invitations.Add(new Invitation
        {
            Code = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12)),
            CreatedByUserId = this.UserId(),
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        });
        await db.SaveChangesAsync(ct);
        return Redirect("/admin");
    }
}
