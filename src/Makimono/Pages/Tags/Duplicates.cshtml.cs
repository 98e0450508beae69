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

/// <summary>A fandom's character tags that probably name one character, with the evidence and a merge button for each.</summary>
public class DuplicatesModel(ArchiveDbContext db, TimeProvider clock) : PageModel
{
    public Tag Fandom { get; private set; } = null!;
    public IReadOnlyList<VariantGroup> Groups { get; private set; } = [];
    public string? Done { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? fandom, CancellationToken ct) => await ShowAsync(fandom, ct) ?? Page();

    public Task<IActionResult> OnPostMergeAsync(string? fandom, int tagId, int canonicalId, CancellationToken ct) =>
        RunAsync(fandom, "Merged.", () => MergeTag.RunAsync(db, clock, this.Viewer(), tagId, canonicalId, ct), ct);

    public Task<IActionResult> OnPostMakeCanonicalAsync(string? fandom, int tagId, CancellationToken ct) =>
        RunAsync(fandom, "Made canonical.", () => MakeCanonical.RunAsync(db, clock, this.Viewer(), tagId, ct), ct);

    private async Task<IActionResult> RunAsync(string? fandom, string done, Func<Task<WranglingResult>> change, CancellationToken ct)
    {
        if (await ShowAsync(fandom, ct) is { } refused)
        {
            return refused;
        }
        var result = await change();
        if (!result.Succeeded)
        {
            ModelState.AddModelError(string.Empty, result.Error!);
            return await ShowAsync(fandom, ct) ?? Page();
        }
        return Redirect($"/tags/wrangle/duplicates?fandom={Uri.EscapeDataString(Fandom.Name)}&done={Uri.EscapeDataString(done)}");
    }

    /// <summary>Loads the groups; returns a response instead when there is no such fandom or the viewer does not wrangle it.</summary>
    private async Task<IActionResult?> ShowAsync(string? fandom, CancellationToken ct)
    {
        var tag = await TagLookup.FindByNameAsync(db.Tags.AsNoTracking().Where(t => t.Type == TagType.Fandom), fandom, ct);
        if (tag is null)
        {
            return NotFound();
        }
        if (await WranglingAccess.DenyAsync(db, this.Viewer(), tag, ct) is not null)
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }
        Fandom = tag;
        Groups = await CharacterVariants.ForFandomAsync(db, tag.MergerId ?? tag.Id, ct);
        Done = Request.Query["done"].FirstOrDefault();
        return null;
    }
}
