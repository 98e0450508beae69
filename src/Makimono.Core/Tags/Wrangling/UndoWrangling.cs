using Makimono.Accounts;
using Makimono.Database;
using Microsoft.EntityFrameworkCore;

namespace Makimono.Tags.Wrangling;

/// <summary>Undoes one logged wrangling change, itself logged, checked as carefully as the change was.</summary>
public static class UndoWrangling
{
    // Undoing a removed meta link adds it back, so undo checks for cycles like MetaTags and runs as serialized.
    public static Task<WranglingResult> RunAsync(ArchiveDbContext db, TimeProvider clock, Viewer viewer, int entryId, CancellationToken ct = default) =>
        SerializedChange.RunAsync(db, () => UndoAsync(db, clock, viewer, entryId, ct), ct);

    private static async Task<WranglingResult> UndoAsync(ArchiveDbContext db, TimeProvider clock, Viewer viewer, int entryId, CancellationToken ct)
    {
        var entry = await db.WranglingLog.FirstOrDefaultAsync(e => e.Id == entryId, ct);
        if (entry is null)
        {
            return WranglingResult.Failed($"There is no wrangling change {entryId}.");
        }
        if (entry.Action == WranglingAction.Undo)
        {
            return WranglingResult.Failed("An undo cannot itself be undone; make the change again instead.");
        }
        if (entry.UndoneByEntryId is not null)
        {
            return WranglingResult.Failed($"Change {entryId} has already been undone.");
        }
        var (tag, error) = await WranglingChange.LoadAsync(db, viewer, entry.TagId, ct);
        if (tag is null)
        {
            return WranglingResult.Failed(error!);
        }
        var other = entry.OtherTagId is { } otherId ? await db.Tags.SingleAsync(t => t.Id == otherId, ct) : null;
        var undo = WranglingChange.Entry(clock, viewer, WranglingAction.Undo, tag, other);
        undo.UndoesEntryId = entry.Id;
        undo.OldName = entry.Action == WranglingAction.Rename ? tag.Name : null;
        var (problem, affected) = entry.Action switch
        {
            WranglingAction.MakeCanonical => (await MakeCanonical.UndoAsync(db, entry, tag, ct), []),
            WranglingAction.Merge => await MergeTag.UndoAsync(db, entry, tag, ct),
            WranglingAction.Rename => (await RenameTag.ApplyAsync(db, tag, entry.OldName!, ct), []),
            WranglingAction.AddParent => (await ParentTags.UnlinkAsync(db, tag, other!, ct), []),
            WranglingAction.RemoveParent => (await ParentTags.LinkAsync(db, tag, other!, ct), []),
            WranglingAction.AddMetaTag => (await MetaTags.UnlinkAsync(db, tag, other!, ct), [tag.Id]),
            WranglingAction.RemoveMetaTag => (await MetaTags.LinkAsync(db, tag, other!, ct), [tag.Id]),
            WranglingAction.MarkUnwrangleable => (UndoUnwrangleable(entry, tag), Array.Empty<int>()),
            WranglingAction.SetMedia => (UndoMedia(entry, tag), Array.Empty<int>()),
            _ => ($"Changes of kind {entry.Action} cannot be undone.", Array.Empty<int>()),
        };
        if (problem is not null)
        {
            db.ChangeTracker.Clear();
            return WranglingResult.Failed($"Change {entryId} cannot be undone: {problem}");
        }
        return await WranglingChange.CommitAsync(db, undo, affected, ct, undone: entry);
    }

    private static string? UndoMedia(WranglingLogEntry entry, Tag tag)
    {
        tag.Media = entry.OldMedia;
        return null;
    }

    private static string? UndoUnwrangleable(WranglingLogEntry entry, Tag tag)
    {
        tag.IsUnwrangleable = entry.WasUnwrangleable;
        return null;
    }
}
