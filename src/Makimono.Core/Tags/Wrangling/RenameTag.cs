using Makimono.Accounts;
using Makimono.Database;
using Microsoft.EntityFrameworkCore;

namespace Makimono.Tags.Wrangling;

/// <summary>Changes how a tag is shown. Ids stay, so works' tags and filters need no change.</summary>
public static class RenameTag
{
    public static async Task<WranglingResult> RunAsync(
        ArchiveDbContext db, TimeProvider clock, Viewer viewer, int tagId, string newName, CancellationToken ct = default)
    {
        var (tag, error) = await WranglingChange.LoadAsync(db, viewer, tagId, ct);
        if (tag is null)
        {
            return WranglingResult.Failed(error!);
        }
        var entry = WranglingChange.Entry(clock, viewer, WranglingAction.Rename, tag);
        entry.OldName = tag.Name;
        if (await ApplyAsync(db, tag, newName, ct) is { } problem)
        {
            return WranglingResult.Failed(problem);
        }
        return await WranglingChange.CommitAsync(db, entry, [], ct);
    }

    internal static async Task<string?> ApplyAsync(ArchiveDbContext db, Tag tag, string newName, CancellationToken ct)
    {
        var name = newName.Trim();
        if (TagName.Validate(name) is { } invalid)
        {
            return invalid;
        }
        if (name == tag.Name)
        {
            return $"The tag is already called \"{name}\".";
        }
        var normalized = TagName.Normalize(name);
        var clash = await db.Tags.Where(t => t.NormalizedName == normalized && t.Id != tag.Id).Select(t => t.Name).FirstOrDefaultAsync(ct);
        if (clash is not null)
        {
            return $"\"{name}\" is the same name as the existing tag \"{clash}\"; merge into that tag instead.";
        }
        tag.Name = name;
        tag.NormalizedName = normalized;
        return null;
    }
}
