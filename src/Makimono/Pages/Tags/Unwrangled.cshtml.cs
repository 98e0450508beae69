using Makimono.Database;
using Makimono.Tags;
using Makimono.Tags.Wrangling;
using Makimono.Web.Forms;
using Makimono.Web.PageModels;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Makimono.Pages.Tags;

/// <summary>The wrangler's queue, with one action at a time for all the ticked tags.</summary>
public class UnwrangledModel(ArchiveDbContext db, TimeProvider clock) : PageModel
{
    public IReadOnlyList<UnwrangledTag> Tags { get; private set; } = [];

    /// <summary>The fandoms whose possible duplicate characters the viewer may review.</summary>
    public IReadOnlyList<string> Fandoms { get; private set; } = [];

    public IReadOnlyList<UnwrangledTag> WithoutFandom { get; private set; } = [];

    /// <summary>What the last mass action did, tag by tag; empty on a plain visit.</summary>
    public IReadOnlyList<MassOutcome> Outcomes { get; private set; } = [];

    /// <summary>What the wrangler typed and ticked, kept when the action is refused so nothing has to be done again.</summary>
    public string? OtherName { get; private set; }

    public MassAction Action { get; private set; } = MassAction.MakeCanonical;

    public IReadOnlySet<int> Ticked { get; private set; } = new HashSet<int>();

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await WranglingAccess.DenyWranglingPagesAsync(db, this.Viewer(), ct) is { } denied)
        {
            return this.Forbidden(denied);
        }
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int[] tagIds, MassAction action, string? otherName, CancellationToken ct)
    {
        if (await WranglingAccess.DenyWranglingPagesAsync(db, this.Viewer(), ct) is { } denied)
        {
            return this.Forbidden(denied);
        }
        var needsTarget = action is MassAction.Merge or MassAction.AddParentFandom;
        var target = needsTarget ? await FindAsync(otherName, ct) : null;
        OtherName = otherName;
        Action = action;
        Ticked = tagIds.ToHashSet();
        // An unreadable action binds as the first one (make canonical): it is refused, with its error beside the choices.
        var actionRead = !UnreadableValues.Under(ModelState, nameof(action)).Any;
        if (tagIds.Length == 0)
        {
            ModelState.AddModelError(string.Empty, "Tick the tags to change.");
        }
        else if (needsTarget && target is null)
        {
            ModelState.AddModelError("otherName", string.IsNullOrWhiteSpace(otherName)
                ? "Type the name of the tag to merge into or the fandom to add."
                : $"There is no tag called \"{otherName.Trim()}\".");
        }
        else if (actionRead)
        {
            Outcomes = await MassWrangling.RunAsync(db, clock, this.Viewer(), tagIds, action, target, ct);
        }
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var viewer = this.Viewer();
        Tags = await UnwrangledTags.ForAsync(db, viewer, ct);
        WithoutFandom = await UnwrangledTags.WithoutFandomAsync(db, viewer, ct);
        var fandoms = db.Tags.Where(t => t.Type == TagType.Fandom && t.IsCanonical);
        if (!viewer.IsAdmin)
        {
            fandoms = fandoms.Where(t => db.WranglerAssignments.Any(a => a.UserId == viewer.UserId && a.FandomTagId == t.Id));
        }
        Fandoms = await fandoms.OrderBy(t => t.Name).Select(t => t.Name).Take(UnwrangledTags.Max).ToListAsync(ct);
    }

    private Task<Tag?> FindAsync(string? name, CancellationToken ct) => TagLookup.FindByNameAsync(db.Tags.AsNoTracking(), name, ct);
}
