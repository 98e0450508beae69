using Makimono.Accounts;
using Makimono.Database;
using Makimono.Web.Auth;
using Makimono.Web.PageModels;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Makimono.Pages.Account;

public class AccountModel(ArchiveDbContext db, TimeProvider clock) : PageModel
{
    [BindProperty] public string? CurrentPassword { get; set; }
    [BindProperty] public string? NewPassword { get; set; }
    public bool Changed { get; private set; }
    public int PendingInvitations { get; private set; }
    public IReadOnlyList<UserSession> Sessions { get; private set; } = [];
    public string? ThisSessionKey { get; private set; }
    [BindProperty] public string? AppPasswordLabel { get; set; }
    public IReadOnlyList<AppPassword> AppPasswordList { get; private set; } = [];
    /// <summary>Set only on the answer to "Create app password": the one time its text is shown.</summary>
    public AppPasswords.Created? NewAppPassword { get; private set; }

    public async Task OnGetAsync(bool changed, CancellationToken ct)
    {
        Changed = changed;
        await LoadAsync(ct);
    }

    public async Task<IActionResult> OnPostEndSessionAsync(int sessionId, CancellationToken ct)
    {
        var userId = this.UserId();
        var isThisOne = (await Accounts.Sessions.OfUserAsync(db, clock, userId, ct))
            .Any(s => s.Id == sessionId && Accounts.Sessions.IsKey(s, Session.KeyOf(User)));
        if (isThisOne)
        {
            await Session.SignOutAsync(HttpContext);
            return Redirect("/");
        }
        await Accounts.Sessions.EndOneAsync(db, userId, sessionId, ct);
        return Redirect("/account#sessions-heading");
    }

    /// <summary>"Log out everywhere": every session of this account ends, this one included.</summary>
    public async Task<IActionResult> OnPostEndAllAsync(CancellationToken ct)
    {
        await Accounts.Sessions.EndAllAsync(db, this.UserId(), keepKey: null, ct);
        await Session.SignOutAsync(HttpContext);
        return Redirect("/");
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
            await LoadAsync(ct);
            return Page();
        }
        user.PasswordHash = Passwords.Hash(user, NewPassword!);
        await db.SaveChangesAsync(ct);
        // Whoever else knew the old password may be signed in: every other session ends, this one goes on.
        await Accounts.Sessions.EndAllAsync(db, user.Id, keepKey: Session.KeyOf(User), ct);
        return Redirect("/account?changed=true");
    }

    public async Task<IActionResult> OnPostCreateAppPasswordAsync(CancellationToken ct)
    {
        if (AppPasswords.ValidateLabel(AppPasswordLabel) is { } problem)
        {
            ModelState.AddModelError(nameof(AppPasswordLabel), problem);
        }
        else
        {
            // Shown in this answer and never again: no redirect, so the password is in no address and no later page.
            NewAppPassword = await AppPasswords.CreateAsync(db, clock, this.UserId(), AppPasswordLabel!.Trim(), ct);
            AppPasswordLabel = null;
            ModelState.Clear();
        }
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAppPasswordAsync(int appPasswordId, CancellationToken ct)
    {
        await AppPasswords.RevokeAsync(db, this.UserId(), appPasswordId, ct);
        return Redirect("/account#app-passwords-heading");
    }

    public bool IsThisSession(UserSession session) => Accounts.Sessions.IsKey(session, ThisSessionKey);

    private async Task LoadAsync(CancellationToken ct)
    {
        var userId = this.UserId();
        PendingInvitations = await db.WorkCreators.CountAsync(c => !c.Accepted && c.Pseud.UserId == userId, ct);
        Sessions = await Accounts.Sessions.OfUserAsync(db, clock, userId, ct);
        ThisSessionKey = Session.KeyOf(User);
        AppPasswordList = await AppPasswords.OfUserAsync(db, userId, ct);
    }
}
