using Makimono.Accounts;
using Makimono.Database;
using Makimono.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Makimono.Pages.Account;

public class AccountModel(ArchiveDbContext db) : PageModel
{
    [BindProperty] public string? CurrentPassword { get; set; }
    [BindProperty] public string? NewPassword { get; set; }
    public bool Changed { get; private set; }
    public int PendingInvitations { get; private set; }

    public async Task OnGetAsync(bool changed, CancellationToken ct)
    {
        Changed = changed;
        await CountInvitationsAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var user = await db.Users.FirstAsync(u => u.Id == this.UserId(), ct);
        if (string.IsNullOrEmpty(CurrentPassword) || !Passwords.Verify(user, CurrentPassword))
        {
            ModelState.AddModelError(nameof(CurrentPassword), "That is not your current password.");
        }
        if (Passwords.Validate(NewPassword) is { } problem)
        {
            ModelState.AddModelError(nameof(NewPassword), problem);
        }
        if (!ModelState.IsValid)
        {
            await CountInvitationsAsync(ct);
            return Page();
        }
        user.PasswordHash = Passwords.Hash(user, NewPassword!);
        await db.SaveChangesAsync(ct);
        // Signed in again with the new password: this session goes on, and every other one has ended.
        await Session.SignInAsync(HttpContext, user);
        return Redirect("/account?changed=true");
    }

    private async Task CountInvitationsAsync(CancellationToken ct)
    {
        var userId = this.UserId();
        PendingInvitations = await db.WorkCreators.CountAsync(c => !c.Accepted && c.Pseud.UserId == userId, ct);
    }
}
