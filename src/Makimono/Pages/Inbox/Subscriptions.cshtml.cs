using Makimono.Database;
using Makimono.Inbox;
using Makimono.Web.PageModels;
using Makimono.Works;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Makimono.Pages.Inbox;

/// <summary>
/// The user's subscriptions, to list and remove; and where every Subscribe and Unsubscribe button posts, returning to
/// the page it was pressed on.
/// </summary>
public class SubscriptionsModel(ArchiveDbContext db, TimeProvider clock) : PageModel
{
    /// <summary>A subscription as listed: what it follows, by name and address (null when the user may no longer see it).</summary>
    public sealed record Row(SubscriptionKey Key, string Kind, string Name, string? Href);

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var viewer = this.Viewer();
        var subscriptions = await Subscriptions.OfUserAsync(db, this.UserId(), ct);
        var workIds = subscriptions.Where(s => s.WorkId is not null).Select(s => s.WorkId!.Value).ToList();
        var readable = (await db.Works.VisibleTo(viewer).Where(w => workIds.Contains(w.Id)).Select(w => w.Id).ToListAsync(ct)).ToHashSet();
        Rows = subscriptions.Select(s => s.Target switch
        {
            SubscriptionTarget.Work => readable.Contains(s.WorkId!.Value)
                ? new Row(SubscriptionKey.Of(s), "Work", s.Work!.Title, $"/works/{s.WorkId}")
                : new Row(SubscriptionKey.Of(s), "Work", "A work you can no longer see", null),
            SubscriptionTarget.User => new Row(SubscriptionKey.Of(s), "User", s.TargetUser!.UserName, $"/users/{Uri.EscapeDataString(s.TargetUser.UserName)}"),
            SubscriptionTarget.Series => new Row(SubscriptionKey.Of(s), "Series", s.Series!.Title, $"/series/{s.SeriesId}"),
            _ => new Row(SubscriptionKey.Of(s), "Saved search", s.SavedSearch!.Name, "/account/searches"),
        }).ToList();
    }

    public async Task<IActionResult> OnPostSubscribeAsync(string? target, int id, string? returnUrl, CancellationToken ct)
    {
        if (SubscriptionKey.ParseTarget(target) is not { } kind
            || !await Subscriptions.SubscribeAsync(db, clock, this.Viewer(), new SubscriptionKey(kind, id), ct))
        {
            return NotFound();
        }
        return Back(returnUrl);
    }

    public async Task<IActionResult> OnPostUnsubscribeAsync(string? target, int id, string? returnUrl, CancellationToken ct)
    {
        if (SubscriptionKey.ParseTarget(target) is not { } kind)
        {
            return NotFound();
        }
        await Subscriptions.UnsubscribeAsync(db, this.UserId(), new SubscriptionKey(kind, id), ct);
        return Back(returnUrl);
    }

    /// <summary>Back to the page the button was on; only an address on this site, so the form cannot send anyone elsewhere.</summary>
    private IActionResult Back(string? returnUrl) =>
        Url.IsLocalUrl(returnUrl) ? LocalRedirect(returnUrl) : Redirect("/account/subscriptions");
}
