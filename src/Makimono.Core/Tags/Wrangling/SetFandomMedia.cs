using Makimono.Accounts;
using Makimono.Database;

namespace Makimono.Tags.Wrangling;

/// <summary>Files a canonical fandom under a medium of the fandom index (or under none: uncategorized).</summary>
public static class SetFandomMedia
{
    public static async Task<WranglingResult> RunAsync(
        ArchiveDbContext db, TimeProvider clock, Viewer viewer, int fandomId, Media? media, CancellationToken ct = default)
    {
        var (tag, error) = await WranglingChange.LoadAsync(db, viewer, fandomId, ct);
        if (tag is null)
        {
            return WranglingResult.Failed(error!);
        }
        if (tag.Type != TagType.Fandom || !tag.IsCanonical)
        {
            return WranglingResult.Failed($"\"{tag.Name}\" is not a canonical fandom; only canonical fandoms are listed under a medium.");
        }
        if (tag.Media == media)
        {
            return WranglingResult.Failed($"\"{tag.Name}\" is already listed under {MediaNames.Name(media)}.");
        }
        var entry = WranglingChange.Entry(clock, viewer, WranglingAction.SetMedia, tag);
        entry.OldMedia = tag.Media;
        tag.Media = media;
        return await WranglingChange.CommitAsync(db, entry, [], ct);
    }
}
