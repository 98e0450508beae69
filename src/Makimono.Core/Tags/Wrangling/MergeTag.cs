using Makimono.Accounts;
using Makimono.Database;
using Microsoft.EntityFrameworkCore;

namespace Makimono.Tags.Wrangling;

/// <summary>Makes a tag a synonym of a canonical tag of the same type. Works keep their tags; their filters follow.</summary>
public static class MergeTag
{
    public static async Task<WranglingResult> RunAsync(
        ArchiveDbContext db, TimeProvider clock, Viewer viewer, int tagId, int canonicalId, CancellationToken ct = default)
    {
        var (tag, error) = await WranglingChange.LoadAsync(db, viewer, tagId, ct);
        if (tag is null)
        {
            return WranglingResult.Failed(error!);
        }
        var (canonical, otherError) = await WranglingChange.LoadOtherAsync(db, canonicalId, ct);
        if (canonical is null)
        {
            return WranglingResult.Failed(otherError!);
        }
        if (Check(tag, canonical) is { } problem)
        {
            return WranglingResult.Failed(problem);
        }
        var entry = WranglingChange.Entry(clock, viewer, WranglingAction.Merge, tag, canonical);
        tag.MergerId = canonical.Id;
        tag.IsUnwrangleable = false;
        return await WranglingChange.CommitAsync(db, entry, [tag.Id], ct);
    }

    private static string? Check(Tag tag, Tag canonical)
    {
        if (tag.Id == canonical.Id)
        {
            return $"\"{tag.Name}\" cannot be merged into itself.";
        }
        if (!canonical.IsCanonical)
        {
            return $"\"{canonical.Name}\" is not canonical; tags can only be merged into a canonical tag.";
        }
        if (tag.Type != canonical.Type)
        {
            return $"\"{tag.Name}\" is {TagTypeNames.WithArticle(tag.Type)} and \"{canonical.Name}\" is {TagTypeNames.WithArticle(canonical.Type)}; only tags of the same type can be merged.";
        }
        if (tag.IsCanonical)
        {
            return $"\"{tag.Name}\" is canonical; only non-canonical tags can become synonyms.";
        }
        if (tag.MergerId == canonical.Id)
        {
            return $"\"{tag.Name}\" is already a synonym of \"{canonical.Name}\".";
        }
        return null;
    }

    internal static async Task<(string? Error, int[] Affected)> UndoAsync(ArchiveDbContext db, WranglingLogEntry entry, Tag tag, CancellationToken ct)
    {
        if (entry.OldMergerId is { } old && !await db.Tags.AnyAsync(t => t.Id == old && t.IsCanonical, ct))
        {
            return ($"The tag \"{tag.Name}\" was a synonym of is no longer canonical; merge it by hand instead.", []);
        }
        tag.MergerId = entry.OldMergerId;
        tag.IsUnwrangleable = entry.WasUnwrangleable;
        return (null, [tag.Id]);
    }
}
