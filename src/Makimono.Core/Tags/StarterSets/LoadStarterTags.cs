using Makimono.Database;
using Makimono.Tags.Wrangling;
using Microsoft.EntityFrameworkCore;

namespace Makimono.Tags.StarterSets;

/// <summary>
/// Loads a starter set: each tag becomes canonical, its synonyms are merged into it and its parents linked.
/// Loading twice changes nothing. Tags already wrangled differently are reported, not overwritten, and then
/// nothing is stored, so an operator fixes the file and runs it again.
/// </summary>
public static class LoadStarterTags
{
    public sealed record Summary(int Created, int MadeCanonical, int Merged, int Linked);

    public static async Task<(Summary? Summary, List<string> Errors)> RunAsync(
        ArchiveDbContext db, TimeProvider clock, IReadOnlyList<StarterTag> starters, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var errors = new List<string>();
        int created = 0, madeCanonical = 0, merged = 0, linked = 0;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);

        async Task<Tag> FindOrCreateAsync(string name, TagType type)
        {
            var (tag, isNew) = await TagLookup.FindOrCreateAsync(db, name, type, now, ct);
            created += isNew ? 1 : 0;
            return tag;
        }

        var canonicals = new List<(StarterTag Starter, Tag Tag)>();
        foreach (var starter in starters)
        {
            var tag = await FindOrCreateAsync(starter.Name, starter.Type);
            if (tag.Type != starter.Type || tag.MergerId is not null)
            {
                errors.Add($"Line {starter.Line}: \"{tag.Name}\" is already {(tag.MergerId is not null ? "a synonym" : TagTypeNames.WithArticle(tag.Type))}.");
                continue;
            }
            if (!tag.IsCanonical)
            {
                tag.IsCanonical = true;
                tag.IsUnwrangleable = false;
                madeCanonical++;
            }
            // A medium in the file is the operator's choice; a fandom the file leaves without one keeps its own.
            if (starter.Media is { } media)
            {
                tag.Media = media;
            }
            canonicals.Add((starter, tag));
        }
        // Ids first, so the links below can refer to tags the file itself creates.
        await db.SaveChangesAsync(ct);

        var touched = new List<int>();
        foreach (var (starter, tag) in canonicals)
        {
            foreach (var name in starter.Synonyms)
            {
                var synonym = await FindOrCreateAsync(name, starter.Type);
                if (synonym.MergerId == tag.Id || synonym == tag)
                {
                    continue;
                }
                if (synonym.Type != tag.Type || synonym.IsCanonical || synonym.MergerId is not null)
                {
                    errors.Add($"Line {starter.Line}: \"{synonym.Name}\" cannot become a synonym of \"{tag.Name}\"; it is already {(synonym.IsCanonical ? "canonical" : synonym.MergerId is not null ? "a synonym of another tag" : TagTypeNames.WithArticle(synonym.Type))}.");
                    continue;
                }
                synonym.Merger = tag;
                synonym.IsUnwrangleable = false;
                merged++;
                if (synonym.Id != 0)
                {
                    touched.Add(synonym.Id);
                }
            }
            foreach (var name in starter.Parents)
            {
                var parent = db.Tags.Local.FirstOrDefault(t => t.NormalizedName == TagName.Normalize(name) && t.IsCanonical)
                    ?? await db.Tags.FirstOrDefaultAsync(t => t.NormalizedName == TagName.Normalize(name) && t.IsCanonical, ct);
                if (parent is null)
                {
                    errors.Add($"Line {starter.Line}: the parent \"{name}\" is not a canonical tag; list it in the file too.");
                    continue;
                }
                if (await db.TagParents.AnyAsync(l => l.ParentId == parent.Id && l.ChildId == tag.Id, ct)
                    || db.TagParents.Local.Any(l => l.ParentId == parent.Id && l.ChildId == tag.Id))
                {
                    continue;
                }
                if (await ParentTags.LinkAsync(db, tag, parent, ct) is { } problem)
                {
                    errors.Add($"Line {starter.Line}: {problem}");
                    continue;
                }
                linked++;
            }
        }
        if (errors.Count > 0)
        {
            db.ChangeTracker.Clear();
            return (null, errors);
        }
        await db.SaveChangesAsync(ct);
        await WorkFilters.RefreshAsync(db, touched, ct);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return (new Summary(created, madeCanonical, merged, linked), errors);
    }
}
