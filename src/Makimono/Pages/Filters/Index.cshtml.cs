using Makimono.Accounts;
using Makimono.Database;
using Makimono.Search;
using Makimono.Tags;
using Makimono.Web.PageModels;
using Makimono.Web.WorkListings;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Makimono.Pages.Filters;

/// <summary>
/// The viewer's muted users and tag blocklist, which every listing and count leaves out. Guests have them too, kept in
/// a cookie in their browser.
/// </summary>
public class FiltersModel(ArchiveDbContext db, Listings listings, ViewerFilterSettings settings) : PageModel
{
    public IReadOnlyList<User> Muted { get; private set; } = [];
    public IReadOnlyList<Tag> Blocked { get; private set; } = [];
    [BindProperty] public string? TagName { get; set; }
    [BindProperty] public string? UserName { get; set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostBlockAsync(CancellationToken ct)
    {
        var tag = await ViewerPreferences.FilterTagForAsync(db.Tags.KnownTo(db, this.Viewer()), TagName ?? "", ct);
        if (tag is null)
        {
            ModelState.AddModelError(nameof(TagName), string.IsNullOrWhiteSpace(TagName) ? "Type the name of a tag to block." : $"No tag is named \"{TagName.Trim()}\".");
            await LoadAsync(ct);
            return Page();
        }
        await settings.SetBlockedAsync(HttpContext, this.Viewer(), tag.Id, block: true, ct);
        return Redirect("/filters");
    }

    public async Task<IActionResult> OnPostUnblockAsync(int tagId, CancellationToken ct)
    {
        await settings.SetBlockedAsync(HttpContext, this.Viewer(), tagId, block: false, ct);
        return Redirect("/filters");
    }

    public async Task<IActionResult> OnPostMuteAsync(CancellationToken ct)
    {
        var normalized = AccountNames.Normalize(UserName ?? "");
        var user = string.IsNullOrWhiteSpace(UserName) ? null : await db.Users.FirstOrDefaultAsync(u => u.NormalizedUserName == normalized, ct);
        if (user is null || user.Id == this.Viewer().UserId)
        {
            ModelState.AddModelError(nameof(UserName), user is null ? $"No user is named \"{UserName?.Trim()}\"." : "You cannot mute yourself.");
            await LoadAsync(ct);
            return Page();
        }
        await settings.SetMutedAsync(HttpContext, this.Viewer(), user.Id, mute: true, ct);
        return Redirect("/filters");
    }

    public async Task<IActionResult> OnPostUnmuteAsync(int userId, CancellationToken ct)
    {
        await settings.SetMutedAsync(HttpContext, this.Viewer(), userId, mute: false, ct);
        return Redirect("/filters");
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var filters = await listings.FiltersOfAsync(HttpContext, this.Viewer(), ct);
        var muted = filters.MutedUserIds.ToList();
        var blocked = filters.BlockedTagIds.ToList();
        Muted = await db.Users.Where(u => muted.Contains(u.Id)).OrderBy(u => u.NormalizedUserName).ToListAsync(ct);
        Blocked = await db.Tags.Where(t => blocked.Contains(t.Id)).OrderBy(t => t.Name).ToListAsync(ct);
    }
}
