using Makimono.Accounts;
using Makimono.Database;

namespace Makimono.Tags.Wrangling;

/// <summary>Takes a tag that fits no canonical tag out of the unwrangled queue (or puts it back).</summary>
public static class MarkUnwrangleable
{
    public static async Task<WranglingResult> RunAsync(
        ArchiveDbContext db, TimeProvider clock, Viewer viewer, int tagId, bool unwrangleable = true, CancellationToken ct = default)
    {
        var (tag, error) = await WranglingChange.LoadAsync(db, viewer, tagId, ct);
        if (tag is null)
        {
            return WranglingResult.Failed(error!);
        }
        if (tag.IsCanonical || tag.MergerId is not null)
        {
            return WranglingResult.Failed($"\"{tag.Name}\" is already wrangled (canonical or a synonym); only unwrangled tags can be unwrangleable.");
        }
        if (tag.IsUnwrangleable == unwrangleable)
        {
            return WranglingResult.Failed($"\"{tag.Name}\" is already marked {(unwrangleable ? "unwrangleable" : "wrangleable")}.");
        }
        var entry = WranglingChange.Entry(clock, viewer, WranglingAction.MarkUnwrangleable, tag);
        tag.IsUnwrangleable = unwrangleable;
        return await WranglingChange.CommitAsync(db, entry, [], ct);
    }
}
