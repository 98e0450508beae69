using System.Security.Cryptography;
using Makimono.Accounts;
using Makimono.Database;
using Makimono.Tags;
using Makimono.Tags.Wrangling;
using Makimono.Web.Forms;
using Makimono.Web.PageModels;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Makimono.Pages.Admin;

public class AdminModel(ArchiveDbContext db, TimeProvider clock) : PageModel
{
    public SignUpMode Mode { get; private set; }
    public IReadOnlyList<Invitation> Invitations { get; private set; } = [];
    public IReadOnlyList<(string UserName, string Fandom)> Wranglers { get; private set; } = [];
    /// <summary>What was typed into the assignment form, shown again when it is refused.</summary>
    public string? TypedUserName { get; private set; }
    public string? TypedFandomName { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Mode = await SiteSettings.GetSignUpModeAsync(db, ct);
        Invitations = await db.Invitations.OrderByDescending(i => i.CreatedAt).Take(100).ToListAsync(ct);
        Wranglers = (await db.WranglerAssignments.OrderBy(a => a.FandomTag.Name).ThenBy(a => a.User.UserName)
            .Select(a => new { a.User.UserName, a.FandomTag.Name }).ToListAsync(ct))
            .Select(a => (a.UserName, a.Name)).ToList();
    }

    public async Task<IActionResult> OnPostAssignWranglerAsync(string? userName, string? fandomName, CancellationToken ct)
    {
        var normalizedUser = AccountNames.Normalize(userName ?? "");
        var normalizedFandom = TagName.Normalize(fandomName ?? "");
        var user = await db.Users.FirstOrDefaultAsync(u => u.NormalizedUserName == normalizedUser, ct);
        var fandom = await db.Tags.FirstOrDefaultAsync(t => t.NormalizedName == normalizedFandom && t.Type == TagType.Fandom, ct);
        var error = user is null ? $"There is no user called \"{userName}\"."
            : fandom is null ? $"There is no fandom tag called \"{fandomName}\"."
            : await WranglerAssignments.AssignAsync(db, this.Viewer(), user.Id, fandom.Id, ct);
        if (error is not null)
        {
            ModelState.AddModelError(string.Empty, error);
            (TypedUserName, TypedFandomName) = (userName, fandomName);
            await OnGetAsync(ct);
            return Page();
        }
        return Redirect("/admin");
    }

    /// <summary>Set only on the answer to "Reset password": the one time the new password is shown.</summary>
    public (string UserName, string Password)? ResetPassword { get; private set; }
    public string? TypedResetUserName { get; private set; }

    /// <summary>
    /// Sets a generated password and ends the user's sessions. Shown in this answer only (no redirect), so it is in
    /// no address and no later page, for the admin to hand over.
    /// </summary>
    public async Task<IActionResult> OnPostResetPasswordAsync(string? resetUserName, CancellationToken ct)
    {
        var normalized = AccountNames.Normalize(resetUserName ?? "");
        var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.NormalizedUserName == normalized, ct);
        if (user is null)
        {
            ModelState.AddModelError(string.Empty, $"There is no user called \"{resetUserName}\".");
            TypedResetUserName = resetUserName;
        }
        else
        {
            var password = PasswordReset.Generate();
            await PasswordReset.SetAsync(db, user.Id, password, ct);
            ResetPassword = (user.UserName, password);
        }
        await OnGetAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostSignUpModeAsync(SignUpMode mode, CancellationToken ct)
    {
        // An unreadable mode binds as the enum's first, Open: refused instead, so a garbled post never opens sign-up.
        if (UnreadableValues.Under(ModelState, nameof(mode)).Any)
        {
            await OnGetAsync(ct);
            return Page();
        }
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
