using Makimono.Database;
using Makimono.Tags;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Makimono.Pages.Fandoms;

/// <summary>The fandom index: AO3's media, each with its number of canonical fandoms.</summary>
public class MediaIndexModel(ArchiveDbContext db) : PageModel
{
    public IReadOnlyList<MediaEntry> Media { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Media = await FandomIndex.MediaAsync(db, ct);
}
