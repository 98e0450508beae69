using Makimono.Database;
using Makimono.Tags;
using Makimono.Tags.Names;
using Makimono.Tags.Wrangling;
using Makimono.Web.PageModels;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Makimono.Pages.Tags;

/// <summary>One tag's wrangling: make canonical, merge, add a parent fandom, mark unwrangleable, and undo recent changes.</summary>
public class WrangleModel(ArchiveDbContext db, TimeProvider clock) : PageModel
{
    public Tag Tag { get; private set; } = null!;
    public Tag? Merger { get; private set; }
    public TagRelations Relations { get; private set; } = null!;
    public IReadOnlyList<WranglingLogEntry> Log { get; private set; } = [];
    public string? Done { get; private set; }
    public MergeSuggestion? Suggestion { get; private set; }

    public async Task<IActionResult> OnGetAsync(string name, CancellationToken ct) => await ShowAsync(name, ct) ?? Page();

    public Task<IActionResult> OnPostMakeCanonicalAsync(string name, CancellationToken ct) =>
        RunAsync(name, "Made canonical.", tag => MakeCanonical.RunAsync(db, clock, this.Viewer(), tag.Id, ct), ct);

    public Task<IActionResult> OnPostUnwrangleableAsync(string name, CancellationToken ct) =>
        RunAsync(name, "Marked unwrangleable.", tag => MarkUnwrangleable.RunAsync(db, clock, this.Viewer(), tag.Id, ct: ct), ct);

    public Task<IActionResult> OnPostMergeAsync(string name, string? canonicalName, CancellationToken ct) =>
        RunAsync(name, $"Merged into {canonicalName}.", tag => WithTagAsync(canonicalName, target => MergeTag.RunAsync(db, clock, this.Viewer(), tag.Id, target.Id, ct), ct), ct);

    public Task<IActionResult> OnPostAddParentAsync(string name, string? parentName, CancellationToken ct) =>
        RunAsync(name, $"Added the parent {parentName}.", tag => WithTagAsync(parentName, parent => ParentTags.AddAsync(db, clock, this.Viewer(), tag.Id, parent.Id, ct), ct), ct);

    public Task<IActionResult> OnPostRemoveParentAsync(string name, string? parentName, CancellationToken ct) =>
        RunAsync(name, $"Removed the parent {parentName}.", tag => WithTagAsync(parentName, parent => ParentTags.RemoveAsync(db, clock, this.Viewer(), tag.Id, parent.Id, ct), ct), ct);

    public Task<IActionResult> OnPostAddMetaTagAsync(string name, string? metaName, CancellationToken ct) =>
        RunAsync(name, $"Added the meta tag {metaName}.", tag => WithTagAsync(metaName, meta => MetaTags.AddAsync(db, clock, this.Viewer(), tag.Id, meta.Id, ct), ct), ct);

    public Task<IActionResult> OnPostRemoveMetaTagAsync(string name, string? metaName, CancellationToken ct) =>
        RunAsync(name, $"Removed the meta tag {metaName}.", tag => WithTagAsync(metaName, meta => MetaTags.RemoveAsync(db, clock, this.Viewer(), tag.Id, meta.Id, ct), ct), ct);

    public Task<IActionResult> OnPostRenameAsync(string name, string? newName, CancellationToken ct) =>
        RunAsync(name, $"Renamed to {newName}.", tag => RenameTag.RunAsync(db, clock, this.Viewer(), tag.Id, newName ?? "", ct), ct);

    public Task<IActionResult> OnPostSetMediaAsync(string name, string? media, CancellationToken ct) =>
        RunAsync(name, $"Listed under {MediaNames.Name(MediaNames.TryParse(media, out var m) ? m : null)}.",
            tag => MediaNames.TryParse(media, out var chosen)
                ? SetFandomMedia.RunAsync(db, clock, this.Viewer(), tag.Id, chosen, ct)
                : Task.FromResult(WranglingResult.Failed("Choose one of the media.")), ct);

