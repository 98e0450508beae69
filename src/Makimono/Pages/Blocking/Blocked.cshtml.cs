using Makimono.Accounts;
using Makimono.Database;
using Makimono.Responses.Blocking;
using Makimono.Web.PageModels;
using Makimono.Works;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Makimono.Pages.Blocking;

/// <summary>The users the signed-in user blocks, to block more by name or unblock; a user page's Block button posts here too.</summary>
[Authorize]
public class BlockedModel(ArchiveDbContext db, TimeProvider clock) : PageModel
{
    public const string MessageKey = "BlockMessage";

    public IReadOnlyList<(string UserName, DateTime Since)> Blocked { get; private set; } = [];

    [BindProperty]
    public string? UserName { get; set; }

    public async Task OnGetAsync(CancellationToken ct) =>
        Blocked = await BlockUser.BlockedUsersAsync(db, this.UserId(), ct);

    /// <summary><paramref name="fromProfile"/>: pressed on the user's page, so the answer goes back there.</summary>
    public async Task<IActionResult> OnPostBlockAsync(bool fromProfile, CancellationToken ct)
    {
        var other = await FindAsync(UserName, ct);
        if (other is null)
        {
            ModelState.AddModelError(nameof(UserName), $"There is no user named \"{UserName?.Trim()}\".");
            await OnGetAsync(ct);
            return Page();
        }
        var result = await BlockUser.BlockAsync(db, clock, this.UserId(), other.Id, ct);
        var message = result switch
        {
            BlockResult.Blocked or BlockResult.AlreadyBlocked =>
                $"You blocked {other.UserName}: they can no longer leave kudos on your works, or comment on or reply to your works and comments.",
            BlockResult.Self => "You can't block yourself.",
            _ => $"You have blocked {Limits.BlocksMax:N0} users, the most you can. Unblock someone to block {other.UserName}.",
        };
        if (result is BlockResult.Self or BlockResult.LimitReached && !fromProfile)
        {
            ModelState.AddModelError(nameof(UserName), message);
            await OnGetAsync(ct);
            return Page();
        }
        TempData[MessageKey] = message;
        return Redirect(fromProfile ? ProfilePath(other) : "/account/blocked");
    }

    public async Task<IActionResult> OnPostUnblockAsync(bool fromProfile, CancellationToken ct)
    {
        var other = await FindAsync(UserName, ct);
        if (other is null)
        {
            return NotFound();
        }
        await BlockUser.UnblockAsync(db, this.UserId(), other.Id, ct);
        TempData[MessageKey] = $"You unblocked {other.UserName}.";
        return Redirect(fromProfile ? ProfilePath(other) : "/account/blocked");
    }

    private async Task<User?> FindAsync(string? name, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return null;
        }
        var normalized = AccountNames.Normalize(name.Trim());
        return await db.Users.FirstOrDefaultAsync(u => u.NormalizedUserName == normalized, ct);
    }

    private static string ProfilePath(User user) => $"/users/{Uri.EscapeDataString(user.UserName)}";
}
