using Makimono.Accounts;
using Makimono.Database;
using Microsoft.EntityFrameworkCore;

namespace Makimono.Tags.Wrangling;

public enum MassAction
{
    MakeCanonical,
    Merge,
    AddParentFandom,
    MarkUnwrangleable,
}

/// <summary>The mass actions in the order and words the unwrangled queue offers them.</summary>
public static class MassActions
{
    public static readonly IReadOnlyList<(MassAction Value, string Label)> Choices =
    [
        (MassAction.MakeCanonical, "Make canonical"),
        (MassAction.Merge, "Merge into the tag named below"),
        (MassAction.AddParentFandom, "Add the fandom named below as a parent (of canonical tags)"),
        (MassAction.MarkUnwrangleable, "Mark unwrangleable"),
    ];
}

/// <summary>What one action did to one of the ticked tags.</summary>
public sealed record MassOutcome(int TagId, string TagName, WranglingResult Result);

/// <summary>
/// One action on many tags from the unwrangled queue. Each tag is changed, authorised, logged and undoable on its
/// own, exactly as if wrangled alone, so a refusal for one tag (not the wrangler's fandom, already wrangled) leaves
/// the others applied and is reported beside them.
/// </summary>
public static class MassWrangling
{
    public static async Task<List<MassOutcome>> RunAsync(
        ArchiveDbContext db, TimeProvider clock, Viewer viewer, IReadOnlyCollection<int> tagIds, MassAction action, Tag? other,
        CancellationToken ct = default)
    {
        var ids = tagIds.Distinct().ToList();
        var names = await db.Tags.Where(t => ids.Contains(t.Id)).ToDictionaryAsync(t => t.Id, t => t.Name, ct);
        var outcomes = new List<MassOutcome>(ids.Count);
        foreach (var id in ids)
        {
            var result = await RunOneAsync(db, clock, viewer, id, action, other, ct);
            if (!result.Succeeded)
            {
                // A refused change may have loaded or touched entities; the next tag starts clean.
                db.ChangeTracker.Clear();
            }
            outcomes.Add(new MassOutcome(id, names.GetValueOrDefault(id, $"tag {id}"), result));
        }
        return outcomes;
    }

    private static Task<WranglingResult> RunOneAsync(
        ArchiveDbContext db, TimeProvider clock, Viewer viewer, int tagId, MassAction action, Tag? other, CancellationToken ct) => action switch
    {
        MassAction.MakeCanonical => MakeCanonical.RunAsync(db, clock, viewer, tagId, ct),
        MassAction.MarkUnwrangleable => MarkUnwrangleable.RunAsync(db, clock, viewer, tagId, ct: ct),
        MassAction.Merge when other is not null => MergeTag.RunAsync(db, clock, viewer, tagId, other.Id, ct),
        MassAction.AddParentFandom when other is { Type: TagType.Fandom } => ParentTags.AddAsync(db, clock, viewer, tagId, other.Id, ct),
        MassAction.AddParentFandom when other is not null =>
            Task.FromResult(WranglingResult.Failed($"\"{other.Name}\" is {TagTypeNames.WithArticle(other.Type)}, not a fandom.")),
        _ => Task.FromResult(WranglingResult.Failed("Name the tag to merge into or the fandom to add.")),
    };
}
