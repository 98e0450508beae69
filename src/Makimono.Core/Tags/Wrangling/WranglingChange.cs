using Makimono.Accounts;
using Makimono.Database;
using Microsoft.EntityFrameworkCore;

namespace Makimono.Tags.Wrangling;

/// <summary>The steps every wrangling operation shares: load and authorise, then store, log and refresh filters at once.</summary>
internal static class WranglingChange
{
    /// <summary>Loads a tag the viewer may wrangle, or says why not.</summary>
    public static async Task<(Tag? Tag, string? Error)> LoadAsync(ArchiveDbContext db, Viewer viewer, int tagId, CancellationToken ct)
    {
        var tag = await db.Tags.FirstOrDefaultAsync(t => t.Id == tagId, ct);
        if (tag is null)
        {
            return (null, $"There is no tag with id {tagId}.");
        }
        if (tag.Id < FixedTags.FirstUserTagId)
        {
            return (null, $"\"{tag.Name}\" is one of the fixed tags every archive has; it cannot be wrangled.");
        }
        return await WranglingAccess.DenyAsync(db, viewer, tag, ct) is { } denied ? (null, denied) : (tag, null);
    }

    /// <summary>Loads the other tag of an operation (a merge target, a parent, a meta tag); no authorisation needed to point at it.</summary>
    public static async Task<(Tag? Tag, string? Error)> LoadOtherAsync(ArchiveDbContext db, int tagId, CancellationToken ct)
    {
        var tag = await db.Tags.FirstOrDefaultAsync(t => t.Id == tagId, ct);
        return tag is null ? (null, $"There is no tag with id {tagId}.") : (tag, null);
    }

    public static WranglingLogEntry Entry(TimeProvider clock, Viewer viewer, WranglingAction action, Tag tag, Tag? other = null) => new()
    {
        UserId = viewer.UserId ?? throw new InvalidOperationException("Wrangling needs a signed-in user."),
        At = clock.GetUtcNow().UtcDateTime,
        Action = action,
        TagId = tag.Id,
        OtherTagId = other?.Id,
        WasCanonical = tag.IsCanonical,
        WasUnwrangleable = tag.IsUnwrangleable,
        OldMergerId = tag.MergerId,
    };

    /// <summary>
    /// The shared steps of a change between two tags (a parent or meta link): load both, check the wrangler may
    /// change the first, apply, log and refresh the filters of the works under <paramref name="refresh"/>.
    /// </summary>
    public static async Task<WranglingResult> LinkChangeAsync(
        ArchiveDbContext db, TimeProvider clock, Viewer viewer, int tagId, int otherId, WranglingAction action,
        Func<Tag, Tag, Task<string?>> apply, Func<Tag, int[]> refresh, CancellationToken ct)
    {
        var (tag, error) = await LoadAsync(db, viewer, tagId, ct);
        if (tag is null)
        {
            return WranglingResult.Failed(error!);
        }
        var (other, otherError) = await LoadOtherAsync(db, otherId, ct);
        if (other is null)
        {
            return WranglingResult.Failed(otherError!);
        }
        var entry = Entry(clock, viewer, action, tag, other);
        var problem = await apply(tag, other);
        return problem is null ? await CommitAsync(db, entry, refresh(tag), ct) : WranglingResult.Failed(problem);
    }

    /// <summary>
    /// Saves the change and its log entry, then refreshes the filter sets of the works of
    /// <paramref name="affectedTagIds"/>, in one transaction so filters never disagree with the graph
    /// (the caller's, when it runs the whole change in one, as <see cref="SerializedChange"/> does).
    /// </summary>
    public static async Task<WranglingResult> CommitAsync(
        ArchiveDbContext db, WranglingLogEntry entry, IReadOnlyCollection<int> affectedTagIds, CancellationToken ct,
        WranglingLogEntry? undone = null)
    {
        await using var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        db.WranglingLog.Add(entry);
        await db.SaveChangesAsync(ct);
        if (undone is not null)
        {
            undone.UndoneByEntryId = entry.Id;
        }
        if (affectedTagIds.Count > 0)
        {
            await WorkFilters.RefreshAsync(db, affectedTagIds, ct);
        }
        await db.SaveChangesAsync(ct);
        if (transaction is not null)
        {
            await transaction.CommitAsync(ct);
        }
        return new WranglingResult(entry.Id, null);
    }
}