    public Task<IActionResult> OnPostUndoAsync(string name, int entryId, CancellationToken ct) =>
        RunAsync(name, "Undone.", _ => UndoWrangling.RunAsync(db, clock, this.Viewer(), entryId, ct), ct);

    /// <summary>The changes that name a second tag: it must exist, or the wrangler is told which name was not found.</summary>
    private async Task<WranglingResult> WithTagAsync(string? otherName, Func<Tag, Task<WranglingResult>> change, CancellationToken ct) =>
        await FindAsync(otherName, ct) is { } other ? await change(other) : NoSuchTag(otherName);

    private async Task<IActionResult> RunAsync(string name, string done, Func<Tag, Task<WranglingResult>> change, CancellationToken ct)
    {
        if (await ShowAsync(name, ct) is { } refused)
        {
            return refused;
        }
        var result = await change(Tag);
        if (!result.Succeeded)
        {
            ModelState.AddModelError(string.Empty, result.Error!);
            return await ShowAsync(name, ct) ?? Page();
        }
        // Back to the page by its (possibly new) name, so a reload does not post again.
        var current = await db.Tags.AsNoTracking().SingleAsync(t => t.Id == Tag.Id, ct);
        // A wrangler who removed the parent fandom that was hers may no longer wrangle the tag: show her its works instead of a refusal.
        if (await WranglingAccess.DenyAsync(db, this.Viewer(), current, ct) is not null)
        {
            return Redirect(TagUrl.WorksPath(current.Name));
        }
        return Redirect($"/tags/{TagUrl.ToSegment(current.Name)}/wrangle?done={Uri.EscapeDataString(done)}");
    }

    /// <summary>Loads what the page shows; returns a response instead when there is no such tag or the viewer may not wrangle it.</summary>
    private async Task<IActionResult?> ShowAsync(string name, CancellationToken ct)
    {
        var tag = await FindAsync(TagUrl.FromSegment(name), ct);
        if (tag is null)
        {
            return NotFound();
        }
        if (await WranglingAccess.DenyAsync(db, this.Viewer(), tag, ct) is not null)
        {
            // Someone who may not wrangle the tag learns no more than its public page would tell.
            return await db.Tags.KnownTo(db, this.Viewer()).AnyAsync(t => t.Id == tag.Id, ct)
                ? StatusCode(StatusCodes.Status403Forbidden)
                : NotFound();
        }
        Tag = tag;
        Merger = tag.MergerId is { } mergerId ? await db.Tags.FindAsync([mergerId], ct) : null;
        Relations = await TagRelations.LoadAsync(db, tag.Id, ct);
        Log = await db.WranglingLog.AsNoTracking().Include(e => e.Tag).Include(e => e.OtherTag)
            .Where(e => e.TagId == tag.Id || e.OtherTagId == tag.Id)
            .OrderByDescending(e => e.Id).Take(20).ToListAsync(ct);
        Suggestion = await MergeSuggestion.ForTagAsync(db, tag, ct);
        Done = Request.Query["done"].FirstOrDefault();
        return null;
    }

    /// <summary>
    /// What was typed into <paramref name="field"/> of the form whose handler is <paramref name="handler"/>, when that form
    /// was just refused and the page is shown again; null otherwise, so each form keeps only its own input.
    /// </summary>
    public string? Typed(string handler, string field) =>
        !ModelState.IsValid && Request.HasFormContentType
        && string.Equals(Request.Query["handler"], handler, StringComparison.OrdinalIgnoreCase)
            ? Request.Form[field].FirstOrDefault()
            : null;

    private Task<Tag?> FindAsync(string? name, CancellationToken ct) => TagLookup.FindByNameAsync(db.Tags, name, ct);

    private static WranglingResult NoSuchTag(string? name) =>
        WranglingResult.Failed(string.IsNullOrWhiteSpace(name) ? "Type the name of a tag." : $"There is no tag called \"{name.Trim()}\".");
}
