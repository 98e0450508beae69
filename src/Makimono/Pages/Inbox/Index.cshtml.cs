using Makimono.Database;
using Makimono.Inbox;
using Makimono.Web.PageModels;
using Makimono.Works;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Makimono.Pages.Inbox;

/// <summary>The inbox: grouped by work, newest first, with read and unread; "Mark read" per work and "Mark all read".</summary>
public class InboxModel(ArchiveDbContext db, TimeProvider clock) : PageModel
{
    public Page<InboxGroup> Groups { get; private set; } = null!;
    public InboxNames Names { get; private set; } = null!;
    public int Unread { get; private set; }
    /// <summary>The newest item this page was shown with: marking read stops there, so what arrives meanwhile stays unread.</summary>
    public long UpTo { get; private set; }

    public async Task OnGetAsync([FromQuery] int page = 1, CancellationToken ct = default)
    {
        var viewer = this.Viewer();
        (Groups, Names) = await InboxListing.PageAsync(db, viewer, page, ct);
        Unread = await InboxListing.UnreadCountAsync(db, viewer, ct);
        UpTo = await InboxListing.NewestIdAsync(db, viewer, ct);
    }

    public async Task<IActionResult> OnPostMarkReadAsync(int workId, long upTo, int page = 1, CancellationToken ct = default)
    {
        await InboxListing.MarkReadAsync(db, clock, this.UserId(), workId, upTo, ct);
        return Redirect(page > 1 ? $"/inbox?page={page}" : "/inbox");
    }

    public async Task<IActionResult> OnPostMarkAllReadAsync(long upTo, CancellationToken ct)
    {
        await InboxListing.MarkAllReadAsync(db, clock, this.UserId(), upTo, ct);
        return Redirect("/inbox");
    }

    public string PageUrl(int page) => page > 1 ? $"/inbox?page={page}" : "/inbox";
}
